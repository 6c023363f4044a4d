//! The PDF is the same document as the DOCX, laid out as the decree says:
//! read back with poppler (text, word boxes, fonts).

use crate::util::{self, need, norm, pdf_words, Case, Docx, Word};
use std::process::Command;

const PT_PER_MM: f32 = 72.0 / 25.4;

/// Render the seed plan with the CLI into a temporary folder.
fn rendered() -> Case {
    let case = Case::new();
    case.vanban_ok(&["render", util::PLAN, "-o", "out"]);
    case
}

fn seed_pdf(case: &Case) -> std::path::PathBuf {
    case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.pdf")
}

fn find<'a>(words: &'a [Word], text: &str) -> &'a Word {
    words
        .iter()
        .find(|w| w.text == text)
        .unwrap_or_else(|| panic!("no word `{text}` on the page"))
}

#[test]
fn pdf_text_equals_docx_text() {
    if !need("pdftotext", "reads the PDF's text") {
        return;
    }
    let case = rendered();
    let docx = std::fs::read(case.path("out/ke-hoach-binh-dang-gioi-bat-trang-2026.docx")).unwrap();
    let docx_text: Vec<String> = Docx::new(docx)
        .paragraphs()
        .iter()
        .map(|p| p.text.clone())
        .collect();
    let pdf_text = util::pdf_text(&seed_pdf(&case)).replace('\u{c}', " ");
    // Page numbers are in the PDF's text but in a header part of the DOCX.
    let pdf_words: Vec<&str> = pdf_text.split_whitespace().collect();
    let docx_words: Vec<String> = norm(&docx_text.join(" "))
        .split(' ')
        .map(str::to_string)
        .collect();
    let pdf_body: Vec<&str> = pdf_words
        .iter()
        .copied()
        .filter(|w| !(w.chars().all(|c| c.is_ascii_digit()) && w.len() == 1))
        .collect();
    let docx_body: Vec<&str> = docx_words
        .iter()
        .map(String::as_str)
        .filter(|w| !(w.chars().all(|c| c.is_ascii_digit()) && w.len() == 1))
        .collect();
    util::assert_same_words(&pdf_body, &docx_body);
}

#[test]
fn page_one_layout_from_word_positions() {
    if !need("pdftotext", "reads word positions") {
        return;
    }
    let case = rendered();
    let pdf = seed_pdf(&case);
    for (w, h) in util::pdf_page_sizes(&pdf) {
        assert!(
            (w - 595.28).abs() < 0.5 && (h - 841.89).abs() < 0.5,
            "A4, got {w}x{h}"
        );
    }
    let page = vanban::nd30::PAGE;
    let words = pdf_words(&pdf, 1);
    let (width, left, right, top, bottom) = (
        page.width_mm * PT_PER_MM,
        page.left_mm * PT_PER_MM,
        (page.width_mm - page.right_mm) * PT_PER_MM,
        page.top_mm * PT_PER_MM,
        (page.height_mm - page.bottom_mm) * PT_PER_MM,
    );
    for w in &words {
        assert!(
            w.x_min >= left - 0.5 && w.x_max <= right + 0.5,
            "inside the side margins: {w:?}"
        );
        assert!(
            w.y_min >= top - 1.0 && w.y_max <= bottom + 0.5,
            "page 1 has nothing in the top margin: {w:?}"
        );
    }
    // The Quốc hiệu at 13 pt bold is 95 mm long: no layout within the
    // decree's margins puts all of it right of the page's middle, so each
    // line is centred in its half, and the two blocks do not overlap.
    let middle = width / 2.0;
    let centre_of =
        |first: &str, last: &str| (find(&words, first).x_min + find(&words, last).x_max) / 2.0;
    assert!(
        centre_of("CỘNG", "NAM") > middle,
        "Quốc hiệu in the right half"
    );
    assert!(
        centre_of("Độc", "phúc") > middle,
        "Tiêu ngữ in the right half"
    );
    for issuer in ["ỦY", "DÂN", "XÃ", "TRÀNG"] {
        assert!(
            find(&words, issuer).x_max < middle,
            "{issuer} in the left half"
        );
        assert!(find(&words, issuer).x_max < find(&words, "CỘNG").x_min);
    }
    // The title is centred over the text area.
    let kind: Vec<&Word> = words
        .iter()
        .filter(|w| w.text == "KẾ" || w.text == "HOẠCH")
        .collect();
    let centre = (kind[0].x_min + kind[1].x_max) / 2.0;
    assert!(
        (centre - (left + right) / 2.0).abs() < 2.0,
        "title centred: {centre}"
    );
    // The date line sits on the Số line, right of it.
    let so = find(&words, "Số:");
    let place = find(&words, "Tràng,");
    assert!((so.y_max - place.y_max).abs() < 4.0 && place.x_min > middle);
}

