//! `vanban check FILE.docx`: a catalogue of Word files each breaking one
//! rule of the decree, made by editing a good one's XML the way a clerk's
//! Word would hold the mistake; each is found with its rule id and a place
//! a Word user can find. vanban's own outputs give no error.

use crate::util::{self, Case};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

/// `docx` with `from` replaced by `to` in `part` (once, and it must be there).
fn edited(docx: &[u8], part: &str, from: &str, to: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut found = false;
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name == part {
            let text = String::from_utf8(bytes).unwrap();
            assert!(text.contains(from), "{part} has no {from:?}");
            found = true;
            bytes = text.replacen(from, to, 1).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&bytes).unwrap();
    }
    assert!(found, "no part {part}");
    out.finish().unwrap().into_inner()
}

/// `vanban check` of `path`: its exit status and what it printed.
fn check(path: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("check")
        .arg(path)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

/// The seed plan (a draft) and a real issued decision, as vanban makes them.
fn good() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, decision, _) =
        util::render_fixture("examples/01-qd-quy-che-lay-y-kien-dien-tu-cantho.yaml");
    let case = Case::new();
    case.vanban_ok(&["render", util::PLAN, "--format", "docx"]);
    let plan = dir.path().join("plan.docx");
    std::fs::copy(
        case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx"),
        &plan,
    )
    .unwrap();
    (dir, plan, decision)
}

