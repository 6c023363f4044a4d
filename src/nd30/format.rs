//! Text forms fixed by the decree: the Số line, the date line, citations,
//! Nơi nhận punctuation and the signer's authority lines.

use super::DocKind;
use crate::date::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Quốc hiệu (ô 1, PL1 II.1).
pub const NATIONAL: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
/// Tiêu ngữ (ô 1, PL1 II.1): phrases joined by a hyphen with spaces.
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";

/// The documents' language and region (BCP 47): the PDF's `Lang`, the
/// DOCX's `w:lang`, so that spell-checking picks Vietnamese.
pub const LANGUAGE: (&str, &str) = ("vi", "VN");
/// Độ khẩn (ô 10b, PL1 III): the word, in a box of the decree's width.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    Khan,
    ThuongKhan,
    HoaToc,
}

impl Urgency {
    /// The word and the box's width: `KHẨN` 20 mm, `THƯỢNG KHẨN` 40 mm,
    /// `HỎA TỐC` 30 mm (PL1 III).
    pub fn mark(self) -> (&'static str, f32) {
        match self {
            Urgency::Khan => ("KHẨN", 20.0),
            Urgency::ThuongKhan => ("THƯỢNG KHẨN", 40.0),
            Urgency::HoaToc => ("HỎA TỐC", 30.0),
        }
    }
}

/// Độ mật (ô 10a): the stamp's word, as the law on state secrets names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Secrecy {
    Mat,
    ToiMat,
    TuyetMat,
}

impl Secrecy {
    pub fn word(self) -> &'static str {
        match self {
            Secrecy::Mat => "MẬT",
            Secrecy::ToiMat => "TỐI MẬT",
            Secrecy::TuyetMat => "TUYỆT MẬT",
        }
    }
}

/// What a draft says at the top of its first page (practice, not the
/// decree): `DỰ THẢO`, or `DỰ THẢO LẦN 2`.
pub fn draft_mark(round: Option<u32>) -> String {
    match round {
        Some(n) if n > 1 => format!("DỰ THẢO LẦN {n}"),
        _ => "DỰ THẢO".to_string(),
    }
}

/// The words before the document under a phụ lục's title (Mẫu 2.1), and
/// under the title of a text a quyết định issues (Mẫu 1.3).
pub const ATTACHED_TO: &str = "Kèm theo";
pub const ISSUED_WITH: &str = "Ban hành kèm theo";
/// The first line of Nơi nhận when the document has a Kính gửi (PL1 II.9).
pub const AS_ABOVE: &str = "Như trên";
/// The words before the recipients of a công văn or tờ trình (ô 9a).
pub const ADDRESSED: &str = "Kính gửi:";
/// What a decision's body begins with, centred bold (PL3, Mẫu 1.2), and a
/// resolution's (Mẫu 1.1).
pub const DECIDES: &str = "QUYẾT ĐỊNH:";
pub const RESOLVES: &str = "QUYẾT NGHỊ:";

/// The words before who proposed a decision (PL3, Mẫu 1.2).
pub const PROPOSED_BY: &str = "Theo đề nghị của ";
/// The heading of the recipients' list (ô 9b, PL1 II.9).
pub const RECIPIENTS_TITLE: &str = "Nơi nhận:";

/// Room left in a draft for the number, day and month written by hand
/// after signing (ND Đ.15: paper documents are numbered once signed).
pub const DRAFT_BLANK: &str = "      ";

/// `05`, `12`: numbers and days below 10 take a leading zero (PL1 II.3, II.4).
fn two_digits(n: u32) -> String {
    format!("{n:02}")
}