#[test]
fn page_numbers_from_page_two_at_the_top_centre() {
    if !need("pdftotext", "reads word positions") {
        return;
    }
    let case = rendered();
    let pdf = seed_pdf(&case);
    let page = vanban::nd30::PAGE;
    let top = page.top_mm * PT_PER_MM;
    let centre = (page.left_mm + page.text_width_mm() / 2.0) * PT_PER_MM;
    assert!(
        pdf_words(&pdf, 1).iter().all(|w| w.y_max > top),
        "no number on page 1"
    );
    let pages = util::pdf_page_sizes(&pdf).len();
    assert!(pages >= 2, "the seed plan runs over several pages");
    for n in 2..=pages {
        let words = pdf_words(&pdf, n);
        let in_margin: Vec<&Word> = words.iter().filter(|w| w.y_max < top).collect();
        assert_eq!(in_margin.len(), 1, "one number in page {n}'s top margin");
        assert_eq!(in_margin[0].text, n.to_string());
        let mid = (in_margin[0].x_min + in_margin[0].x_max) / 2.0;
        assert!(
            (mid - centre).abs() < 2.0,
            "page {n}'s number centred: {mid} vs {centre}"
        );
    }
}

#[test]
fn closing_block_is_kept_together_with_the_last_lines() {
    if !need("pdftotext", "reads word positions") {
        return;
    }
    let case = rendered();
    let pdf = seed_pdf(&case);
    let last = util::pdf_page_sizes(&pdf).len();
    let words = pdf_words(&pdf, last);
    let texts: Vec<&str> = words.iter().map(|w| w.text.as_str()).collect();
    for w in ["nhận:", "TM.", "KT.", "PHÓ", "Dương", "Hòa", "VHXH."] {
        assert!(texts.contains(&w), "closing `{w}` on the last page");
    }
    assert!(
        texts.contains(&"hiện./."),
        "the closing sentence shares the page"
    );
    // Nơi nhận is level with the authority line.
    assert!((find(&words, "nhận:").y_min - find(&words, "TM.").y_min).abs() < 3.0);
}

#[test]
fn every_font_is_embedded_and_bundled() {
    if !need("pdffonts", "lists the PDF's fonts") {
        return;
    }
    let case = rendered();
    let out = Command::new("pdffonts")
        .arg(seed_pdf(&case))
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    let rows: Vec<&str> = table.lines().skip(2).collect();
    assert!(rows.len() >= 3, "regular, bold, italic at least: {table}");
    for row in rows {
        assert!(
            row.contains("LiberationSerif"),
            "bundled family only: {row}"
        );
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "embedded: {row}");
    }
}

#[test]
fn same_input_same_bytes_from_separate_processes() {
    // Two processes, so nothing memoised in one can make the bytes agree.
    for fixture in [None, Some("ke-hoach-nhieu-cap.yaml")] {
        let render = || match fixture {
            Some(f) => {
                let (dir, docx, pdf) = util::render_fixture(f);
                (
                    std::fs::read(docx).unwrap(),
                    std::fs::read(pdf).unwrap(),
                    dir,
                )
            }
            None => {
                let case = Case::new();
                case.vanban_ok(&["render", util::PLAN]);
                let read = |ext: &str| {
                    std::fs::read(
                        case.path(&format!("out/ke-hoach-binh-dang-gioi-bat-trang-2026.{ext}")),
                    )
                    .unwrap()
                };
                (read("docx"), read("pdf"), case.dir)
            }
        };
        let (docx_a, pdf_a, _a) = render();
        let (docx_b, pdf_b, _b) = render();
        assert!(docx_a == docx_b, "DOCX bytes differ ({fixture:?})");
        assert!(pdf_a == pdf_b, "PDF bytes differ ({fixture:?})");
    }
}
