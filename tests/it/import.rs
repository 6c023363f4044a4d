//! `vanban import`: a DOCX read back into vanban's YAML. Round trip: what
//! vanban renders, imported and rendered again, is the same document (the
//! same paragraphs word for word, the same outline in the PDF's bookmarks,
//! the same pages), also after LibreOffice has re-saved the DOCX the way
//! another program writes it. Word files vanban did not make are in
//! `tests/fixtures/word/` with their provenance.

use crate::util::{self, bookmarks, Docx};
use std::path::Path;
use std::process::Command;

fn vanban(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn ok(dir: &Path, args: &[&str]) -> String {
    let out = vanban(dir, args);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "vanban {}: {err}", args.join(" "));
    err
}

/// What a reader compares: every paragraph's text, the bookmarks (levels
/// and labels), the pages.
#[derive(Debug, PartialEq)]
struct Seen {
    paragraphs: Vec<String>,
    outline: Vec<(usize, String)>,
    pages: usize,
}

fn seen(docx: &Path, pdf: &Path) -> Seen {
    Seen {
        paragraphs: Docx::new(std::fs::read(docx).unwrap())
            .paragraphs()
            .into_iter()
            .map(|p| util::norm(&p.text))
            .collect(),
        outline: bookmarks(pdf)
            .into_iter()
            .map(|b| (b.depth, b.title))
            .collect(),
        pages: util::pdf_pages(pdf),
    }
}

/// Import `docx` in `dir` and render what was imported: what it shows.
fn imported(dir: &Path, docx: &Path) -> Seen {
    std::fs::copy(docx, dir.join("nhap.docx")).unwrap();
    ok(dir, &["import", "nhap.docx"]);
    ok(dir, &["render", "nhap.yaml", "-o", "lai"]);
    seen(&dir.join("lai/nhap.docx"), &dir.join("lai/nhap.pdf"))
}

/// The documents that round-trip: every example of `data/` (a kế hoạch, a
/// liên tịch one, a báo cáo with its tasks and targets, a biên bản, a chỉ
/// thị, a công văn, the three giấy, a nghị quyết, a quyết định, a thông báo,
/// a tờ trình) and every real example of 2025.
const ROUND_TRIP: [&str; 21] = [
    "data/ke-hoach-binh-dang-gioi-bat-trang-2026.yaml",
    "data/bao-cao-ke-hoach-binh-dang-gioi-bat-trang-2026.yaml",
    "data/ke-hoach-lien-tich-binh-dang-gioi-bat-trang-2026.yaml",
    "data/bien-ban-hop-binh-dang-gioi-bat-trang-2026.yaml",
    "data/giay-moi-hoi-nghi-binh-dang-gioi-bat-trang-2026.yaml",
    "data/giay-gioi-thieu-binh-dang-gioi-bat-trang-2026.yaml",
    "data/giay-nghi-phep-bat-trang-2026.yaml",
    "data/chi-thi-binh-dang-gioi-bat-trang-2026.yaml",
    "data/cong-van-trien-khai-ke-hoach-binh-dang-gioi-bat-trang-2026.yaml",
    "data/nghi-quyet-binh-dang-gioi-hdnd-bat-trang-2026.yaml",
    "data/quyet-dinh-phe-duyet-ke-hoach-binh-dang-gioi-bat-trang-2026.yaml",
    "data/thong-bao-ket-luan-hop-binh-dang-gioi-bat-trang-2026.yaml",
    "data/to-trinh-phe-duyet-ke-hoach-binh-dang-gioi-bat-trang-2026.yaml",
    "tests/fixtures/examples/01-qd-quy-che-lay-y-kien-dien-tu-cantho.yaml",
    "tests/fixtures/examples/02-cv-tuyen-truyen-sap-xep-dvhc-bnv.yaml",
    "tests/fixtures/examples/03-tb-ket-luan-lam-viec-phutho-vpcp.yaml",
    "tests/fixtures/examples/04-kh-chuyen-doi-so-doanh-nghiep-dongthap.yaml",
    "tests/fixtures/examples/05-kh-tiep-cong-dan-bau-cu-mttq-luongminh.yaml",
    "tests/fixtures/examples/06-cv-o-nhiem-khong-khi-sgddt-hanoi.yaml",
    "tests/fixtures/examples/07-cd-thiet-hai-nha-o-mua-lu-ttg.yaml",
    "tests/fixtures/examples/08-tb-tam-dung-tms-cucthue.yaml",
];

