//! Real documents issued in 2025 (`tests/fixtures/examples/`, provenance in
//! its SOURCES.md), each kept as its reference text and a YAML of it with
//! the same stem: rendered, the DOCX says the reference word for word, the
//! PDF says what the DOCX says, LibreOffice paginates the DOCX as the PDF,
//! Word opens it cleanly, and no numbering was typed by hand.

use crate::util::{self, need, norm, Docx};
use std::path::Path;
use std::process::Command;

const EXAMPLES: [&str; 8] = [
    "01-qd-quy-che-lay-y-kien-dien-tu-cantho",
    "02-cv-tuyen-truyen-sap-xep-dvhc-bnv",
    "03-tb-ket-luan-lam-viec-phutho-vpcp",
    "04-kh-chuyen-doi-so-doanh-nghiep-dongthap",
    "05-kh-tiep-cong-dan-bau-cu-mttq-luongminh",
    "06-cv-o-nhiem-khong-khi-sgddt-hanoi",
    "07-cd-thiet-hai-nha-o-mua-lu-ttg",
    "08-tb-tam-dung-tms-cucthue",
];

/// The reference's words in reading order: after the SOURCE, KIND and NOTE
/// lines, its header as `left | right` rows read left column then right
/// (the header's rules, `-----`, left out), then the text, table cells in
/// row order without their ` | ` separators, then the footnotes, `[1] …`,
/// after their rule `____`, which is left out.
pub(crate) fn reference_words(text: &str) -> Vec<String> {
    let mut lines = text.lines().skip(4);
    let (mut left, mut right) = (Vec::new(), Vec::new());
    for row in lines.by_ref().take_while(|l| !l.trim().is_empty()) {
        let (l, r) = row.split_once('|').unwrap_or((row, ""));
        for (cell, column) in [(l, &mut left), (r, &mut right)] {
            let cell = cell.trim();
            if !cell.is_empty() && !cell.chars().all(|c| c == '-') {
                column.push(cell.to_string());
            }
        }
    }
    left.into_iter()
        .chain(right)
        .chain(lines.map(str::to_string))
        .flat_map(|l| l.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .filter(|w| w != "|" && !w.chars().all(|c| c == '_'))
        .collect()
}

/// Render an example: its folder, DOCX, PDF and what vanban said.
fn render(
    stem: &str,
) -> (
    tempfile::TempDir,
    std::path::PathBuf,
    std::path::PathBuf,
    String,
) {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(["render", &format!("{stem}.yaml"), "-o"])
        .arg(dir.path())
        .current_dir(util::root().join("tests/fixtures/examples"))
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stem}: {said}");
    let docx = dir.path().join(format!("{stem}.docx"));
    let pdf = dir.path().join(format!("{stem}.pdf"));
    (dir, docx, pdf, said)
}

/// The DOCX's words in reading order, each footnote's mark written as the
/// reference writes it (`[1]`) where it stands, and the notes after
/// everything else, each led by its mark.
pub(crate) fn docx_words(docx: &Path) -> Vec<String> {
    words_with_notes(docx, |n| format!("[{n}]"), true)
}

/// The DOCX's words, each footnote's mark as `mark` writes its number, its
/// notes after the rest if `notes`.
fn words_with_notes(docx: &Path, mark: fn(usize) -> String, notes: bool) -> Vec<String> {
    let mut package = Docx::new(std::fs::read(docx).unwrap());
    let mut xml = package.part("word/document.xml");
    let count = xml.matches("<w:footnoteReference ").count();
    for n in 1..=count {
        xml = xml.replacen(
            &format!(r#"<w:footnoteReference w:id="{n}"/>"#),
            &format!("<w:t>{}</w:t>", mark(n)),
            1,
        );
    }
    let mut texts: Vec<String> = util::paragraphs(&xml).into_iter().map(|p| p.text).collect();
    if notes {
        let footnotes = package.part("word/footnotes.xml");
        let texts_of_notes = util::paragraphs(&footnotes);
        assert_eq!(texts_of_notes.len(), count, "one paragraph per note");
        for (i, p) in texts_of_notes.into_iter().enumerate() {
            texts.push(format!("{} {}", mark(i + 1), p.text.trim_start()));
        }
    }
    norm(&texts.join(" "))
        .split(' ')
        .map(str::to_string)
        .collect()
}

/// The footnotes' texts, in order.
fn notes(docx: &Path) -> Vec<String> {
    let xml = Docx::new(std::fs::read(docx).unwrap()).part("word/footnotes.xml");
    util::paragraphs(&xml)
        .into_iter()
        .map(|p| norm(p.text.trim()))
        .collect()
}

fn as_strs(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).collect()
}

#[test]
fn the_docx_says_each_reference_word_for_word() {
    for stem in EXAMPLES {
        let reference = std::fs::read_to_string(
            util::root().join(format!("tests/fixtures/examples/{stem}.txt")),
        )
        .unwrap();
        let want = reference_words(&reference);
        let (_dir, docx, _, said) = render(stem);
        let got = docx_words(&docx);
        util::assert_same_words(&as_strs(&got), &as_strs(&want));
        assert_eq!(got.len(), want.len(), "{stem}: words at the end differ");
        assert!(
            !said.contains("[ND30-PL1-II.6đ]"),
            "{stem}: numbering typed by hand: {said}"
        );
    }
}

