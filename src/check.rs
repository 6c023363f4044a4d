//! The decree's rules as checks over a loaded document, each finding tied to
//! its clause (`ND30-PL1-II.7` …) and located in the file it comes from.
//!
//! vanban computes numbers, dates and punctuation itself, so these checks
//! look at what a clerk types: dates, names, positions, recipients, cited
//! laws, hand-typed numbering, abolished administrative levels, characters
//! the PDF font lacks. `render` runs them first and refuses on errors.

use crate::compose::Warned;
use crate::diag::{Diagnostic, Severity};
use crate::fonts;
use crate::input::spans::Spans;
use crate::input::{DocNumber, Loaded};
use crate::model::Document;
use std::path::Path;

/// Every finding about `doc`, errors and warnings, located: the decree's
/// checks of what the clerk typed, and what composing it found.
pub fn check(doc: &Loaded, composed: Option<&Warned<Document>>) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    year_and_date(doc, &mut found);
    number_form(doc, &mut found);
    signers(doc, &mut found);
    recipients(doc, &mut found);
    laws(doc, &mut found);
    typed_numbering(doc, &mut found);
    symbols(doc, &mut found);
    abolished_levels(doc, &mut found);
    kind_rules(doc, &mut found);
    if let Some(page) = composed {
        if let Some(c) = fonts::missing_glyph(&page.output.reading_order()) {
            let d = fonts::missing_glyph_error(c).rule("ND30-PL1-I.4");
            found.push(match doc.locate(c) {
                Some((file, line, col)) => d.at(&file, Some(line), Some(col)),
                None => d.in_file(&doc.plan_path),
            });
        }
    }
    found.extend(
        composed
            .into_iter()
            .flat_map(|c| c.warnings.iter().cloned()),
    );
    locate(&mut found, &[doc.source()]);
    found.sort_by_key(|d| std::cmp::Reverse(d.severity));
    found
}

/// Give each finding the line and column of its key in its file: in the
/// text given for that file in `open` (an editor's, not yet saved), or else
/// in the file on disk.
pub fn locate(found: &mut [Diagnostic], open: &[(&Path, &str)]) {
    let mut cache: Vec<(std::path::PathBuf, Spans)> = open
        .iter()
        .map(|(path, text)| (path.to_path_buf(), Spans::of(text)))
        .collect();
    for d in found.iter_mut() {
        let (Some(loc), Some(key)) = (d.location.as_mut(), d.key.as_deref()) else {
            continue;
        };
        if loc.line.is_some() {
            continue;
        }
        let spans = match cache.iter().find(|(p, _)| *p == loc.file) {
            Some((_, s)) => s,
            None => {
                let text = std::fs::read_to_string(&loc.file).unwrap_or_default();
                cache.push((loc.file.clone(), Spans::of(&text)));
                &cache.last().expect("just pushed").1
            }
        };
        if let Some((line, col)) = spans.find(key) {
            loc.line = Some(line);
            loc.column = Some(col);
        }
    }
}

fn plan_finding(
    doc: &Loaded,
    severity: Severity,
    rule: &'static str,
    key: String,
    msg: String,
) -> Diagnostic {
    finding(&doc.plan_path, severity, rule, key, msg)
}

fn finding(
    file: &Path,
    severity: Severity,
    rule: &'static str,
    key: String,
    msg: String,
) -> Diagnostic {
    let d = match severity {
        Severity::Error => Diagnostic::error(msg),
        Severity::Warning => Diagnostic::warning(msg),
    };
    d.rule(rule).key(key).in_file(file)
}

/// The date of issue exists (serde checked) and falls in the document's year.
fn year_and_date(doc: &Loaded, found: &mut Vec<Diagnostic>) {
    if let Some(d) = doc.plan.ngay {
        if d.year != doc.plan.nam {
            found.push(plan_finding(
                doc,
                Severity::Error,
                "ND30-PL1-II.4",
                "ngay".into(),
                format!(
                    "ngày ban hành năm {} mà văn bản ghi `nam: {}` (date outside the document's year)",
                    d.year, doc.plan.nam
                ),
            ));
        }
    }
}

/// A number written as text (`"012"`) prints as written; the decree writes
/// numbers below 10 with one leading zero and others without (PL1 II.3).
fn number_form(doc: &Loaded, found: &mut Vec<Diagnostic>) {
    let Some(DocNumber::Text(written)) = &doc.plan.so else {
        return;
    };
    let Ok(n) = written.trim().parse::<u32>() else {
        return;
    };
    let decree = crate::nd30::printed_number(n);
    if decree != written.trim() {
        found.push(plan_finding(
            doc,
            Severity::Warning,
            "ND30-PL1-II.3",
            "so".into(),
            format!(
                "số `{written}` in như đã gõ; Nghị định 30 ghi `{decree}` (số dưới 10 thêm một số 0)                  (number kept as written)"
            ),
        ));
    }
}

