//! Each kind's form read back from its example in `data/`: the V/v under a
//! công văn's Số, Kính gửi and its dashes, a decision's authority line and
//! `QUYẾT ĐỊNH:`, its bold `Điều` labels and executors' article, a parent
//! body's line; and every example opens cleanly in Word and paginates in
//! LibreOffice as in the PDF.

use crate::util::{self, need, Docx, Para, Word};
use std::path::{Path, PathBuf};

const QUYET_DINH: &str = "quyet-dinh-phe-duyet-ke-hoach-binh-dang-gioi-bat-trang-2026";
const CONG_VAN: &str = "cong-van-trien-khai-ke-hoach-binh-dang-gioi-bat-trang-2026";
const TO_TRINH: &str = "to-trinh-phe-duyet-ke-hoach-binh-dang-gioi-bat-trang-2026";
const THONG_BAO: &str = "thong-bao-ket-luan-hop-binh-dang-gioi-bat-trang-2026";
const NGHI_QUYET: &str = "nghi-quyet-binh-dang-gioi-hdnd-bat-trang-2026";
const CHI_THI: &str = "chi-thi-binh-dang-gioi-bat-trang-2026";
const BIEN_BAN: &str = "bien-ban-hop-binh-dang-gioi-bat-trang-2026";
const GIAY_MOI: &str = "giay-moi-hoi-nghi-binh-dang-gioi-bat-trang-2026";
const GIAY_GIOI_THIEU: &str = "giay-gioi-thieu-binh-dang-gioi-bat-trang-2026";
const LIEN_TICH: &str = "ke-hoach-lien-tich-binh-dang-gioi-bat-trang-2026";
const GIAY_NGHI_PHEP: &str = "giay-nghi-phep-bat-trang-2026";

/// Render `data/<stem>.yaml`: its folder, DOCX and PDF.
fn render(stem: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", &format!("data/{stem}.yaml"), "-o"])
        .arg(dir.path())
        .current_dir(util::root())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{stem}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let docx = dir.path().join(format!("{stem}.docx"));
    let pdf = dir.path().join(format!("{stem}.pdf"));
    (dir, docx, pdf)
}

fn paragraphs(docx: &Path) -> Vec<Para> {
    Docx::new(std::fs::read(docx).unwrap()).paragraphs()
}

fn find<'a>(paras: &'a [Para], text: &str) -> &'a Para {
    paras
        .iter()
        .find(|p| p.text == text)
        .unwrap_or_else(|| panic!("no `{text}`"))
}

/// The first word `text` on page 1 of `pdf`.
fn word(words: &[Word], text: &str) -> Word {
    words
        .iter()
        .find(|w| w.text == text)
        .cloned()
        .unwrap_or_else(|| panic!("no word `{text}`"))
}

/// Millimetres to PDF points.
fn pt(mm: f32) -> f32 {
    mm * 72.0 / 25.4
}

#[test]
fn a_cong_van_has_its_v_v_under_the_so_in_the_left_column_and_no_title() {
    let (_dir, docx, pdf) = render(CONG_VAN);
    let paras = paragraphs(&docx);
    let number = paras
        .iter()
        .position(|p| p.text.starts_with("Số:"))
        .unwrap();
    assert!(
        paras[number].text.ends_with("/UBND-VHXH"),
        "body and drafting unit: {}",
        paras[number].text
    );
    let subject = &paras[number + 1];
    assert_eq!(subject.style.as_deref(), Some("VBVeViec"));
    assert!(subject
        .text
        .starts_with("V/v triển khai Kế hoạch bình đẳng giới"));
    assert_eq!(
        paras[number + 2].text,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "then the right column"
    );
    assert!(
        !paras
            .iter()
            .any(|p| p.style.as_deref() == Some("VBTenLoai")),
        "no tên loại"
    );
    if need("pdftotext", "reads word positions") {
        let words = util::pdf_words(&pdf, 1);
        let (vv, so) = (word(&words, "V/v"), word(&words, "Số:"));
        let left_column_end = pt(30.0 + 65.0);
        assert!(vv.y_min > so.y_max, "under the Số");
        assert!(vv.x_max < left_column_end, "in the left column");
    }
}

