//! Outside checks of the DOCX: the OOXML schema (openxml-audit, which checks
//! what Word checks, without .NET) and LibreOffice's own layout of it.

use crate::util::{self, need, norm, Case, Docx};

fn rendered() -> (Case, std::path::PathBuf) {
    let case = Case::new();
    case.vanban_ok(&["render", util::PLAN, "--format", "docx"]);
    let path = case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx");
    (case, path)
}

#[test]
fn docx_has_no_schema_errors() {
    let (_case, path) = rendered();
    if let Some(report) = util::audit(&path) {
        assert!(report.contains("Errors: 0"), "{report}");
    }
}

#[test]
fn libreoffice_lays_out_the_same_a4_pages_with_the_same_text() {
    if !need("soffice", "converts the DOCX to PDF") || !need("pdftotext", "reads the PDF's text") {
        return;
    }
    let (case, path) = rendered();
    let pdf = util::libreoffice_pdf(&path);
    let sizes = util::pdf_page_sizes(&pdf);
    assert!(sizes.len() >= 2);
    for (w, h) in sizes {
        assert!(
            (w - 595.3).abs() < 1.0 && (h - 841.9).abs() < 1.0,
            "A4: {w}x{h}"
        );
    }
    case.vanban_ok(&["render", util::PLAN, "--format", "pdf"]);
    assert_eq!(
        util::pdf_pages(&pdf),
        util::pdf_pages(&case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.pdf")),
        "LibreOffice paginates the DOCX as the PDF is paginated"
    );
    let docx_words = norm(
        &Docx::new(std::fs::read(&path).unwrap())
            .paragraphs()
            .iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
            .join(" "),
    );
    let is_page_number = |w: &&str| w.len() == 1 && w.chars().all(|c| c.is_ascii_digit());
    let lo_text = util::pdf_text(&pdf);
    let lo_words: Vec<&str> = lo_text
        .split_whitespace()
        .filter(|w| !is_page_number(w))
        .collect();
    let ours: Vec<&str> = docx_words
        .split(' ')
        .filter(|w| !is_page_number(w))
        .collect();
    // LibreOffice may break a line after a hyphen (`15/11-` / `15/12`), which
    // the extraction shows as a space: compare the characters, not spacing.
    if lo_words.concat() != ours.concat() {
        util::assert_same_words(&lo_words, &ours);
    }
}