/// Titles that may not stand before a signer's name (PL1 II.7c).
pub(crate) const TITLES: [&str; 9] = [
    "TS.", "ThS.", "PGS.", "GS.", "BS.", "KS.", "CN.", "Th.S", "T.S",
];
/// Authority prefixes written the old way (PL1 II.7a; spec §6.11).
pub(crate) const OLD_PREFIXES: [(&str, &str); 4] = [
    ("K/T", "KT."),
    ("T/M", "TM."),
    ("T/L", "TL."),
    ("TU/Q", "TUQ."),
];

fn signers(doc: &Loaded, found: &mut Vec<Diagnostic>) {
    let name = &doc.plan.nguoi_ky.ho_ten;
    if let Some(t) = TITLES.iter().find(|t| name.starts_with(*t)) {
        found.push(plan_finding(
            doc,
            Severity::Error,
            "ND30-PL1-II.7c",
            "nguoi_ky.ho_ten".into(),
            format!("không ghi học hàm, học vị `{t}` trước họ tên người ký (no academic title before the name)"),
        ));
    }
    for (i, line) in doc.plan.nguoi_ky.chuc_danh.iter().enumerate() {
        position_prefix(
            &doc.plan_path,
            &format!("nguoi_ky.chuc_danh[{i}]"),
            line,
            found,
        );
    }
    let p = &doc.profile;
    for (i, s) in p.nguoi_ky.iter().enumerate() {
        if let Some(t) = TITLES.iter().find(|t| s.ho_ten.starts_with(*t)) {
            found.push(finding(
                &doc.profile_path,
                Severity::Error,
                "ND30-PL1-II.7c",
                format!("nguoi_ky[{i}].ho_ten"),
                format!(
                    "không ghi học hàm, học vị `{t}` trước họ tên người ký (no academic title)"
                ),
            ));
        }
        position_prefix(
            &doc.profile_path,
            &format!("nguoi_ky[{i}].chuc_vu"),
            &s.chuc_vu,
            found,
        );
    }
    position_prefix(&doc.profile_path, "thu_truong", &p.thu_truong, found);
    position_prefix(&doc.profile_path, "tap_the", &p.tap_the, found);
}

fn position_prefix(file: &Path, key: &str, text: &str, found: &mut Vec<Diagnostic>) {
    for (old, new) in OLD_PREFIXES {
        if text.contains(old) {
            found.push(finding(
                file,
                Severity::Error,
                "ND30-PL1-II.7a",
                key.into(),
                format!("viết `{new}` thay cho `{old}`; vanban tự thêm TM./KT./TL./TUQ. theo `nguoi_ky` (authority prefix)"),
            ));
        }
    }
}

/// vanban adds `- `, `;` and the final `- Lưu: VT, ….`: typed ones double up.
fn recipients(doc: &Loaded, found: &mut Vec<Diagnostic>) {
    for (i, r) in doc.plan.noi_nhan.iter().enumerate() {
        let t = r.trim();
        if t.starts_with('-') || t.ends_with(';') || t.ends_with('.') {
            found.push(plan_finding(
                doc,
                Severity::Warning,
                "ND30-PL1-II.9",
                format!("noi_nhan[{i}]"),
                "bỏ dấu `-` đầu dòng và `;`/`.` cuối dòng: vanban tự thêm (punctuation is added)"
                    .into(),
            ));
        }
        if t.starts_with("Lưu") {
            found.push(plan_finding(
                doc,
                Severity::Error,
                "ND30-PL1-II.9",
                format!("noi_nhan[{i}]"),
                "dòng `Lưu:` do vanban tạo từ khóa `luu` (archive line comes from `luu`)".into(),
            ));
        }
    }
}

/// A law, code or ordinance is numbered `73/2006/QH11` (PL1 II.6a; V).
fn laws(doc: &Loaded, found: &mut Vec<Diagnostic>) {
    let Some(path) = &doc.registry_path else {
        return;
    };
    for (key, e) in &doc.registry {
        let law = ["Luật", "Bộ luật", "Bộ Luật", "Pháp lệnh"]
            .iter()
            .any(|k| e.loai.starts_with(k));
        if law && !law_number(&e.so) {
            found.push(finding(
                path,
                Severity::Error,
                "ND30-PL1-II.6a",
                format!("{key}.so"),
                format!("số hiệu `{}` của {} phải có dạng số/năm/QHkhóa, ví dụ 73/2006/QH11 (law number form)", e.so, e.loai),
            ));
        }
    }
}

