//! Placeholders in the user's text, filled from the profile, the year and the
//! registry, so one file serves any commune and any year:
//!
//! | placeholder | becomes (for UBND xã Bát Tràng, 2026) |
//! |---|---|
//! | `{nam}` | `2026` |
//! | `{cap}` | `xã` |
//! | `{ten}` | `Bát Tràng` |
//! | `{dia_phuong}` | `xã Bát Tràng` |
//! | `{tinh}` | the profile's province |
//! | `{vb:KEY}` | the registry's citation of KEY: a law by name and number, any other document by kind, number, date and issuer; the date in the document's form (`kieu_ngay`) |
//! | `{vb:KEY:ngan}`, `{vb:KEY:day_du}` | the same, the date `14/02/2026` or `14 tháng 02 năm 2026` |
//! | `{vb:KEY\|words}` | `words` + ` số ` + its number, nothing else: a later mention (PL1 II.6b) |
//!
//! Anything else in braces (`{{ x }}`, `{ x }`, `{abc}`) stays as written:
//! user text is data, and only these exact forms are replaced.

use crate::input::{Profile, Registry};
use crate::nd30::DateForm;

pub struct Vars<'a> {
    pub year: u16,
    pub profile: &'a Profile,
    pub registry: &'a Registry,
    /// How citations write dates unless a placeholder says otherwise.
    pub dates: DateForm,
}

/// The placeholders a clerk writes as `{name}`, each filled by
/// [`Vars::simple`] (the test `every_name_is_filled` keeps the two agreed).
pub const NAMES: [&str; 5] = ["nam", "cap", "ten", "dia_phuong", "tinh"];