#[test]
fn the_pdf_says_what_the_docx_says_and_both_paginate_alike() {
    for stem in EXAMPLES {
        let (_dir, docx, pdf, _) = render(stem);
        let docx_path = docx.clone();
        if let Some(report) = util::audit(&docx) {
            assert!(report.contains("Errors: 0"), "{stem}: {report}");
        }
        if !need("pdftotext", "reads the PDF's text") {
            continue;
        }
        // Page numbers are in the PDF's text but in a header part of the DOCX.
        let page_number = |w: &&str| w.len() <= 2 && w.chars().all(|c| c.is_ascii_digit());
        let mut pdf_text = util::pdf_text(&pdf).replace('\u{c}', " ");
        // Footnotes sit at the foot of their page, each after its number:
        // compared on their own, then taken out. Their marks stay in the
        // text as their numbers, which the extraction ends with a line
        // break (`dân2` / `;`): the DOCX's are read the same way.
        for (i, note) in notes(&docx).iter().enumerate() {
            let entry = format!("{}{}", i + 1, note.replace(' ', ""));
            let squeezed: String = pdf_text.split_whitespace().collect();
            assert!(
                squeezed.contains(&entry),
                "{stem}: footnote {} in the PDF",
                i + 1
            );
            pdf_text = remove_spread(&pdf_text, &entry);
        }
        let pdf_words: Vec<&str> = pdf_text
            .split_whitespace()
            .filter(|w| !page_number(w))
            .collect();
        let docx = words_with_notes(&docx, |n| format!("{n} "), false);
        let docx_words: Vec<&str> = docx
            .iter()
            .map(String::as_str)
            .filter(|w| !page_number(w))
            .collect();
        // A line may break after a hyphen (`80/2021/NĐ-` / `CP`), which the
        // extraction shows as a space, and a table's header rows repeat on
        // each page of the PDF: compare the characters, the repeats left out.
        let mut pdf_chars = pdf_words.concat();
        for head in header_rows(&docx_path) {
            if let Some(first) = pdf_chars.find(&head) {
                let after = first + head.len();
                pdf_chars = format!(
                    "{}{}",
                    &pdf_chars[..after],
                    pdf_chars[after..].replace(&head, "")
                );
            }
        }
        if pdf_chars != docx_words.concat() {
            util::assert_same_words(&pdf_words, &docx_words);
        }
        if need("soffice", "lays out the DOCX") {
            let lo = util::libreoffice_pdf(&_dir.path().join(format!("{stem}.docx")));
            assert_eq!(util::pdf_pages(&lo), util::pdf_pages(&pdf), "{stem}");
        }
    }
}

/// The text of each table's header rows, spaces left out, from the DOCX.
/// `text` without the first run of its characters that spells `squeezed`
/// with the white space taken out.
fn remove_spread(text: &str, squeezed: &str) -> String {
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .filter(|(_, c)| !c.is_whitespace())
        .collect();
    let target: Vec<char> = squeezed.chars().collect();
    let start = (0..chars.len())
        .find(|&i| {
            chars[i..]
                .iter()
                .map(|(_, c)| *c)
                .take(target.len())
                .eq(target.iter().copied())
        })
        .expect("present");
    let (from, _) = chars[start];
    let (last, c) = chars[start + target.len() - 1];
    format!("{}{}", &text[..from], &text[last + c.len_utf8()..])
}

fn header_rows(docx: &Path) -> Vec<String> {
    let xml = Docx::new(std::fs::read(docx).unwrap()).part("word/document.xml");
    xml.split("<w:tbl>")
        .skip(1)
        .map(|table| {
            table
                .split("<w:tr>")
                .filter(|row| row.contains("<w:tblHeader/>"))
                .map(|row| row.split("</w:tr>").next().unwrap_or(row))
                .flat_map(util::paragraphs)
                .map(|p| p.text.split_whitespace().collect::<String>())
                .collect::<String>()
        })
        .filter(|h| !h.is_empty())
        .collect()
}

#[test]
fn emphasis_inside_sentences_survives_as_runs() {
    let (_dir, docx, _, _) = render("04-kh-chuyen-doi-so-doanh-nghiep-dongthap");
    let paras = Docx::new(std::fs::read(docx).unwrap()).paragraphs();
    let para = paras
        .iter()
        .find(|p| p.text.starts_with("Trên cơ sở Kế hoạch này"))
        .unwrap();
    let runs = util::runs(&para.xml);
    assert!(
        runs.contains(&("trước ngày 01/6 và 15/11 hằng năm".into(), true, false)),
        "{runs:?}"
    );
    assert!(
        runs.contains(&("(hoặc đột xuất khi có yêu cầu)".into(), false, true)),
        "{runs:?}"
    );
}

#[test]
fn reference_words_read_the_header_by_columns() {
    let text = "S\nK\nN\n\nA | X\nB | Y\n-- | --\n| Z\n\nĐoạn một.\nSTT | Tên\n1 | Việc\n";
    assert_eq!(
        reference_words(text),
        ["A", "B", "X", "Y", "Z", "Đoạn", "một.", "STT", "Tên", "1", "Việc"]
    );
}