fn law_number(so: &str) -> bool {
    let parts: Vec<&str> = so.split('/').collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let body = |s: &str| {
        ["UBTVQH", "QH"]
            .iter()
            .find_map(|p| s.strip_prefix(p))
            .is_some_and(digits)
    };
    parts.len() == 3
        && digits(parts[0])
        && parts[1].len() == 4
        && digits(parts[1])
        && body(parts[2])
}

/// Số, ký hiệu written in the text or the registry (`5/KH-UBND`): numbers
/// below 10 take a leading zero, and a công văn has no type code, so `CV`
/// is wrong (PL1 II.3; spec §6.6).
fn symbols(doc: &Loaded, found: &mut Vec<Diagnostic>) {
    let mut texts = texts(doc);
    if let Some(path) = &doc.registry_path {
        for (key, e) in &doc.registry {
            if let Some(msg) = symbol_problem(&e.so) {
                found.push(finding(
                    path,
                    msg.0,
                    "ND30-PL1-II.3",
                    format!("{key}.so"),
                    msg.1,
                ));
            }
        }
    }
    for (key, text) in texts.drain(..) {
        for word in text.split_whitespace() {
            let word = word.trim_end_matches([',', ';', '.', ')', ':']);
            if let Some((severity, msg)) = symbol_problem(word) {
                found.push(plan_finding(
                    doc,
                    severity,
                    "ND30-PL1-II.3",
                    key.clone(),
                    msg,
                ));
            }
        }
    }
}

/// What is wrong with a `number/CODE-BODY` symbol, if it is one.
fn symbol_problem(word: &str) -> Option<(Severity, String)> {
    let (number, symbol) = word.split_once('/')?;
    if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (code, body) = symbol.split_once('-')?;
    if code.is_empty() || body.is_empty() || !code.chars().next()?.is_uppercase() {
        return None;
    }
    if code == "CV" {
        return Some((
            Severity::Error,
            format!("`{word}`: công văn không có mã loại, ký hiệu là <cơ quan>-<đơn vị soạn> (no `CV` code)"),
        ));
    }
    if number.len() == 1 {
        return Some((
            Severity::Warning,
            format!("`{word}`: số dưới 10 viết thêm số 0 phía trước, `0{number}/{symbol}` (leading zero)"),
        ));
    }
    None
}

/// Every text the clerk wrote, with its key path.
fn texts(doc: &Loaded) -> Vec<(String, String)> {
    crate::input::strings_of(&doc.plan)
}

/// Headings and list marks are vanban's: `1. `, `a) `, `I. `, `- ` typed
/// at the start of a heading or item would print twice (PL1 II.6đ).
fn typed_numbering(doc: &Loaded, found: &mut Vec<Diagnostic>) {
    for (key, text) in texts(doc) {
        let numbered = key.ends_with(".muc")
            || key.ends_with(".tieu_de")
            || key.ends_with(".doan_so")
            || key.ends_with(".gach")
            || key.contains(".nhiem_vu[")
            || key.contains(".khoan[") && key.ends_with(']')
            || key.contains(".diem[");
        if numbered {
            if let Some(mark) = hand_mark(&text) {
                found.push(plan_finding(
                    doc,
                    Severity::Warning,
                    "ND30-PL1-II.6đ",
                    key,
                    format!("đánh số `{mark}` bằng tay: vanban tự đánh số và gạch đầu dòng (numbering is computed)"),
                ));
            }
        }
    }
}

fn hand_mark(text: &str) -> Option<String> {
    let first = text.split_whitespace().next()?;
    let is_roman = |s: &str| !s.is_empty() && s.chars().all(|c| "IVXLC".contains(c));
    let hand = match first.strip_suffix('.') {
        Some(n) => n.chars().all(|c| c.is_ascii_digit()) && !n.is_empty() || is_roman(n),
        None => match first.strip_suffix(')') {
            Some(l) => l.chars().count() == 1 && l.chars().all(char::is_lowercase),
            None => matches!(first, "-" | "+" | "•" | "*"),
        },
    };
    hand.then(|| first.to_string())
}