#[test]
fn kinh_gui_lists_its_recipients_with_their_dashes_under_the_colon() {
    let (_dir, docx, pdf) = render(CONG_VAN);
    let paras = paragraphs(&docx);
    let at = paras.iter().position(|p| p.text == "Kính gửi:").unwrap();
    assert_eq!(paras[at].style.as_deref(), Some("VBKinhGui"));
    assert_eq!(paras[at + 1].text, "- Các thôn trên địa bàn xã;");
    assert_eq!(paras[at + 2].text, "- Các trường học trên địa bàn xã.");
    assert_eq!(paras[at + 1].style.as_deref(), Some("VBKinhGuiMuc"));
    let nn = paras.iter().position(|p| p.text == "Nơi nhận:").unwrap();
    assert_eq!(
        paras[nn + 1].text,
        "- Như trên;",
        "those addressed come first"
    );
    if need("pdftotext", "reads word positions") {
        let words = util::pdf_words(&pdf, 1);
        let colon = word(&words, "gửi:");
        let dash = words
            .iter()
            .find(|w| w.text == "-" && w.y_min > colon.y_max)
            .unwrap();
        assert!(
            (dash.x_min - colon.x_max).abs() < 6.0,
            "the dash stands under the colon: {} vs {}",
            dash.x_min,
            colon.x_max
        );
    }
    // One recipient stands on the line of `Kính gửi:`.
    let (_dir, docx, _) = render(TO_TRINH);
    let paras = paragraphs(&docx);
    find(&paras, "Kính gửi: Chủ tịch Ủy ban nhân dân xã Bát Tràng.");
}

