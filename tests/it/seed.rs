//! The Bát Tràng 2026 plan: vanban's DOCX says what the seed says, word for
//! word, plus the header and closing lines the seed's extraction lost.

use crate::util::{self, norm, Docx};

/// The seed's text as units (paragraphs and lines), with the two paragraphs
/// cut by page breaks joined again and the one intended change applied.
fn seed_units() -> Vec<String> {
    let text = util::seed_text();
    let mut units: Vec<String> = Vec::new();
    let mut joins = 0;
    for block in text.split("\n\n").map(str::trim).filter(|b| !b.is_empty()) {
        // A paragraph that starts in lower case continues the previous one
        // (the original's page break).
        if block.chars().next().is_some_and(char::is_lowercase) {
            let last = units
                .last_mut()
                .expect("a continuation follows a paragraph");
            last.push(' ');
            last.push_str(block);
            joins += 1;
            continue;
        }
        units.extend(block.lines().map(str::to_string));
    }
    assert_eq!(
        joins, 2,
        "the seed README names two paragraphs cut by page breaks"
    );
    // vanban computes the numbering: the seed's `5.` after `3.` becomes `4.`.
    let slip = units
        .iter()
        .position(|u| u == "5. Kinh phí thực hiện")
        .expect("seed has the numbering slip");
    units[slip] = "4. Kinh phí thực hiện".into();
    units.into_iter().map(|u| norm(&u)).collect()
}

/// The header lines as the original lays them out, checked against the one
/// line the extraction kept (`Số: /KH-UBND Bát Tràng, ngày tháng năm 2026`).
fn expected() -> Vec<String> {
    let mut seed = seed_units();
    let first = seed.remove(0);
    let number = "Số: /KH-UBND";
    let date = "Bát Tràng, ngày tháng năm 2026";
    assert_eq!(first, format!("{number} {date}"));
    let mut lines: Vec<String> = [
        "ỦY BAN NHÂN DÂN",
        "XÃ BÁT TRÀNG",
        number,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        date,
    ]
    .map(String::from)
    .to_vec();
    lines.extend(seed);
    lines
}

fn seed_docx() -> Docx {
    let doc = vanban::document(&util::seed_plan(), None).expect("seed plan composes");
    Docx::new(vanban::render::docx::write(&doc))
}

#[test]
fn docx_text_equals_the_seed() {
    let got: Vec<String> = seed_docx()
        .paragraphs()
        .iter()
        .map(|p| norm(&p.text))
        .collect();
    let want = expected();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "paragraph {i} differs");
    }
    assert_eq!(got.len(), want.len(), "paragraph count: got {got:#?}");
}

#[test]
fn model_reading_order_equals_the_seed() {
    let doc = vanban::document(&util::seed_plan(), None).unwrap();
    let got: Vec<String> = doc.reading_order().iter().map(|l| norm(l)).collect();
    assert_eq!(got, expected());
}
