//! Real documents' shapes, read back from both outputs: an outline of any
//! depth, emphasis and line breaks inside sentences, tables with spans,
//! group rows and totals (`tests/fixtures/ke-hoach-nhieu-cap.yaml`).

use crate::util::{self, need, Docx, Para};

const FIXTURE: &str = "ke-hoach-nhieu-cap.yaml";

fn paragraphs(docx: &std::path::Path) -> Vec<Para> {
    Docx::new(std::fs::read(docx).unwrap()).paragraphs()
}

#[test]
fn every_level_gets_its_label_and_style_in_the_order_written() {
    let (_dir, docx, _) = util::render_fixture(FIXTURE);
    let paras = paragraphs(&docx);
    let body: Vec<(&str, Option<&str>)> = paras
        .iter()
        .skip_while(|p| !p.text.starts_with("I. "))
        .take(13)
        .map(|p| (p.text.as_str(), p.style.as_deref()))
        .collect();
    assert_eq!(
        body,
        [
            ("I. MỤC ĐÍCH, YÊU CẦU", Some("VBMuc")),
            (
                "1. Phát động phong trào thi đua trong toàn xã, hoàn thành trước ngày 15/3/2026.",
                Some("VBDoan")
            ),
            ("2. Yêu cầu", Some("VBKhoan")),
            (
                "Các đơn vị thực hiện nghiêm túc các yêu cầu sau.",
                Some("VBDoan")
            ),
            ("2.1. Về tổ chức", Some("VBDiem")),
            (
                "a) Thành lập tổ theo dõi thi đua ở mỗi thôn.",
                Some("VBDoan")
            ),
            ("- Thành phần tổ:", Some("VBDoan")),
            ("+ Trưởng thôn làm tổ trưởng;", Some("VBDoan")),
            (
                "+ Chi hội trưởng các đoàn thể là thành viên.",
                Some("VBDoan")
            ),
            ("b) Báo cáo kết quả hằng quý.", Some("VBDoan")),
            ("2.2. Về thời gian", Some("VBDiem")),
            (
                "Thời gian bắt đầu: tháng 3/2026.Thời gian kết thúc: tháng 11/2026.",
                Some("VBDoan")
            ),
            (
                "Việc khen thưởng thực hiện theo quy định hiện hành.",
                Some("VBDoan")
            ),
        ],
        "a paragraph after the numbered items stays where it was written"
    );
    assert!(paras.iter().any(|p| p.text == "II. TIÊU CHÍ CHẤM ĐIỂM"));
    let styles = Docx::new(std::fs::read(&docx).unwrap()).part("word/styles.xml");
    let sub = &styles[styles.find("w:styleId=\"VBDiem\"").unwrap()..];
    let sub = &sub[..sub.find("</w:style>").unwrap()];
    assert!(
        sub.contains("<w:b/>") && sub.contains("<w:i/>"),
        "a third-level title is bold italic: {sub}"
    );
}

#[test]
fn emphasis_and_line_breaks_are_runs_and_breaks_in_the_docx() {
    let (_dir, docx, _) = util::render_fixture(FIXTURE);
    let paras = paragraphs(&docx);
    let first = paras
        .iter()
        .find(|p| p.text.starts_with("1. Phát động"))
        .unwrap();
    let runs = util::runs(&first.xml);
    assert!(
        runs.contains(&("trước ngày 15/3/2026".to_string(), true, false)),
        "the deadline is a bold run: {runs:?}"
    );
    assert!(
        runs.contains(&("1. ".to_string(), false, false)),
        "{runs:?}"
    );
    let opening = paras
        .iter()
        .find(|p| p.text.starts_with("Ủy ban nhân dân xã Bát Tràng"))
        .unwrap();
    assert!(
        util::runs(&opening.xml).contains(&(
            "(gọi tắt là Kế hoạch thi đua)".to_string(),
            false,
            true
        )),
        "an italic parenthesis inside the sentence"
    );
    let times = paras
        .iter()
        .find(|p| p.text.starts_with("Thời gian bắt đầu"))
        .unwrap();
    assert_eq!(times.xml.matches("<w:br").count(), 1, "{}", times.xml);
    assert_eq!(
        util::runs(&times.xml)[0].0,
        "Thời gian bắt đầu: tháng 3/2026.\nThời gian kết thúc: tháng 11/2026."
    );
}