#[test]
fn a_decision_names_its_authority_decides_in_bold_articles_and_says_who_executes_it() {
    let (_dir, docx, pdf) = render(QUYET_DINH);
    let paras = paragraphs(&docx);
    let authority = find(&paras, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÁT TRÀNG");
    assert_eq!(authority.style.as_deref(), Some("VBThamQuyen"));
    let decides = find(&paras, "QUYẾT ĐỊNH:");
    assert_eq!(decides.style.as_deref(), Some("VBThamQuyen"));
    let styles = Docx::new(std::fs::read(&docx).unwrap()).part("word/styles.xml");
    let style = &styles[styles.find("w:styleId=\"VBThamQuyen\"").unwrap()..];
    let style = &style[..style.find("</w:style>").unwrap()];
    assert!(
        style.contains("<w:b/>") && style.contains(r#"<w:jc w:val="center"/>"#),
        "{style}"
    );
    let order: Vec<&str> = paras
        .iter()
        .map(|p| p.text.as_str())
        .skip_while(|t| *t != "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÁT TRÀNG")
        .take(6)
        .collect();
    assert_eq!(
        order[1],
        "Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;"
    );
    assert_eq!(order[4], "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.");
    assert_eq!(order[5], "QUYẾT ĐỊNH:");
    for n in 1..=3 {
        let article = paras
            .iter()
            .find(|p| p.text.starts_with(&format!("Điều {n}. ")))
            .unwrap();
        assert_eq!(
            util::runs(&article.xml)[0],
            (format!("Điều {n}. "), true, false)
        );
    }
    let last = paras
        .iter()
        .find(|p| p.text.starts_with("Điều 3."))
        .unwrap();
    assert!(
        last.text
            .ends_with("chịu trách nhiệm thi hành Quyết định này./."),
        "{}",
        last.text
    );
    find(&paras, "- Như Điều 3;");
    assert!(paras.iter().any(|p| p.text == "KT. CHỦ TỊCH"));
    assert!(
        !paras.iter().any(|p| p.text.starts_with("TM.")),
        "the head decides, not the body"
    );
    if need("pdftotext", "reads word positions") {
        let words = util::pdf_words(&pdf, 1);
        let i = words.iter().position(|w| w.text == "ĐỊNH:").unwrap();
        let centre = (words[i - 1].x_min + words[i].x_max) / 2.0;
        let text_centre = pt(30.0 + (210.0 - 30.0 - 15.0) / 2.0);
        assert!(
            (centre - text_centre).abs() < 2.0,
            "QUYẾT ĐỊNH: centred: {centre} vs {text_centre}"
        );
    }
}

#[test]
fn a_resolution_resolves_and_is_signed_for_the_council() {
    let (_dir, docx, _) = render(NGHI_QUYET);
    let paras = paragraphs(&docx);
    let authority = paras
        .iter()
        .find(|p| p.style.as_deref() == Some("VBThamQuyen"))
        .unwrap();
    assert_eq!(
        authority.text,
        "HỘI ĐỒNG NHÂN DÂN XÃ BÁT TRÀNGKHÓA I, KỲ HỌP THỨ 5"
    );
    assert_eq!(authority.xml.matches("<w:br").count(), 1, "two lines");
    find(&paras, "QUYẾT NGHỊ:");
    find(&paras, "TM. HỘI ĐỒNG NHÂN DÂN");
    assert!(paras.iter().any(|p| p.text.starts_with("Xét Tờ trình")));
}

#[test]
fn a_bien_ban_has_no_date_line_and_two_signatures_side_by_side() {
    let (_dir, docx, pdf) = render(BIEN_BAN);
    let paras = paragraphs(&docx);
    assert!(
        !paras
            .iter()
            .any(|p| p.style.as_deref() == Some("VBDiaDanh")),
        "no place and date line (Mẫu 1.9)"
    );
    for line in [
        "Thời gian bắt đầu: 14 giờ 00, ngày 10/3/2026",
        "Địa điểm: Hội trường Ủy ban nhân dân xã",
        "Chủ trì (chủ tọa): Dương Đăng Hòa - Phó Chủ tịch Ủy ban nhân dân xã",
        "Cuộc họp kết thúc vào 16 giờ 30 cùng ngày./.",
    ] {
        find(&paras, line);
    }
    let xml = Docx::new(std::fs::read(&docx).unwrap()).part("word/document.xml");
    let closing = &xml[xml.rfind("<w:tbl>").unwrap()..];
    // Titles in one row, names in the next: each side's title over its name.
    let cells: Vec<&str> = closing.split("<w:tc>").skip(1).collect();
    assert_eq!(cells.len(), 4);
    assert!(cells[0].contains("THƯ KÝ") && cells[2].contains("Nguyễn Thị Thu"));
    assert!(cells[1].contains("CHỦ TỌA") && cells[3].contains("Dương Đăng Hòa"));
    if need("pdftotext", "reads word positions") {
        let words = util::pdf_words(&pdf, 1);
        let (secretary, chair) = (word(&words, "THƯ"), word(&words, "TỌA"));
        assert!((secretary.y_min - chair.y_min).abs() < 1.0, "side by side");
        let middle = pt(30.0 + (210.0 - 45.0) / 2.0);
        assert!(
            secretary.x_max < middle && chair.x_min > middle,
            "one each side"
        );
    }
    // A biên bản without its secretary is refused, at the key.
    let case = util::Case::new();
    let path = case.path(&format!("{BIEN_BAN}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap();
    let start = text.find("thu_ky:").unwrap();
    let end = text.find("noi_dung:").unwrap();
    std::fs::write(&path, format!("{}{}", &text[..start], &text[end..])).unwrap();
    let out = case.vanban(&["render", &format!("{BIEN_BAN}.yaml")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("biên bản cần khóa `thu_ky`"));
}

#[test]
fn urgency_secrecy_and_draft_marks_stand_where_the_decree_and_practice_put_them() {
    let case = util::Case::new();
    let path = case.path(&format!("{CONG_VAN}.yaml"));
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace(
            "don_vi_soan: VHXH\n",
            "don_vi_soan: VHXH\ndo_khan: hoa_toc\ndo_mat: mat\ndu_thao: 2\n",
        ),
    )
    .unwrap();
    case.vanban_ok(&["render", &format!("{CONG_VAN}.yaml")]);
    let docx = case.path(&format!("out/{CONG_VAN}.docx"));
    let paras = paragraphs(&docx);
    assert_eq!(paras[0].text, "DỰ THẢO LẦN 2", "first, above the header");
    assert_eq!(paras[0].style.as_deref(), Some("VBDuThao"));
    let subject = paras
        .iter()
        .position(|p| p.text.starts_with("V/v"))
        .unwrap();
    assert_eq!(paras[subject + 1].text, "MẬT");
    assert_eq!(
        paras[subject + 2].text,
        "HỎA TỐC",
        "under the Số and V/v (ô 10a, 10b)"
    );
    assert!(paras[subject + 2].xml.contains("<w:pBdr>"), "boxed");
    assert_eq!(
        paras[subject + 3].text,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "in the left column"
    );
    let styles = Docx::new(std::fs::read(&docx).unwrap()).part("word/styles.xml");
    let style = &styles[styles.find("w:styleId=\"VBDoKhan\"").unwrap()..];
    let style = &style[..style.find("</w:style>").unwrap()];
    assert!(
        style.contains(r#"<w:color w:val="FF0000"/>"#) && style.contains("<w:b/>"),
        "{style}"
    );
    if let Some(report) = util::audit(&docx) {
        assert!(report.contains("Errors: 0"), "{report}");
    }
    if need("pdftotext", "reads word positions") {
        let pdf = case.path(&format!("out/{CONG_VAN}.pdf"));
        let words = util::pdf_words(&pdf, 1);
        let (urgent, so, national) = (
            word(&words, "HỎA"),
            word(&words, "Số:"),
            word(&words, "CỘNG"),
        );
        assert!(
            urgent.y_min > so.y_max && urgent.x_max < pt(30.0 + 65.0),
            "left column, under the Số"
        );
        let draft = word(&words, "DỰ");
        assert!(
            draft.y_max < national.y_min && draft.x_min > pt(30.0 + 82.5),
            "top right, above the header"
        );
    }
}

#[test]
fn a_department_issues_under_its_parent_bodys_line() {
    let (_dir, docx, _) = render(TO_TRINH);
    let paras = paragraphs(&docx);
    assert_eq!(paras[0].text, "UBND XÃ BÁT TRÀNG");
    assert_eq!(paras[0].style.as_deref(), Some("VBCoQuanChuQuan"));
    assert_eq!(paras[1].text, "PHÒNG VĂN HÓA - XÃ HỘI");
    assert_eq!(paras[1].style.as_deref(), Some("VBCoQuan"));
    assert!(paras[2].text.ends_with("/TTr-VHXH"), "{}", paras[2].text);
    find(&paras, "TỜ TRÌNH");
    find(&paras, "I. SỰ CẦN THIẾT");
    find(&paras, "TRƯỞNG PHÒNG");
}

#[test]
fn a_giay_nghi_phep_has_the_forms_lines_and_no_trich_yeu() {
    let (_dir, docx, _pdf) = render(GIAY_NGHI_PHEP);
    let paras = paragraphs(&docx);
    assert!(!paras
        .iter()
        .any(|p| p.style.as_deref() == Some("VBTrichYeu")));
    assert_eq!(
        body_lines(&paras, "Xét Đơn"),
        [
            "Xét Đơn đề nghị nghỉ phép ngày 25/6/2026 của ông (bà) Nguyễn Thị Thu,",
            "Ủy ban nhân dân xã Bát Tràng cấp cho:",
            "Ông (bà): Nguyễn Thị Thu",
            "Chức vụ: Trưởng phòng Văn hóa - Xã hội, Ủy ban nhân dân xã Bát Tràng",
            "Được nghỉ phép trong thời gian 10 ngày làm việc kể từ ngày 06/7/2026 đến hết ngày 17/7/2026 tại thành phố Đà Nẵng./.",
        ]
    );
    find(&paras, "Số: 07/GNP-UBND");
    // A trích yếu the form has no place for is refused, not dropped.
    let case = util::Case::new();
    let path = case.path(&format!("{GIAY_NGHI_PHEP}.yaml"));
    let yaml = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{yaml}trich_yeu: Nghỉ phép năm\n")).unwrap();
    let out = case.vanban(&["render", &format!("{GIAY_NGHI_PHEP}.yaml")]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("trich_yeu") && said.contains("không in phần này"),
        "{said}"
    );
}

#[test]
fn a_lien_tich_document_names_both_bodies_and_has_both_signatures_level() {
    let (_dir, docx, pdf) = render(LIEN_TICH);
    let paras = paragraphs(&docx);
    let head: Vec<(&str, Option<&str>)> = paras[..5]
        .iter()
        .map(|p| (p.text.as_str(), p.style.as_deref()))
        .collect();
    assert_eq!(
        head,
        [
            ("ỦY BAN NHÂN DÂN", Some("VBCoQuan")),
            ("XÃ BÁT TRÀNG", Some("VBCoQuan")),
            ("ỦY BAN MẶT TRẬN TỔ QUỐC", Some("VBCoQuan")),
            ("VIỆT NAM XÃ BÁT TRÀNG", Some("VBCoQuan")),
            ("Số: 03/KH-UBND-MTTQ", Some("VBSoKyHieu")),
        ],
        "the lead body on top, both codes in the ký hiệu"
    );
    // The closing: authority lines in one row, names in the next; the joint
    // body on the left, the lead on the right.
    let xml = Docx::new(std::fs::read(&docx).unwrap()).part("word/document.xml");
    let closing = &xml[xml.rfind("<w:tbl>").unwrap()..];
    let rows: Vec<Vec<&str>> = closing
        .split("<w:tr>")
        .skip(1)
        .map(|r| r.split("<w:tc>").skip(1).collect())
        .collect();
    assert_eq!(rows.len(), 2);
    assert!(rows[0][0].contains("TM. BAN THƯỜNG TRỰC") && rows[0][0].contains("CHỦ TỊCH"));
    assert!(rows[0][1].contains("TM. ỦY BAN NHÂN DÂN") && rows[0][1].contains("PHÓ CHỦ TỊCH"));
    assert!(rows[1][0].contains("«Họ và tên Chủ tịch UBMTTQ»"));
    assert!(rows[1][1].contains("Dương Đăng Hòa"));
    // Nơi nhận follows the two signatures, with the records office.
    let recipients = find(&paras, "Nơi nhận:");
    assert_eq!(recipients.style.as_deref(), Some("VBNoiNhan"));
    find(&paras, "- Lưu: VT, VHXH.");
    if need("pdftotext", "reads word positions") {
        let words = util::pdf_words(&pdf, 1);
        let tm: Vec<&Word> = words.iter().filter(|w| w.text == "TM.").collect();
        assert_eq!(tm.len(), 2);
        assert!((tm[0].y_min - tm[1].y_min).abs() < 1.0, "authorities level");
        let (joint, lead) = (word(&words, "«Họ"), word(&words, "Dương"));
        assert!((joint.y_min - lead.y_min).abs() < 1.0, "names level");
        let middle = pt(30.0 + (210.0 - 45.0) / 2.0);
        assert!(joint.x_max < middle && lead.x_min > middle, "one each side");
    }
    // The joint body's signer is looked up in its own profile.
    let case = util::Case::new();
    let path = case.path(&format!("{LIEN_TICH}.yaml"));
    let yaml = std::fs::read_to_string(&path).unwrap();
    let from = "    ho_ten: «Họ và tên Chủ tịch UBMTTQ»";
    assert!(yaml.contains(from));
    std::fs::write(&path, yaml.replacen(from, "    ho_ten: Dương Đăng Hòa", 1)).unwrap();
    let out = case.vanban(&["render", &format!("{LIEN_TICH}.yaml")]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("lien_tich.nguoi_ky.ho_ten") && said.contains("mttq-bat-trang.yaml"),
        "{said}"
    );
    // Its partner is its own unit's: for another unit, or a batch, it is
    // refused rather than printed beside the wrong partner.
    let file = format!("data/{LIEN_TICH}.yaml");
    for args in [
        ["render", &file, "--don-vi", "data/don-vi/gia-lam.yaml"],
        ["batch", &file, "--tinh", "Hà Nội"],
    ] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(args)
            .arg("-o")
            .arg(case.path("ra"))
            .current_dir(util::root())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr)
            .contains("văn bản liên tịch không dựng cho đơn vị khác"));
        assert!(!case.path("ra").exists(), "nothing written");
    }
}

/// The body's paragraphs from the first with `from` to the last before
/// the closing table, in order.
fn body_lines(paras: &[Para], from: &str) -> Vec<String> {
    let start = paras
        .iter()
        .position(|p| p.text.starts_with(from))
        .unwrap_or_else(|| panic!("no `{from}`"));
    paras[start..]
        .iter()
        .take_while(|p| p.text != "Nơi nhận:")
        .map(|p| p.text.clone())
        .collect()
}

#[test]
fn a_giay_moi_invites_its_guests_to_the_meeting_with_its_chair_time_and_place() {
    let (_dir, docx, _pdf) = render(GIAY_MOI);
    let paras = paragraphs(&docx);
    find(&paras, "GIẤY MỜI");
    let summary = find(
        &paras,
        "Dự Hội nghị triển khai Kế hoạch thực hiện công tác bình đẳng giới năm 2026",
    );
    assert_eq!(summary.style.as_deref(), Some("VBTrichYeu"));
    assert_eq!(
        body_lines(&paras, "Ủy ban nhân dân xã Bát Tràng trân trọng kính mời:"),
        [
            "Ủy ban nhân dân xã Bát Tràng trân trọng kính mời:",
            "- Đại diện lãnh đạo các đoàn thể chính trị - xã hội xã;",
            "- Trưởng các thôn trên địa bàn xã;",
            "- Trưởng các phòng, ban, đơn vị thuộc Ủy ban nhân dân xã.",
            "Tới dự Hội nghị triển khai Kế hoạch thực hiện công tác bình đẳng giới và vì sự tiến bộ của phụ nữ xã Bát Tràng năm 2026.",
            "Chủ trì: Đồng chí Dương Đăng Hòa - Phó Chủ tịch Ủy ban nhân dân xã.",
            "Thời gian: 08 giờ 00, ngày 06/3/2026 (thứ Sáu).",
            "Địa điểm: Hội trường Ủy ban nhân dân xã.",
            "Giao Phòng Văn hóa - Xã hội chuẩn bị tài liệu, phối hợp Văn phòng HĐND và UBND chuẩn bị hội trường, phục vụ hội nghị.",
            "Đề nghị các đại biểu sắp xếp công việc, đến dự hội nghị đúng thời gian./.",
        ]
    );
    // The guests are the addressees: the Nơi nhận begins with them.
    assert!(paras.iter().any(|p| p.text == "- Như trên;"));
    let text = Docx::new(std::fs::read(&docx).unwrap()).part("word/document.xml");
    assert!(text.contains("Số: 15/GM-UBND"));
    // Without its place, the form is incomplete: refused at the key.
    let case = util::Case::new();
    let path = case.path(&format!("{GIAY_MOI}.yaml"));
    let yaml = std::fs::read_to_string(&path).unwrap();
    let line = "dia_diem: Hội trường Ủy ban nhân dân {cap}.\n";
    assert!(yaml.contains(line));
    std::fs::write(&path, yaml.replacen(line, "", 1)).unwrap();
    let out = case.vanban(&["render", &format!("{GIAY_MOI}.yaml")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("giấy mời cần khóa `dia_diem`"));
}

#[test]
fn a_giay_gioi_thieu_has_no_trich_yeu_and_ends_with_its_validity() {
    let (_dir, docx, pdf) = render(GIAY_GIOI_THIEU);
    let paras = paragraphs(&docx);
    let at = paras
        .iter()
        .position(|p| p.text == "GIẤY GIỚI THIỆU")
        .expect("tên loại");
    assert!(
        !paras
            .iter()
            .any(|p| p.style.as_deref() == Some("VBTrichYeu")),
        "no trích yếu under the tên loại (Mẫu 1.8)"
    );
    assert!(paras[at + 1].text.ends_with("trân trọng giới thiệu:"));
    // The short line follows the tên loại at once: the next paragraph of
    // the XML is the empty one with the bottom border.
    let xml = Docx::new(std::fs::read(&docx).unwrap()).part("word/document.xml");
    let after = &xml[xml.find("GIẤY GIỚI THIỆU</w:t>").unwrap()..];
    let next = &after[after.find("<w:p>").or(after.find("<w:p ")).unwrap()..];
    let next = &next[..next.find("</w:p>").unwrap()];
    assert!(
        next.contains("<w:bottom") && !next.contains("<w:t"),
        "{next}"
    );
    assert_eq!(
        body_lines(
            &paras,
            "Ủy ban nhân dân xã Bát Tràng trân trọng giới thiệu:"
        ),
        [
            "Ủy ban nhân dân xã Bát Tràng trân trọng giới thiệu:",
            "Ông (bà): Nguyễn Thị Thu",
            "Chức vụ: Trưởng phòng Văn hóa - Xã hội, Ủy ban nhân dân xã Bát Tràng",
            "Được cử đến: Ủy ban nhân dân xã Gia Lâm, thành phố Hà Nội",
            "Về việc: Liên hệ, trao đổi kinh nghiệm thực hiện công tác bình đẳng giới năm 2026",
            "Đề nghị Quý cơ quan tạo điều kiện để ông (bà) có tên ở trên hoàn thành nhiệm vụ.",
            "Giấy này có giá trị đến hết ngày 31/3/2026./.",
        ]
    );
    if need("pdftotext", "reads the PDF's text") {
        let text = util::pdf_text(&pdf);
        assert!(text.contains("Số: 21/GGT-UBND"), "{text}");
    }
    // Content the form has no place for is refused, not dropped.
    let case = util::Case::new();
    let path = case.path(&format!("{GIAY_GIOI_THIEU}.yaml"));
    let yaml = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        format!("{yaml}noi_dung:\n  - doan: Thêm một đoạn.\n"),
    )
    .unwrap();
    let out = case.vanban(&["render", &format!("{GIAY_GIOI_THIEU}.yaml")]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("noi_dung") && said.contains("không in phần này"),
        "{said}"
    );
}

#[test]
fn every_kinds_example_opens_cleanly_and_paginates_alike() {
    for stem in [
        QUYET_DINH,
        CONG_VAN,
        TO_TRINH,
        THONG_BAO,
        NGHI_QUYET,
        CHI_THI,
        BIEN_BAN,
        GIAY_MOI,
        GIAY_GIOI_THIEU,
        LIEN_TICH,
        GIAY_NGHI_PHEP,
    ] {
        let (_dir, docx, pdf) = render(stem);
        if let Some(report) = util::audit(&docx) {
            assert!(report.contains("Errors: 0"), "{stem}: {report}");
        }
        if need("soffice", "lays out the DOCX") && need("pdfinfo", "counts pages") {
            assert_eq!(
                util::pdf_pages(&util::libreoffice_pdf(&docx)),
                util::pdf_pages(&pdf),
                "{stem}"
            );
        }
        let check = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(["check", &format!("data/{stem}.yaml")])
            .current_dir(util::root())
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&check.stdout);
        assert!(said.contains("0 lỗi"), "{stem}: {said}");
    }
}

#[test]
fn check_knows_each_kinds_form() {
    let case = util::Case::new();
    let edit = |file: &str, from: &str, to: &str| {
        let path = case.path(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit(
        &format!("{CONG_VAN}.yaml"),
        "trich_yeu: V/v triển khai",
        "trich_yeu: Triển khai",
    );
    edit(
        &format!("{CONG_VAN}.yaml"),
        "kinh_gui:\n  - Các thôn trên địa bàn {cap}\n  - Các trường học trên địa bàn {cap}\n",
        "",
    );
    edit(
        &format!("{QUYET_DINH}.yaml"),
        "thi_hanh:",
        "nguoi_thi_hanh_cu:",
    );
    let out = case.vanban(&["check", &format!("{CONG_VAN}.yaml")]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("[ND30-PL1-II.5]: khóa `trich_yeu`") && said.contains("`V/v`"),
        "{said}"
    );
    assert!(said.contains("[ND30-PL1-II.9]: khóa `kinh_gui`"), "{said}");
    // An unknown key is an error before any rule of the kind.
    let out = case.vanban(&["check", &format!("{QUYET_DINH}.yaml")]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("nguoi_thi_hanh_cu"));
    edit(
        &format!("{QUYET_DINH}.yaml"),
        "nguoi_thi_hanh_cu:",
        "nguoi_ky_cu:",
    );
    let text = std::fs::read_to_string(case.path(&format!("{QUYET_DINH}.yaml"))).unwrap();
    let start = text.find("nguoi_ky_cu:").unwrap();
    let end = text.find("noi_nhan:").unwrap();
    std::fs::write(
        case.path(&format!("{QUYET_DINH}.yaml")),
        format!("{}{}", &text[..start], &text[end..]),
    )
    .unwrap();
    let out = case.vanban(&["check", &format!("{QUYET_DINH}.yaml")]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("[ND30-PL3-1.2]: khóa `thi_hanh`"), "{said}");
}