/// Months 1 and 2 take a leading zero, the others do not (PL1 II.4).
fn month(m: u8) -> String {
    if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

/// The số, ký hiệu (ô 3): `05/KH-UBND`; a công văn: `12/UBND-VHXH`.
/// `number` is as printed (see [`printed_number`]); without one (a draft)
/// the number is left blank to write in.
pub fn symbol(number: Option<&str>, kind: DocKind, body: &str, unit: Option<&str>) -> String {
    let n = number.unwrap_or(DRAFT_BLANK);
    let symbol = match (kind.code(), unit) {
        (Some(code), _) => format!("{code}-{body}"),
        (None, Some(unit)) => format!("{body}-{unit}"),
        (None, None) => body.to_string(),
    };
    format!("{n}/{symbol}")
}

/// The Số line (ô 3): `Số: 05/KH-UBND`.
pub fn issue_number(number: Option<&str>, kind: DocKind, body: &str, unit: Option<&str>) -> String {
    format!("{NUMBER_LEAD}{}", symbol(number, kind, body, unit))
}

/// What the Số line starts with, before the số, ký hiệu.
pub const NUMBER_LEAD: &str = "Số: ";

/// `ỦY BAN NHÂN DÂN` → `Ủy ban nhân dân`: a name in upper case as running
/// text writes it (proper names inside it are the caller's to keep).
pub fn sentence_case(s: &str) -> String {
    let lower = s.to_lowercase();
    let mut chars = lower.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => lower,
    }
}

/// A document's number as the decree prints it: below 10 with a leading
/// zero (PL1 II.3).
pub fn printed_number(n: u32) -> String {
    two_digits(n)
}

/// How dates are written in citations and the phụ lục's `Kèm theo` line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateForm {
    /// `ngày 14/02/2026`.
    Ngan,
    /// `ngày 14 tháng 02 năm 2026`, as the date line writes it.
    DayDu,
}

/// `ngày 14/02/2026` or `ngày 14 tháng 02 năm 2026`; a draft's date (none
/// yet) leaves the day and month blank in the long form.
pub fn dated(date: Option<Date>, year: u16, form: DateForm) -> String {
    match (date, form) {
        (Some(d), DateForm::Ngan) => format!("ngày {}", citation_date(d)),
        (Some(d), DateForm::DayDu) => format!(
            "ngày {} tháng {} năm {}",
            two_digits(d.day.into()),
            month(d.month),
            d.year
        ),
        (None, _) => format!("ngày {DRAFT_BLANK}tháng {DRAFT_BLANK}năm {year}"),
    }
}

/// The place and date line (ô 4): `Bát Tràng, ngày 05 tháng 02 năm 2026`.
/// A draft keeps the year and leaves day and month blank.
pub fn place_and_date(place: &str, date: Option<Date>, year: u16) -> String {
    match date {
        Some(d) => format!(
            "{place}, ngày {} tháng {} năm {}",
            two_digits(d.day.into()),
            month(d.month),
            d.year
        ),
        None => format!("{place}, ngày {DRAFT_BLANK}tháng {DRAFT_BLANK}năm {year}"),
    }
}

/// A date inside a citation: `14/02/2026`, with the same zero rule as the date line.
pub fn citation_date(d: Date) -> String {
    format!("{}/{}/{}", two_digits(d.day.into()), month(d.month), d.year)
}

/// The department code of a `Lưu` item, which must be the issuer's:
/// `VHXH`, `QHĐP(2b)` (with copies), `KGVX. Thg` (with the typist's
/// initials), `Vụ CQĐP` (the unit's kind before its code, as ministries
/// write it). A tag in brackets, `(MT.Tấn)`, names a person: no code.
pub fn archive_code(item: &str) -> Option<&str> {
    const UNIT_KINDS: [&str; 5] = ["Vụ ", "Phòng ", "Ban ", "Cục ", "Văn phòng "];
    let mut item = item.trim();
    if item.starts_with('(') {
        return None;
    }
    if let Some(kind) = UNIT_KINDS.iter().find(|k| item.starts_with(**k)) {
        item = item[kind.len()..].trim_start();
    }
    let end = item.find([' ', '.', '(']).unwrap_or(item.len());
    Some(&item[..end])
}

/// Nơi nhận lines (PL1 II.9b): `- X;` for each recipient and a closing
/// `- Lưu: VT, <units>.` ending the list with a period.
/// `records` is the records office (`VT`) named first, where the body
/// has one.
pub fn recipient_lines(
    recipients: &[String],
    records: Option<&str>,
    archive: &[String],
) -> Vec<String> {
    let mut lines: Vec<String> = recipients.iter().map(|r| format!("- {r};")).collect();
    let kept: Vec<&str> = records
        .into_iter()
        .chain(archive.iter().map(String::as_str))
        .collect();
    lines.push(format!("- Lưu: {}.", kept.join(", ")));
    lines
}