#[test]
fn render_import_render_gives_the_same_document() {
    let mut failures = Vec::new();
    for yaml in ROUND_TRIP {
        let (dir, docx, pdf) = util::render_file(yaml);
        let before = seen(&docx, &pdf);
        let after = imported(dir.path(), &docx);
        if after != before {
            failures.push(format!("{yaml}:\n  before {before:?}\n  after  {after:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_same_after_libreoffice_resaves_the_docx() {
    if !util::need("soffice", "a DOCX re-saved by another program") {
        return;
    }
    for yaml in ROUND_TRIP {
        let (dir, docx, pdf) = util::render_file(yaml);
        let before = seen(&docx, &pdf);
        let again = util::libreoffice(&docx, "docx:MS Word 2007 XML", "docx");
        assert_ne!(
            std::fs::read(&again).unwrap(),
            std::fs::read(&docx).unwrap(),
            "LibreOffice rewrote the file"
        );
        assert_eq!(imported(dir.path(), &again), before, "{yaml}");
    }
}

#[test]
fn an_import_writes_a_profile_and_a_registry_and_refuses_to_overwrite() {
    let (dir, docx, _) = util::render_file("data/ke-hoach-binh-dang-gioi-bat-trang-2026.yaml");
    std::fs::copy(&docx, dir.path().join("kh.docx")).unwrap();
    ok(dir.path(), &["import", "kh.docx"]);
    let profile = std::fs::read_to_string(dir.path().join("kh.don-vi.yaml")).unwrap();
    assert!(
        profile.contains("- XÃ BÁT TRÀNG") && profile.contains("ten: Bát Tràng"),
        "{profile}"
    );
    assert!(
        profile.contains("ho_ten: Dương Đăng Hòa") && profile.contains("chuc_vu: PHÓ CHỦ TỊCH")
    );
    let registry = std::fs::read_to_string(dir.path().join("kh.van-ban.yaml")).unwrap();
    for number in ["73/2006/QH11", "67/KH-UBND", "13/2022/QH15"] {
        assert!(
            registry.contains(&format!("so: {number}")),
            "{number} in\n{registry}"
        );
    }
    let again = vanban(dir.path(), &["import", "kh.docx"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    ok(dir.path(), &["import", "kh.docx", "--force"]);
}

/// Word files vanban did not make (`tests/fixtures/word/README.md`), each
/// with the real document it holds.
const WORD_FILES: [(&str, &str); 7] = [
    (
        "05-kh-so-tu-dong.docx",
        "05-kh-tiep-cong-dan-bau-cu-mttq-luongminh",
    ),
    (
        "06-cv-dau-trang-hop-van-ban.docx",
        "06-cv-o-nhiem-khong-khi-sgddt-hanoi",
    ),
    ("08-tb-dau-trang-tab.docx", "08-tb-tam-dung-tms-cucthue"),
    ("03-tb-tcvn3.docx", "03-tb-ket-luan-lam-viec-phutho-vpcp"),
    ("07-cd-vni.docx", "07-cd-thiet-hai-nha-o-mua-lu-ttg"),
    (
        "01-qd-libreoffice.docx",
        "01-qd-quy-che-lay-y-kien-dien-tu-cantho",
    ),
    (
        "01-qd-word97.doc",
        "01-qd-quy-che-lay-y-kien-dien-tu-cantho",
    ),
];

#[test]
fn word_files_vanban_did_not_make_import_word_for_word() {
    for (file, example) in WORD_FILES {
        if file.ends_with(".doc") && !util::need("soffice", "converts a Word 97 file") {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(
            util::root().join("tests/fixtures/word").join(file),
            dir.path().join(file),
        )
        .unwrap();
        let said = ok(dir.path(), &["import", file]);
        let stem = file.rsplit_once('.').unwrap().0;
        ok(
            dir.path(),
            &["render", &format!("{stem}.yaml"), "-o", "lai"],
        );
        let reference = std::fs::read_to_string(
            util::root().join(format!("tests/fixtures/examples/{example}.txt")),
        )
        .unwrap();
        let want = crate::examples::reference_words(&reference);
        let got = crate::examples::docx_words(&dir.path().join(format!("lai/{stem}.docx")));
        let got: Vec<&str> = got.iter().map(String::as_str).collect();
        let want: Vec<&str> = want.iter().map(String::as_str).collect();
        util::assert_same_words(&got, &want);
        let yaml = std::fs::read_to_string(dir.path().join(format!("{stem}.yaml"))).unwrap();
        if file.contains("tcvn3") || file.contains("vni") {
            let encoding = if file.contains("tcvn3") {
                "TCVN3"
            } else {
                "VNI"
            };
            assert!(
                said.contains(encoding),
                "{file}: the conversion is said: {said}"
            );
            assert!(
                yaml.contains(&format!("phông {encoding}")),
                "{file}: and noted in the YAML"
            );
        }
    }
}