impl<'a> Vars<'a> {
    /// What the placeholders of the document `doc` are filled with.
    pub fn of(doc: &'a crate::input::Loaded) -> Vars<'a> {
        Vars {
            year: doc.plan.nam,
            profile: &doc.profile,
            registry: &doc.registry,
            dates: doc.plan.kieu_ngay.unwrap_or(DateForm::Ngan),
        }
    }

    /// Every placeholder `vars` can fill, with what it prints: `nam` →
    /// `2026`, `vb:luat-binh-dang-gioi` → `Luật Bình đẳng giới số …`. The
    /// editor offers them as the clerk types `{`.
    pub fn catalogue(&self) -> Vec<(String, String)> {
        let names = NAMES.iter().map(|n| n.to_string());
        let citations = self.registry.keys().map(|k| format!("vb:{k}"));
        names
            .chain(citations)
            .filter_map(|inner| {
                let printed = replacement(&inner, self).ok()??;
                Some((inner, printed))
            })
            .collect()
    }

    fn simple(&self, name: &str) -> Option<String> {
        Some(match name {
            "nam" => self.year.to_string(),
            "cap" => self.profile.cap.clone(),
            "ten" => self.profile.ten.clone(),
            "dia_phuong" => self.profile.full_name(),
            "tinh" => self.profile.tinh.clone()?,
            _ => return None,
        })
    }
}

/// Replace the placeholders of `text`. An unknown `{vb:KEY}` is an error:
/// the citation would otherwise silently be missing from the page.
pub fn expand(text: &str, vars: &Vars) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}').map(|end| (&after[..end], end)) {
            Some((inner, end)) if is_placeholder(inner) => {
                out.push_str(&replacement(inner, vars)?.unwrap_or_else(|| format!("{{{inner}}}")));
                rest = &after[end + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

/// `name`, or `vb:key` with an optional `:ngan`/`:day_du` and `|label`,
/// with no spaces around the name.
fn is_placeholder(inner: &str) -> bool {
    let head = inner.split('|').next().unwrap_or("");
    let name_ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    match head.strip_prefix("vb:") {
        Some(reference) => {
            let (key, form) = split_form(reference);
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                && form.is_ok()
        }
        None => name_ok(head) && !inner.contains('|'),
    }
}

/// `kh-67:day_du` → (`kh-67`, the form); no suffix: `Ok(None)`.
fn split_form(reference: &str) -> (&str, Result<Option<DateForm>, ()>) {
    match reference.split_once(':') {
        None => (reference, Ok(None)),
        Some((key, "ngan")) => (key, Ok(Some(DateForm::Ngan))),
        Some((key, "day_du")) => (key, Ok(Some(DateForm::DayDu))),
        Some((key, _)) => (key, Err(())),
    }
}

fn replacement(inner: &str, vars: &Vars) -> Result<Option<String>, String> {
    let Some(reference) = inner.strip_prefix("vb:") else {
        return Ok(vars.simple(inner));
    };
    let (reference, label) = match reference.split_once('|') {
        Some((r, l)) => (r, Some(l)),
        None => (reference, None),
    };
    let (key, form) = split_form(reference);
    let form = form.ok().flatten().unwrap_or(vars.dates);
    match vars.registry.get(key) {
        Some(entry) => Ok(Some(entry.citation(
            label,
            vars.profile.tinh.as_deref(),
            form,
        ))),
        None => Err(format!(
            "không tìm thấy văn bản `{key}` trong danh mục văn bản (unknown reference); các khóa có: {}",
            vars.registry.keys().cloned().collect::<Vec<_>>().join(", ")
        )),
    }
}

/// The registry keys a text cites.
pub fn references(text: &str) -> Vec<&str> {
    let mut keys = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{vb:") {
        let after = &rest[start + 4..];
        if let Some(end) = after.find('}') {
            let inner = &after[..end];
            if is_placeholder(&format!("vb:{inner}")) {
                let reference = inner.split('|').next().unwrap_or(inner);
                keys.push(split_form(reference).0);
            }
        }
        rest = after;
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> Profile {
        serde_norway::from_str(
            "ten_co_quan: [ỦY BAN NHÂN DÂN, XÃ BÁT TRÀNG]\nviet_tat: UBND\ncap: xã\nten: Bát Tràng\n\
             dia_danh: Bát Tràng\ntap_the: ỦY BAN NHÂN DÂN\nthu_truong: CHỦ TỊCH\n",
        )
        .unwrap()
    }

    fn registry() -> Registry {
        serde_norway::from_str(
            "luat-bdg: {loai: Luật, ten: Bình đẳng giới, so: 73/2006/QH11}\n\
             kh-67: {loai: Kế hoạch, so: 67/KH-UBND, ngay: 2026-02-14, co_quan: UBND thành phố Hà Nội}\n",
        )
        .unwrap()
    }

    fn run(text: &str) -> Result<String, String> {
        let (p, r) = (profile(), registry());
        expand(
            text,
            &Vars {
                year: 2026,
                profile: &p,
                registry: &r,
                dates: DateForm::Ngan,
            },
        )
    }

    #[test]
    fn every_name_is_filled() {
        let (mut p, r) = (profile(), registry());
        p.tinh = Some("Hà Nội".into());
        let vars = Vars {
            year: 2026,
            profile: &p,
            registry: &r,
            dates: DateForm::Ngan,
        };
        for name in NAMES {
            assert!(vars.simple(name).is_some(), "{{{name}}}");
        }
        assert!(vars.simple("nam_sau").is_none());
        let catalogue = vars.catalogue();
        let names: Vec<&str> = catalogue.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "nam",
                "cap",
                "ten",
                "dia_phuong",
                "tinh",
                "vb:kh-67",
                "vb:luat-bdg"
            ]
        );
        assert_eq!(catalogue[3].1, "xã Bát Tràng");
        assert!(catalogue[6]
            .1
            .starts_with("Luật Bình đẳng giới số 73/2006/QH11"));
    }

    #[test]
    fn fills_year_unit_and_citations() {
        assert_eq!(
            run("phụ nữ {dia_phuong} năm {nam}").unwrap(),
            "phụ nữ xã Bát Tràng năm 2026"
        );
        assert_eq!(run("Công an {cap}").unwrap(), "Công an xã");
        assert_eq!(
            run("Thực hiện {vb:kh-67} về").unwrap(),
            "Thực hiện Kế hoạch số 67/KH-UBND ngày 14/02/2026 của UBND thành phố Hà Nội về"
        );
        assert_eq!(
            run("{vb:luat-bdg|Luật bình đẳng giới}").unwrap(),
            "Luật bình đẳng giới số 73/2006/QH11"
        );
    }

    #[test]
    fn a_citation_gives_the_date_in_either_form_and_a_label_only_the_number() {
        assert_eq!(
            run("{vb:kh-67:day_du}").unwrap(),
            "Kế hoạch số 67/KH-UBND ngày 14 tháng 02 năm 2026 của UBND thành phố Hà Nội"
        );
        assert_eq!(
            run("{vb:kh-67:ngan}").unwrap(),
            "Kế hoạch số 67/KH-UBND ngày 14/02/2026 của UBND thành phố Hà Nội"
        );
        assert_eq!(
            run("Kế hoạch trên ({vb:kh-67|Kế hoạch})").unwrap(),
            "Kế hoạch trên (Kế hoạch số 67/KH-UBND)",
            "a later mention: kind and number only (PL1 II.6b)"
        );
        assert_eq!(
            run("{vb:kh-67:dai}").unwrap(),
            "{vb:kh-67:dai}",
            "not a placeholder"
        );
    }

    #[test]
    fn other_braces_stay_literal() {
        let s = "#read(\"/etc/passwd\") *bold* $x$ <w:t> & {{ x }} { nam } {abc} {";
        assert_eq!(run(s).unwrap(), s);
    }

    #[test]
    fn unknown_reference_is_an_error() {
        assert!(run("{vb:khong-co}").unwrap_err().contains("`khong-co`"));
    }

    #[test]
    fn lists_references() {
        assert_eq!(
            references("a {vb:kh-67} b {vb:luat-bdg|Luật} {vb:kh-68:day_du} {x}"),
            ["kh-67", "luat-bdg", "kh-68"]
        );
    }
}