/// How the signer signs when not as the head in person (PL1 II.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum Authority {
    /// Ký thay: a deputy signs for the head.
    #[serde(rename = "KT")]
    Kt,
    /// Thừa lệnh: by the head's order.
    #[serde(rename = "TL")]
    Tl,
    /// Thừa ủy quyền: by the head's authorisation.
    #[serde(rename = "TUQ")]
    Tuq,
    /// Quyền: the acting head.
    #[serde(rename = "Q")]
    Q,
}

/// The prefix of signing on behalf of a collective (`TM. ỦY BAN NHÂN DÂN`).
pub const ON_BEHALF: &str = "TM.";

impl Authority {
    pub const ALL: [Authority; 4] = [Authority::Kt, Authority::Tl, Authority::Tuq, Authority::Q];

    pub fn prefix(self) -> &'static str {
        match self {
            Authority::Kt => "KT.",
            Authority::Tl => "TL.",
            Authority::Tuq => "TUQ.",
            Authority::Q => "Q.",
        }
    }
}

/// Every prefix an authority line may open with (PL1 II.7a): `TM.`, `KT.`,
/// `TL.`, `TUQ.`, `Q.`, each with its dot.
pub fn authority_prefixes() -> impl Iterator<Item = &'static str> {
    std::iter::once(ON_BEHALF).chain(Authority::ALL.map(Authority::prefix))
}