/// What each kind's form asks for (PL3): a công văn's trích yếu begins
/// `V/v`; a công văn and a tờ trình name whom they are for; a decision ends
/// with the article naming who executes it.
fn kind_rules(doc: &Loaded, found: &mut Vec<Diagnostic>) {
    use crate::nd30::DocKind::*;
    let plan = &doc.plan;
    let mut warn = |rule, key: &str, msg: &str| {
        found.push(plan_finding(
            doc,
            Severity::Warning,
            rule,
            key.into(),
            msg.into(),
        ))
    };
    let summary = plan.trich_yeu.as_deref().unwrap_or_default();
    if plan.loai == CongVan && !summary.trim_start().starts_with("V/v") {
        warn(
            "ND30-PL1-II.5",
            "trich_yeu",
            "trích yếu của công văn bắt đầu bằng `V/v` (Mẫu 1.5) (a công văn's subject begins V/v)",
        );
    }
    if matches!(plan.loai, CongVan | ToTrinh | CongDien) && plan.kinh_gui.is_empty() {
        warn(
            "ND30-PL1-II.9",
            "kinh_gui",
            "văn bản loại này ghi nơi gửi ở `kinh_gui` (Kính gửi) (whom it is for)",
        );
    }
    if plan.loai == QuyetDinh && plan.thi_hanh.is_empty() {
        let last = crate::input::strings_of(&plan.noi_dung)
            .into_iter()
            .last()
            .map(|(_, text)| text)
            .unwrap_or_default();
        if !last.contains("thi hành") {
            warn(
                "ND30-PL3-1.2",
                "thi_hanh",
                "điều cuối của quyết định nêu ai chịu trách nhiệm thi hành: ghi ở `thi_hanh` \
                 (the last article names who executes it)",
            );
        }
    }
}

/// Since 1 July 2025 there are no districts and no towns (thị trấn).
fn abolished_levels(doc: &Loaded, found: &mut Vec<Diagnostic>) {
    let after_reform = match doc.plan.ngay {
        Some(d) => (d.year, d.month) >= (2025, 7),
        None => doc.plan.nam >= 2026,
    };
    if !after_reform {
        return;
    }
    for (key, text) in texts(doc) {
        let lower = text.to_lowercase();
        for level in ["huyện", "quận", "thị trấn"] {
            if lower.contains(level)
                && lower
                    .split(|c: char| !c.is_alphanumeric() && c != ' ')
                    .any(|w| contains_word(w, level))
            {
                found.push(plan_finding(
                    doc,
                    Severity::Warning,
                    "ND30-5",
                    key.clone(),
                    format!(
                        "`{level}` không còn từ 01/7/2025 (chính quyền hai cấp) (abolished level)"
                    ),
                ));
                break;
            }
        }
    }
}

fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn law_numbers() {
        assert!(law_number("73/2006/QH11"));
        assert!(law_number("45/2019/QH14"));
        assert!(law_number("13/2022/UBTVQH15"));
        assert!(!law_number("73/2006"));
        assert!(!law_number("73-2006-QH11"));
        assert!(!law_number("73/06/QH11"));
    }

    #[test]
    fn symbols_in_text() {
        assert!(symbol_problem("5/KH-UBND")
            .is_some_and(|(s, m)| s == Severity::Warning && m.contains("05/KH-UBND")));
        assert!(symbol_problem("12/CV-UBND").is_some_and(|(s, _)| s == Severity::Error));
        assert!(symbol_problem("67/KH-UBND").is_none());
        assert!(symbol_problem("05/KH-UBND").is_none());
        assert!(
            symbol_problem("73/2006/QH11").is_none(),
            "a law number is not a ký hiệu"
        );
        assert!(
            symbol_problem("15/11-15/12").is_none(),
            "dates are not symbols"
        );
        assert!(symbol_problem("8/3").is_none());
    }

    #[test]
    fn hand_typed_marks() {
        assert_eq!(hand_mark("1. Tuyên truyền").as_deref(), Some("1."));
        assert_eq!(hand_mark("a) Điểm").as_deref(), Some("a)"));
        assert_eq!(hand_mark("II. NỘI DUNG").as_deref(), Some("II."));
        assert_eq!(hand_mark("- Tăng cường").as_deref(), Some("-"));
        assert_eq!(hand_mark("Tăng cường 1. lần"), None);
        assert_eq!(hand_mark("Luật Bình đẳng giới"), None);
    }

    #[test]
    fn whole_words_only() {
        assert!(contains_word("ubnd huyện gia lâm", "huyện"));
        assert!(!contains_word("chuyện", "huyện"));
        assert!(contains_word("thị trấn trâu quỳ", "thị trấn"));
    }
}