#[test]
fn tables_have_spans_group_rows_totals_and_vietnamese_numbers() {
    let (_dir, docx, _) = util::render_fixture(FIXTURE);
    let xml = Docx::new(std::fs::read(&docx).unwrap()).part("word/document.xml");
    let start = xml
        .find("<w:tbl>")
        .and_then(|_| xml.match_indices("<w:tbl>").nth(1))
        .unwrap()
        .0;
    let table = &xml[start..start + xml[start..].find("</w:tbl>").unwrap()];
    let rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
    assert_eq!(
        rows.len(),
        7,
        "two header rows, group row, three rows, totals"
    );
    assert_eq!(rows[0].matches("<w:tblHeader/>").count(), 1);
    assert_eq!(
        rows[1].matches("<w:tblHeader/>").count(),
        1,
        "both header rows repeat"
    );
    assert!(
        rows[0].contains(r#"<w:gridSpan w:val="2"/>"#),
        "Điểm chuẩn over two columns"
    );
    assert!(
        rows[0].contains(r#"<w:vMerge w:val="restart"/>"#),
        "STT down both header rows"
    );
    assert!(rows[1].contains("<w:vMerge w:val=\"continue\"/>") || rows[1].contains("<w:vMerge/>"));
    assert!(
        rows[2].contains(r#"<w:gridSpan w:val="4"/>"#) && rows[2].contains("I. CÔNG TÁC CHỈ ĐẠO")
    );
    assert!(
        rows[3].contains("9,5") && rows[3].contains("<w:br"),
        "a decimal comma; a list in a cell"
    );
    assert!(
        rows[4].contains(r#"<w:vMerge w:val="restart"/>"#) && rows[4].contains("Tổ chức hội nghị")
    );
    assert!(rows[5].contains("1.250.000"), "thousands with dots");
    assert!(
        rows[6].contains("Tổng cộng") && rows[6].contains("1.250.015") && rows[6].contains("18,5")
    );
}

#[test]
fn the_pdf_centres_a_spanned_heading_over_its_columns_and_breaks_lines_where_asked() {
    if !need("pdftotext", "reads the PDF's words") {
        return;
    }
    let (_dir, _, pdf) = util::render_fixture(FIXTURE);
    let words = util::pdf_words(&pdf, 1);
    // Two words side by side, as the table prints them: left edge, right
    // edge and top of the pair.
    let pair = |a: &str, b: &str| {
        let i = words
            .windows(2)
            .position(|w| w[0].text == a && w[1].text == b)
            .unwrap_or_else(|| panic!("no `{a} {b}`"));
        (
            words[i].x_min,
            words[i + 1].x_max,
            words[i].y_min,
            words[i].y_max,
        )
    };
    let centre = |a: &str, b: &str| {
        let (left, right, _, _) = pair(a, b);
        (left + right) / 2.0
    };
    let heading = centre("Điểm", "chuẩn");
    let columns = (centre("Tối", "đa") + centre("Thực", "tế")) / 2.0;
    assert!(
        (heading - columns).abs() < 2.0,
        "heading at {heading}, its columns' middle at {columns}"
    );
    assert!(
        pair("Thực", "tế").2 > pair("Điểm", "chuẩn").3,
        "sub-headings under the heading"
    );
    assert!(
        pair("kết", "thúc:").2 > pair("bắt", "đầu:").3,
        "the line break puts the end time on its own line"
    );
    let text = util::norm(&util::pdf_text(&pdf));
    assert!(text.contains("hoàn thành trước ngày 15/3/2026."), "{text}");
    assert!(text.contains("Tổng cộng 1.250.015 18,5"), "{text}");
}

#[test]
fn both_outputs_paginate_alike_and_word_opens_the_docx_cleanly() {
    let (_dir, docx, pdf) = util::render_fixture(FIXTURE);
    if let Some(report) = util::audit(&docx) {
        assert!(report.contains("Errors: 0"), "{report}");
    }
    if need("soffice", "lays out the DOCX") && need("pdfinfo", "counts pages") {
        let lo = util::libreoffice_pdf(&docx);
        assert_eq!(util::pdf_pages(&lo), util::pdf_pages(&pdf));
    }
}

#[test]
fn each_phu_luc_starts_a_page_with_its_heading_and_the_kem_theo_line() {
    let (_dir, docx, pdf) = util::render_fixture(FIXTURE);
    let paras = paragraphs(&docx);
    let at = |text: &str| {
        paras
            .iter()
            .position(|p| p.text == text)
            .unwrap_or_else(|| panic!("no `{text}`"))
    };
    let first = at("PHỤ LỤC I");
    assert_eq!(paras[first].style.as_deref(), Some("VBPhuLuc"));
    assert_eq!(paras[first + 1].text, "BẢNG TIÊU CHÍ CHẤM ĐIỂM THI ĐUA");
    assert_eq!(paras[first + 2].text, "(áp dụng cho các thôn)");
    let kem_theo = &paras[first + 3];
    assert_eq!(
        kem_theo.text,
        "(Kèm theo Kế hoạch số 12/KH-UBND ngày 02 tháng 3 năm 2026 của Ủy ban nhân dân xã Bát Tràng)"
    );
    assert_eq!(kem_theo.style.as_deref(), Some("VBKemTheo"));
    assert_eq!(
        paras[first + 4].text,
        "I. TIÊU CHÍ CHUNG",
        "its outline numbered afresh"
    );
    assert!(paras[at("PHỤ LỤC II") + 2]
        .text
        .starts_with("(Kèm theo Kế hoạch số 12/KH-UBND"));
    // Each phụ lục starts a section whose pages count from 1, first unnumbered.
    let xml = Docx::new(std::fs::read(&docx).unwrap()).part("word/document.xml");
    assert_eq!(xml.matches("<w:pgNumType w:start=\"1\"/>").count(), 2);
    assert_eq!(
        xml.matches("<w:titlePg/>").count(),
        3,
        "page 1 and each phụ lục's first page"
    );
    if need("pdftotext", "reads the PDF's pages") {
        let page = |n: usize| {
            let out = std::process::Command::new("pdftotext")
                .args(["-f", &n.to_string(), "-l", &n.to_string(), "-layout"])
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            String::from_utf8(out.stdout).unwrap()
        };
        let third = page(3);
        assert!(
            third.trim_start().starts_with("PHỤ LỤC I"),
            "a new page, no number on it: {third}"
        );
        assert!(page(4).trim_start().starts_with("PHỤ LỤC II"));
        assert!(
            page(2).trim_start().starts_with('2'),
            "the body's page 2 is numbered"
        );
    }
}

#[test]
fn a_draft_s_kem_theo_line_leaves_the_number_and_date_to_write_in() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(util::root().join("tests/fixtures").join(FIXTURE))
        .unwrap()
        .replace("so: 12\nngay: 2026-03-02\n", "")
        .replace("../../data/", &format!("{}/data/", util::root().display()));
    let input = dir.path().join("du-thao.yaml");
    std::fs::write(&input, text).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", "-f", "docx", "-o"])
        .arg(dir.path())
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let paras = paragraphs(&dir.path().join("du-thao.docx"));
    let blank = vanban::nd30::DRAFT_BLANK;
    assert!(paras.iter().any(|p| p.text
        == format!("(Kèm theo Kế hoạch số {blank}/KH-UBND ngày {blank}tháng {blank}năm 2026 của Ủy ban nhân dân xã Bát Tràng)")));
}

#[test]
fn preamble_lines_are_punctuated_and_a_clerks_own_mark_is_kept_with_a_word() {
    let case = util::Case::new().edit(|y| {
        y.replace(
            "mo_dau:\n",
            "can_cu:\n  - Căn cứ {vb:luat-binh-dang-gioi}\n  - Thực hiện {vb:kh-67-2026-ubnd-ha-noi:day_du};\n\
             theo_de_nghi: Trưởng phòng Văn hóa - Xã hội\nmo_dau:\n",
        )
    });
    let out = case.vanban_ok(&["render", util::PLAN, "-f", "docx"]);
    let paras = case.paragraphs("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    let preamble: Vec<&String> = paras
        .iter()
        .skip_while(|p| !p.starts_with("Căn cứ"))
        .take(3)
        .collect();
    assert_eq!(
        preamble,
        [
            "Căn cứ Luật Bình đẳng giới số 73/2006/QH11;",
            "Thực hiện Kế hoạch số 67/KH-UBND ngày 14 tháng 02 năm 2026 của UBND thành phố Hà Nội;",
            "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.",
        ]
    );
    assert!(!String::from_utf8_lossy(&out.stderr).contains("kết thúc bằng"));

    // A `;` typed on the last line stays, and the clerk is told.
    let case = util::Case::new().edit(|y| {
        y.replace(
            "mo_dau:\n",
            "can_cu:\n  - Căn cứ {vb:luat-binh-dang-gioi};\nmo_dau:\n",
        )
    });
    let out = case.vanban_ok(&["render", util::PLAN, "-f", "docx"]);
    let paras = case.paragraphs("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    assert!(paras.contains(&"Căn cứ Luật Bình đẳng giới số 73/2006/QH11;".to_string()));
    let warning = String::from_utf8_lossy(&out.stderr);
    assert!(
        warning.contains("khóa `can_cu[0]`: dòng căn cứ kết thúc bằng `;`"),
        "{warning}"
    );
}

#[test]
fn a_number_typed_as_text_is_kept_and_the_decree_form_is_named() {
    let case = util::Case::new().edit(|y| y.replace("so: null", "so: \"012\""));
    let out = case.vanban_ok(&["render", util::PLAN, "-f", "docx"]);
    let paras = case.paragraphs("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    assert!(paras.contains(&"Số: 012/KH-UBND".to_string()), "{paras:?}");
    let warning = String::from_utf8_lossy(&out.stderr);
    assert!(
        warning.contains("[ND30-PL1-II.3]") && warning.contains("`12`"),
        "{warning}"
    );
    let case = util::Case::new().edit(|y| y.replace("so: null", "so: 5"));
    case.vanban_ok(&["render", util::PLAN, "-f", "docx"]);
    let paras = case.paragraphs("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    assert!(paras.contains(&"Số: 05/KH-UBND".to_string()));
}

/// Whether the words of `phrase` follow one another on one line of page 1.
fn on_one_line(pdf: &std::path::Path, phrase: &str) -> bool {
    let words = util::pdf_words(pdf, 1);
    let wanted: Vec<&str> = phrase.split_whitespace().collect();
    let Some(i) = words
        .windows(wanted.len())
        .position(|w| w.iter().zip(&wanted).all(|(a, b)| a.text == *b))
    else {
        panic!("`{phrase}` not found in order on page 1");
    };
    let first = &words[i];
    words[i..i + wanted.len()]
        .iter()
        .all(|w| (w.y_min - first.y_min).abs() < 1.0)
}

/// The seed plan dated 18/11/2026 for a unit named in the header and the
/// date line as given: its DOCX and PDF, and the warnings.
fn header_case(
    issuer: &str,
    place: &str,
) -> (util::Case, std::path::PathBuf, std::path::PathBuf, String) {
    let case = util::Case::new().edit(|y| y.replace("ngay: null", "ngay: 2026-11-18"));
    let profile = std::fs::read_to_string(case.path("don-vi/bat-trang.yaml"))
        .unwrap()
        .replace("  - XÃ BÁT TRÀNG", &format!("  - {issuer}"))
        .replace("dia_danh: Bát Tràng", &format!("dia_danh: {place}"));
    std::fs::write(case.path("don-vi/dai.yaml"), profile).unwrap();
    let out = case.vanban_ok(&["render", util::PLAN, "--don-vi", "don-vi/dai.yaml"]);
    let stem = "out/ke-hoach-binh-dang-gioi-bat-trang-2026";
    let (docx, pdf) = (
        case.path(&format!("{stem}.docx")),
        case.path(&format!("{stem}.pdf")),
    );
    (
        case,
        docx,
        pdf,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_long_place_and_date_stays_on_one_line_in_both_outputs() {
    if !need("pdftotext", "reads word positions") {
        return;
    }
    let (_case, docx, pdf, warnings) =
        header_case("THÀNH PHỐ HỒ CHÍ MINH", "Thành phố Hồ Chí Minh");
    let date = "Thành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2026";
    assert!(on_one_line(&pdf, date), "PDF");
    assert!(on_one_line(&pdf, "THÀNH PHỐ HỒ CHÍ MINH"));
    assert!(!warnings.contains("header names too long"), "{warnings}");
    if need("soffice", "lays out the DOCX") {
        let lo = util::libreoffice_pdf(&docx);
        assert!(on_one_line(&lo, date), "DOCX as LibreOffice lays it out");
        assert!(on_one_line(&lo, "THÀNH PHỐ HỒ CHÍ MINH"));
    }
}

#[test]
fn the_longest_unit_name_keeps_its_date_line_whole_and_the_clerk_is_told() {
    if !need("pdftotext", "reads word positions") {
        return;
    }
    let longest = vanban::national::built_in()
        .iter()
        .max_by_key(|u| u.name.chars().count())
        .unwrap();
    assert_eq!(longest.name, "Văn Miếu - Quốc Tử Giám");
    let issuer = format!("PHƯỜNG {}", longest.name.to_uppercase());
    let (_case, docx, pdf, warnings) = header_case(&issuer, &longest.name);
    let date = format!("{}, ngày 18 tháng 11 năm 2026", longest.name);
    assert!(on_one_line(&pdf, &date));
    assert!(
        warnings.contains("dai.yaml") && warnings.contains("header names too long for one line"),
        "the issuer line cannot also stay whole within the decree's margins: {warnings}"
    );
    if need("soffice", "lays out the DOCX") {
        assert!(on_one_line(&util::libreoffice_pdf(&docx), &date));
    }
}

#[test]
fn a_phu_luc_whose_table_is_wide_is_set_on_landscape_pages() {
    let columns: String = (1..=10)
        .map(|i| format!("{{ten: Quý {i} năm 2026}}, "))
        .collect();
    let row: String = (1..=10).map(|i| format!("{}, ", i * 1_000_000)).collect();
    let case = util::Case::new().edit(|y| {
        y.replace(
            "luu: [VHXH]",
            &format!(
                "luu: [VHXH, \"(MT.Tấn)\"]\nphu_luc:\n  - tieu_de: Kinh phí theo quý\n    noi_dung:\n      - bang:\n          cot: [{}]\n          dong: [[{}]]",
                columns.trim_end_matches(", "),
                row.trim_end_matches(", ")
            ),
        )
        .replace("  - Sở Nội vụ TP Hà Nội", "  - Như trên\n  - Sở Nội vụ TP Hà Nội (để b/c)")
    });
    case.vanban_ok(&["render", util::PLAN]);
    let paras = case.paragraphs("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    for line in [
        "- Như trên;",
        "- Sở Nội vụ TP Hà Nội (để b/c);",
        "- Lưu: VT, VHXH, (MT.Tấn).",
    ] {
        assert!(
            paras.iter().any(|p| p == line),
            "Nơi nhận as offices write it: `{line}`"
        );
    }
    let xml = case
        .docx("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx")
        .part("word/document.xml");
    let last = &xml[xml.rfind("<w:sectPr").unwrap()..];
    assert!(
        last.contains("w:orient=\"landscape\""),
        "the phụ lục's section: {last}"
    );
    assert_eq!(
        xml.matches("w:orient=\"landscape\"").count(),
        1,
        "no section of its own for the table"
    );
    if need("pdfinfo", "reads page sizes") {
        let sizes =
            util::pdf_page_sizes(&case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.pdf"));
        let (w, h) = *sizes.last().unwrap();
        assert!(w > h, "the phụ lục's page is landscape: {sizes:?}");
        assert!(
            sizes[..sizes.len() - 1].iter().all(|(w, h)| w < h),
            "{sizes:?}"
        );
    }
}