/// A run's text element as vanban writes it.
fn t(text: &str) -> String {
    format!(r#"<w:r><w:rPr/><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

/// The same run with direct formatting.
fn t_with(props: &str, text: &str) -> String {
    format!(r#"<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

struct Broken {
    name: &'static str,
    /// `plan` or `decision`: which good file is edited.
    base: &'static str,
    part: &'static str,
    from: String,
    to: String,
    rule: &'static str,
    /// Said in the finding: the place (`đoạn …`) or what is wrong.
    says: &'static str,
}

fn catalogue() -> Vec<Broken> {
    let doc = "word/document.xml";
    let b = |name, base, part, from: String, to: String, rule, says| Broken {
        name,
        base,
        part,
        from,
        to,
        rule,
        says,
    };
    vec![
        b(
            "left margin 25 mm",
            "plan",
            doc,
            r#"w:left="1701""#.into(),
            r#"w:left="1417""#.into(),
            "ND30-PL1-I.3",
            "lề trái 25 mm",
        ),
        b(
            "top margin 30 mm",
            "plan",
            doc,
            r#"w:top="1134""#.into(),
            r#"w:top="1701""#.into(),
            "ND30-PL1-I.3",
            "lề trên 30 mm",
        ),
        b(
            "right margin 25 mm",
            "plan",
            doc,
            r#"w:right="850""#.into(),
            r#"w:right="1417""#.into(),
            "ND30-PL1-I.3",
            "lề phải 25 mm",
        ),
        b(
            "A5 paper",
            "plan",
            doc,
            r#"<w:pgSz w:w="11906" w:h="16838"/>"#.into(),
            r#"<w:pgSz w:w="8391" w:h="11906"/>"#.into(),
            "ND30-PL1-I.1",
            "không phải A4",
        ),
        b(
            "landscape body",
            "plan",
            doc,
            r#"<w:pgSz w:w="11906" w:h="16838"/>"#.into(),
            r#"<w:pgSz w:w="16838" w:h="11906"/>"#.into(),
            "ND30-PL1-I.2",
            "nằm ngang",
        ),
        b(
            "Arial",
            "plan",
            "word/styles.xml",
            r#"w:ascii="Times New Roman""#.into(),
            r#"w:ascii="Arial""#.into(),
            "ND30-PL1-I.4",
            "`Arial`",
        ),
        b(
            "a TCVN3 run",
            "plan",
            doc,
            t("XÃ BÁT TRÀNG"),
            t_with(
                r#"<w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/>"#,
                "x\u{b7} b\u{b8}t tr\u{b5}ng",
            ),
            "ND30-PL1-I.4",
            "TCVN3",
        ),
        b(
            "no page numbers",
            "plan",
            "word/header2.xml",
            "PAGE".into(),
            "DATE".into(),
            "ND30-PL1-I.7",
            "không đánh số trang",
        ),
        b(
            "a number on page 1",
            "plan",
            doc,
            "<w:titlePg/>".into(),
            String::new(),
            "ND30-PL1-I.7",
            "trang 1",
        ),
        b(
            "national motto not bold",
            "plan",
            doc,
            t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            t_with(r#"<w:b w:val="0"/>"#, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "ND30-PL1-II.1",
            "đoạn 5, trang ~1: \"CỘNG HÒA",
        ),
        b(
            "national motto 14 pt",
            "plan",
            doc,
            t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            t_with(
                r#"<w:sz w:val="28"/>"#,
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            ),
            "ND30-PL1-II.1",
            "cỡ 14 pt",
        ),
        b(
            "motto with en dashes",
            "plan",
            doc,
            "Độc lập - Tự do - Hạnh phúc".into(),
            "Độc lập – Tự do – Hạnh phúc".into(),
            "ND30-PL1-II.1",
            "Tiêu ngữ viết đúng",
        ),
        b(
            "issuing body not bold",
            "plan",
            doc,
            t("XÃ BÁT TRÀNG"),
            t_with(r#"<w:b w:val="0"/>"#, "XÃ BÁT TRÀNG"),
            "ND30-PL1-II.2",
            "\"XÃ BÁT TRÀNG\"",
        ),
        b(
            "Số: 5/QĐ-UBND",
            "decision",
            doc,
            "Số: 2610/QĐ-UBND".into(),
            "Số: 5/QĐ-UBND".into(),
            "ND30-PL1-II.3",
            "`05`",
        ),
        b(
            "Số without its colon",
            "decision",
            doc,
            "Số: 2610/QĐ-UBND".into(),
            "Số 2610/QĐ-UBND".into(),
            "ND30-PL1-II.3",
            "dấu hai chấm",
        ),
        b(
            "spaces in the ký hiệu",
            "decision",
            doc,
            "Số: 2610/QĐ-UBND".into(),
            "Số: 2610/QĐ - UBND".into(),
            "ND30-PL1-II.3",
            "dấu cách",
        ),
        b(
            "the wrong type code",
            "decision",
            doc,
            "Số: 2610/QĐ-UBND".into(),
            "Số: 2610/KH-UBND".into(),
            "ND30-PL1-II.3",
            "bắt đầu bằng `QĐ`",
        ),
        b(
            "ngày 5 tháng 11",
            "decision",
            doc,
            "ngày 24 tháng 11 năm 2025".into(),
            "ngày 5 tháng 11 năm 2025".into(),
            "ND30-PL1-II.4",
            "`05`",
        ),
        b(
            "tháng 03",
            "decision",
            doc,
            "ngày 24 tháng 11 năm 2025".into(),
            "ngày 24 tháng 03 năm 2025".into(),
            "ND30-PL1-II.4",
            "tháng `03`",
        ),
        b(
            "no comma after the place",
            "decision",
            doc,
            "Cần Thơ, ngày".into(),
            "Cần Thơ ngày".into(),
            "ND30-PL1-II.4",
            "dấu phẩy",
        ),
        b(
            "date line upright",
            "decision",
            doc,
            t("Cần Thơ, ngày 24 tháng 11 năm 2025"),
            t_with(r#"<w:i w:val="0"/>"#, "Cần Thơ, ngày 24 tháng 11 năm 2025"),
            "ND30-PL1-II.4",
            "in nghiêng",
        ),
        b(
            "title not bold",
            "plan",
            doc,
            t("KẾ HOẠCH"),
            t_with(r#"<w:b w:val="0"/>"#, "KẾ HOẠCH"),
            "ND30-PL1-II.5",
            "\"KẾ HOẠCH\"",
        ),
        b(
            "căn cứ ending with a comma",
            "decision",
            doc,
            "ngày 22 tháng 6 năm 2023;".into(),
            "ngày 22 tháng 6 năm 2023,".into(),
            "ND30-PL1-II.6a",
            "Căn cứ Luật Giao dịch",
        ),
        b(
            "a body paragraph in 12 pt",
            "plan",
            doc,
            r#"<w:r><w:rPr/><w:t xml:space="preserve">Thực hiện Kế hoạch"#.into(),
            r#"<w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">Thực hiện Kế hoạch"#
                .into(),
            "ND30-PL1-II.6e",
            "cỡ 12 pt",
        ),
        b(
            "khoản out of sequence",
            "plan",
            doc,
            t("2. "),
            t("4. "),
            "ND30-PL1-II.6đ",
            "`4.`",
        ),
        b(
            "a point written a.",
            "decision",
            doc,
            t("a) "),
            t("a. "),
            "ND30-PL1-II.6đ",
            "`a)`",
        ),
        b(
            "K/T",
            "plan",
            doc,
            "KT. CHỦ TỊCH".into(),
            "K/T CHỦ TỊCH".into(),
            "ND30-PL1-II.7a",
            "`KT.` thay cho `K/T`",
        ),
        b(
            "KT without its dot",
            "plan",
            doc,
            "KT. CHỦ TỊCH".into(),
            "KT CHỦ TỊCH".into(),
            "ND30-PL1-II.7a",
            "`KT.`",
        ),
        b(
            "a doctor's title before the name",
            "plan",
            doc,
            "Dương Đăng Hòa".into(),
            "TS. Dương Đăng Hòa".into(),
            "ND30-PL1-II.7c",
            "`TS.`",
        ),
        b(
            "no Lưu line",
            "plan",
            doc,
            "- Lưu: VT, VHXH.".into(),
            "- VHXH.".into(),
            "ND30-PL1-II.9",
            "`- Lưu: VT, …`",
        ),
        b(
            "a recipient without its semicolon",
            "decision",
            doc,
            "- Bộ Khoa học và Công nghệ;".into(),
            "- Bộ Khoa học và Công nghệ".into(),
            "ND30-PL1-II.9",
            "Bộ Khoa học và Công nghệ",
        ),
    ]
}

#[test]
fn each_broken_rule_is_found_with_its_rule_and_place() {
    let (dir, plan, decision) = good();
    let bases = [
        ("plan", std::fs::read(&plan).unwrap()),
        ("decision", std::fs::read(&decision).unwrap()),
    ];
    let cases = catalogue();
    assert!(cases.len() >= 25);
    let mut failures = Vec::new();
    for (i, c) in cases.iter().enumerate() {
        let base = &bases.iter().find(|(n, _)| *n == c.base).unwrap().1;
        let path = dir.path().join(format!("broken-{i}.docx"));
        std::fs::write(&path, edited(base, c.part, &c.from, &c.to)).unwrap();
        let (ok, out) = check(&path);
        let found = out
            .lines()
            .any(|l| l.contains(&format!("[{}]", c.rule)) && l.contains(c.says));
        if ok || !found {
            failures.push(format!(
                "{}: want [{}] saying {:?}, got:\n{out}",
                c.name, c.rule, c.says
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn vanbans_own_outputs_pass_the_lint() {
    let case = Case::new();
    for yaml in std::fs::read_dir(case.path("")).unwrap() {
        let yaml = yaml.unwrap().path();
        let name = yaml.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".yaml") || name == "van-ban.yaml" {
            continue;
        }
        case.vanban_ok(&["render", &name, "--format", "docx"]);
    }
    for docx in case.files("out") {
        let (ok, out) = check(&case.path(&format!("out/{docx}")));
        assert!(ok && out.contains(" 0 lỗi"), "{docx}:\n{out}");
    }
}