/// The authority and position lines above the signature (ô 7a), upper case.
///
/// `collective` is the body signed for with `TM.` (`ỦY BAN NHÂN DÂN`), `head`
/// the head's position (`CHỦ TỊCH`), `position` the signer's own.
pub fn authority_lines(
    collective: Option<&str>,
    authority: Option<Authority>,
    head: &str,
    position: &str,
) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(c) = collective {
        lines.push(format!("{ON_BEHALF} {}", c.to_uppercase()));
    }
    match authority {
        None => lines.push(position.to_uppercase()),
        // The acting head signs under `Q. CHỦ TỊCH` alone.
        Some(Authority::Q) => lines.push(format!("Q. {}", head.to_uppercase())),
        Some(a) => {
            lines.push(format!("{} {}", a.prefix(), head.to_uppercase()));
            lines.push(position.to_uppercase());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: u16, m: u8, d: u8) -> Option<Date> {
        Some(Date::new(y, m, d).unwrap())
    }

    fn numbered(n: u32, kind: DocKind, unit: Option<&str>) -> String {
        issue_number(Some(&printed_number(n)), kind, "UBND", unit)
    }

    #[test]
    fn number_below_ten_takes_a_leading_zero() {
        assert_eq!(numbered(5, DocKind::KeHoach, None), "Số: 05/KH-UBND");
        assert_eq!(numbered(7, DocKind::QuyetDinh, None), "Số: 07/QĐ-UBND");
        assert_eq!(numbered(12, DocKind::KeHoach, None), "Số: 12/KH-UBND");
        assert_eq!(numbered(123, DocKind::BaoCao, None), "Số: 123/BC-UBND");
    }

    #[test]
    fn cong_van_symbol_is_body_then_unit() {
        assert_eq!(
            numbered(5, DocKind::CongVan, Some("VHXH")),
            "Số: 05/UBND-VHXH"
        );
    }

    #[test]
    fn dates_in_both_forms_and_a_draft() {
        let d = date(2026, 2, 5);
        assert_eq!(dated(d, 2026, DateForm::Ngan), "ngày 05/02/2026");
        assert_eq!(dated(d, 2026, DateForm::DayDu), "ngày 05 tháng 02 năm 2026");
        assert_eq!(
            dated(None, 2026, DateForm::Ngan),
            format!("ngày {DRAFT_BLANK}tháng {DRAFT_BLANK}năm 2026")
        );
    }

    #[test]
    fn archive_items_name_their_department() {
        assert_eq!(archive_code("VHXH"), Some("VHXH"));
        assert_eq!(archive_code("QHĐP(2b)"), Some("QHĐP"));
        assert_eq!(archive_code("KGVX. Thg"), Some("KGVX"));
        assert_eq!(archive_code("(MT.Tấn)"), None);
        assert_eq!(archive_code("Vụ CQĐP"), Some("CQĐP"));
        assert_eq!(
            recipient_lines(
                &["Như trên".into(), "TTgCP (để b/c)".into()],
                Some("VT"),
                &["VHXH".into(), "(MT.Tấn)".into()]
            ),
            [
                "- Như trên;",
                "- TTgCP (để b/c);",
                "- Lưu: VT, VHXH, (MT.Tấn)."
            ]
        );
    }

    #[test]
    fn draft_number_leaves_room_to_write() {
        let s = issue_number(None, DocKind::KeHoach, "UBND", None);
        assert_eq!(s, format!("Số: {DRAFT_BLANK}/KH-UBND"));
        assert!(DRAFT_BLANK.len() >= 4);
    }

    #[test]
    fn day_below_ten_and_months_one_two_are_padded() {
        assert_eq!(
            place_and_date("Bát Tràng", date(2026, 2, 5), 2026),
            "Bát Tràng, ngày 05 tháng 02 năm 2026"
        );
        assert_eq!(
            place_and_date("Hà Nội", date(2020, 1, 5), 2020),
            "Hà Nội, ngày 05 tháng 01 năm 2020"
        );
        assert_eq!(
            place_and_date("Hà Nội", date(2019, 6, 29), 2019),
            "Hà Nội, ngày 29 tháng 6 năm 2019"
        );
        assert_eq!(
            place_and_date("Bát Tràng", date(2026, 3, 10), 2026),
            "Bát Tràng, ngày 10 tháng 3 năm 2026"
        );
        assert_eq!(
            place_and_date("Bát Tràng", date(2026, 11, 28), 2026),
            "Bát Tràng, ngày 28 tháng 11 năm 2026"
        );
    }

    #[test]
    fn draft_date_keeps_the_year_and_blanks_day_and_month() {
        let s = place_and_date("Bát Tràng", None, 2026);
        assert_eq!(
            s,
            format!("Bát Tràng, ngày {DRAFT_BLANK}tháng {DRAFT_BLANK}năm 2026")
        );
        let collapsed: Vec<&str> = s.split_whitespace().collect();
        assert_eq!(collapsed.join(" "), "Bát Tràng, ngày tháng năm 2026");
    }

    #[test]
    fn citation_dates() {
        assert_eq!(citation_date(date(2026, 2, 14).unwrap()), "14/02/2026");
        assert_eq!(citation_date(date(2026, 3, 5).unwrap()), "05/3/2026");
    }

    #[test]
    fn recipients_end_with_semicolons_and_the_archive_line_with_a_period() {
        let lines = recipient_lines(
            &["Sở Nội vụ TP Hà Nội".into(), "Các thôn".into()],
            Some("VT"),
            &["VHXH".into()],
        );
        assert_eq!(
            lines,
            ["- Sở Nội vụ TP Hà Nội;", "- Các thôn;", "- Lưu: VT, VHXH."]
        );
        assert_eq!(recipient_lines(&[], Some("VT"), &[]), ["- Lưu: VT."]);
        assert_eq!(
            recipient_lines(&[], None, &["MTTQ".into()]),
            ["- Lưu: MTTQ."],
            "a body without a records office"
        );
    }

    #[test]
    fn authority_prefixes_keep_their_dots() {
        assert_eq!(
            authority_lines(
                Some("Ủy ban nhân dân"),
                Some(Authority::Kt),
                "Chủ tịch",
                "Phó Chủ tịch"
            ),
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
        );
        assert_eq!(
            authority_lines(Some("ỦY BAN NHÂN DÂN"), None, "CHỦ TỊCH", "CHỦ TỊCH"),
            ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
        );
        assert_eq!(
            authority_lines(None, Some(Authority::Tl), "CHỦ TỊCH", "CHÁNH VĂN PHÒNG"),
            ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]
        );
        assert_eq!(
            authority_lines(None, Some(Authority::Tuq), "CHỦ TỊCH", "TRƯỞNG PHÒNG"),
            ["TUQ. CHỦ TỊCH", "TRƯỞNG PHÒNG"]
        );
        assert_eq!(
            authority_lines(None, Some(Authority::Q), "CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
            ["Q. CHỦ TỊCH"]
        );
    }

    #[test]
    fn authority_names_in_yaml_are_the_prefixes() {
        let a: Authority = serde_norway::from_str("TUQ").unwrap();
        assert_eq!(a, Authority::Tuq);
        assert!(serde_norway::from_str::<Authority>("K/T").is_err());
    }
}
