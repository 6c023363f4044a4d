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
//! | `{vb:KEY}` | the registry's citation of KEY |
//! | `{vb:KEY\|words}` | `words` + ` số ` + its number (the citation as the text words it) |
//!
//! Anything else in braces (`{{ x }}`, `{ x }`, `{abc}`) stays as written:
//! user text is data, and only these exact forms are replaced.

use crate::input::{Profile, Registry};

pub struct Vars<'a> {
    pub year: u16,
    pub profile: &'a Profile,
    pub registry: &'a Registry,
}

impl Vars<'_> {
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

/// `name` or `vb:key` or `vb:key|label`, with no spaces around the name.
fn is_placeholder(inner: &str) -> bool {
    let head = inner.split('|').next().unwrap_or("");
    let name_ok = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    match head.strip_prefix("vb:") {
        Some(key) => {
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        }
        None => name_ok(head) && !inner.contains('|'),
    }
}

fn replacement(inner: &str, vars: &Vars) -> Result<Option<String>, String> {
    let Some(reference) = inner.strip_prefix("vb:") else {
        return Ok(vars.simple(inner));
    };
    let (key, label) = match reference.split_once('|') {
        Some((k, l)) => (k, Some(l)),
        None => (reference, None),
    };
    match vars.registry.get(key) {
        Some(entry) => Ok(Some(entry.citation(label, vars.profile.tinh.as_deref()))),
        None => Err(format!(
            "không tìm thấy văn bản `{key}` trong danh mục văn bản (unknown reference); các khóa có: {}",
            vars.registry.keys().cloned().collect::<Vec<_>>().join(", ")
        )),
    }
}

/// Visit every string in `v` with its key path (`noi_dung[1].khoan[0]`), the
/// paths the diagnostics use. One walker for filling placeholders, the
/// checks and the profile's placeholders.
pub fn each_string(v: &mut serde_json::Value, f: &mut dyn FnMut(&str, &mut String)) {
    walk(v, String::new(), f);
}

fn walk(v: &mut serde_json::Value, key: String, f: &mut dyn FnMut(&str, &mut String)) {
    use serde_json::Value;
    match v {
        Value::String(s) => f(&key, s),
        Value::Array(items) => {
            for (i, item) in items.iter_mut().enumerate() {
                walk(item, format!("{key}[{i}]"), f);
            }
        }
        Value::Object(map) => {
            for (k, item) in map.iter_mut() {
                let path = if key.is_empty() {
                    k.clone()
                } else {
                    format!("{key}.{k}")
                };
                walk(item, path, f);
            }
        }
        _ => {}
    }
}

/// Every string of a serialisable value with its key path.
pub fn strings_of<T: serde::Serialize>(value: &T) -> Vec<(String, String)> {
    let mut v = serde_json::to_value(value).expect("input types serialise");
    let mut out = Vec::new();
    each_string(&mut v, &mut |key, s| out.push((key.to_string(), s.clone())));
    out
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
                keys.push(inner.split('|').next().unwrap_or(inner));
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
            },
        )
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
            references("a {vb:kh-67} b {vb:luat-bdg|Luật} {x}"),
            ["kh-67", "luat-bdg"]
        );
    }
}
