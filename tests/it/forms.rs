//! Number and date forms on the rendered page, filled and draft.

use crate::util::{self, Case, Docx};

fn header_lines(case: &Case) -> (String, String) {
    let doc = vanban::document(&case.plan(), None).unwrap();
    let paras = Docx::new(vanban::render::docx::write(&doc)).paragraphs();
    let number = paras
        .iter()
        .find(|p| p.text.starts_with("Số:"))
        .unwrap()
        .text
        .clone();
    let date = paras
        .iter()
        .find(|p| p.style.as_deref() == Some("VBDiaDanh"))
        .unwrap()
        .text
        .clone();
    (number, date)
}

fn filled(so: u32, ngay: &str) -> (String, String) {
    header_lines(&Case::new().edit(|y| {
        y.replace("so: null", &format!("so: {so}"))
            .replace("ngay: null", &format!("ngay: {ngay}"))
    }))
}

#[test]
fn numbers_below_ten_take_a_leading_zero() {
    assert_eq!(filled(7, "2026-03-10").0, "Số: 07/KH-UBND");
    assert_eq!(filled(12, "2026-03-10").0, "Số: 12/KH-UBND");
}

#[test]
fn days_below_ten_and_months_one_and_two_are_padded() {
    assert_eq!(
        filled(5, "2026-02-05").1,
        "Bát Tràng, ngày 05 tháng 02 năm 2026"
    );
    assert_eq!(
        filled(5, "2026-01-20").1,
        "Bát Tràng, ngày 20 tháng 01 năm 2026"
    );
    assert_eq!(
        filled(5, "2026-03-05").1,
        "Bát Tràng, ngày 05 tháng 3 năm 2026"
    );
    assert_eq!(
        filled(5, "2026-12-31").1,
        "Bát Tràng, ngày 31 tháng 12 năm 2026"
    );
}

#[test]
fn a_draft_leaves_blanks_to_write_in() {
    let (number, date) = header_lines(&Case::new());
    assert!(number.starts_with("Số: ") && number.ends_with("/KH-UBND"));
    assert!(
        number.len() - "Số: /KH-UBND".len() >= 4,
        "room for the number: {number:?}"
    );
    assert_eq!(util::norm(&date), "Bát Tràng, ngày tháng năm 2026");
    assert!(
        date.contains("ngày    ") && date.contains("tháng    "),
        "{date:?}"
    );
}
