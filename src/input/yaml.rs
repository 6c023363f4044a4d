//! Reading a YAML file into a serde type: NFC text, located errors in Vietnamese.

use super::spans::Spans;
use super::suggest::{closest, unknown_field_message};
use crate::diag::{Diagnostic, Diagnostics};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

/// The largest input file vanban reads.
pub const MAX_BYTES: u64 = 8 << 20;

/// Read `path` and parse it as `T`. Text is normalised to NFC first, so a
/// file saved in decomposed form (NFD) reads the same as a composed one.
pub fn load<T: DeserializeOwned + JsonSchema>(path: &Path) -> Result<T, Diagnostics> {
    parse(&read(path)?, path)
}

/// The text of an input file: bounded in size, UTF-8, not yet normalised.
pub fn read(path: &Path) -> Result<String, Diagnostics> {
    // A document is tens of kilobytes; a file this large is a mistake (or
    // an attack) and is refused before it is read.
    if let Ok(meta) = std::fs::metadata(path) {
        if meta.len() > MAX_BYTES {
            return Err(Diagnostic::error(format!(
                "tệp quá lớn ({} MB, tối đa {} MB) (file too large)",
                meta.len() >> 20,
                MAX_BYTES >> 20
            ))
            .in_file(path)
            .into());
        }
    }
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error(format!("không đọc được tệp (cannot read file): {e}")).in_file(path)
    })?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Diagnostic::error(format!(
            "tệp không phải UTF-8 (not UTF-8) ở byte {}; hãy lưu tệp dạng UTF-8",
            e.utf8_error().valid_up_to()
        ))
        .in_file(path)
    })?;
    Ok(text)
}

/// `text` in NFC, the form every input is read in: a file saved in
/// decomposed form (NFD) reads the same as a composed one.
pub fn nfc(text: &str) -> String {
    // Most files are NFC already: the quick check spares re-building them.
    match unicode_normalization::is_nfc_quick(text.chars()) {
        unicode_normalization::IsNormalized::Yes => text.to_string(),
        _ => text.nfc().collect(),
    }
}

/// Parse YAML text; `file` names the file in messages. On error, every
/// error of the file: serde's, located exactly, then what the schema finds
/// elsewhere ([`super::schema_check`]).
pub fn parse<T: DeserializeOwned + JsonSchema>(text: &str, file: &Path) -> Result<T, Diagnostics> {
    let text = nfc(text);
    let blank = text
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    if blank {
        return Err(Diagnostic::error("tệp rỗng (empty file)")
            .in_file(file)
            .into());
    }
    // serde_path_to_error names the key of every error, top-level ones too.
    let de = serde_norway::Deserializer::from_str(&text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let spans = Spans::of(&text);
        let first = first_error(e, file, &text, &spans);
        let mut all = vec![first.clone()];
        for f in super::schema_check::findings::<T>(&text) {
            // What serde said already, or said of the whole file.
            let whole_file = f.key.is_empty() && first.key.is_none();
            if first.key.as_deref() == Some(f.key.as_str()) || whole_file {
                continue;
            }
            let at = spans.find(&f.key);
            let d = Diagnostic::error(f.message).at(file, at.map(|p| p.0), at.map(|p| p.1));
            // An empty key is the whole file: it has no key to name.
            all.push(if f.key.is_empty() { d } else { d.key(f.key) });
        }
        // In the order of the file, as an editor lists them.
        all.sort_by_key(|d| d.location.as_ref().map(|l| (l.line, l.column)));
        Diagnostics(all)
    })
}

/// serde's error, located and in Vietnamese.
fn first_error(
    e: serde_path_to_error::Error<serde_norway::Error>,
    file: &Path,
    text: &str,
    spans: &Spans,
) -> Diagnostic {
    let key_path = e.path().to_string();
    let inner = e.into_inner();
    let raw = inner.to_string();
    let (serde_key, message) = explain(&raw);
    // The path is `.` when the error is about the whole file.
    let key = Some(key_path).filter(|p| p != ".").or(serde_key);
    let located = inner.location().map(|l| (l.line(), l.column()));
    let at = if raw.contains("control characters are not allowed") {
        first_control_character(text)
    } else if let Some(field) = duplicate_field(&raw) {
        // The later of the two, where the reader stops.
        spans.find(&join_key(key.as_deref(), field))
    } else if raw.contains("unknown field") {
        // serde stops on the unknown key itself: exact.
        located
    } else {
        // serde puts what it found after reading a value (a date that does
        // not exist, a missing key) at the start of the mapping holding it,
        // or at the top of the file: the key, found further on, says where.
        let keyed = key
            .as_deref()
            .filter(|k| !k.is_empty())
            .and_then(|k| spans.find(k));
        match (located, keyed) {
            (Some(at), Some(key_at)) if at < key_at => Some(key_at),
            (None, key_at) => key_at,
            (at, _) => at,
        }
    };
    let d = Diagnostic::error(message).at(file, at.map(|p| p.0), at.map(|p| p.1));
    match key {
        Some(key) => d.key(key),
        None => d,
    }
}

fn duplicate_field(raw: &str) -> Option<&str> {
    let rest = raw.split("duplicate field `").nth(1)?;
    rest.split('`').next()
}

fn join_key(parent: Option<&str>, field: &str) -> String {
    match parent {
        Some(p) if !p.is_empty() && p != field => format!("{p}.{field}"),
        _ => field.to_string(),
    }
}

/// Line and column of the first control character other than line
/// breaks and tabs.
fn first_control_character(text: &str) -> Option<(usize, usize)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let col = line
            .chars()
            .position(|c| c.is_control() && c != '\t' && c != '\r')?;
        Some((i + 1, col + 1))
    })
}

/// Turn serde's English message into a Vietnamese one, keeping the English
/// term, and split off the key path serde puts in front (`a.b[0]: …`).
fn explain(raw: &str) -> (Option<String>, String) {
    let raw = raw.split(" at line ").next().unwrap_or(raw);
    let (key, msg) = match raw.split_once(": ") {
        Some((k, m)) if !k.contains(' ') => (Some(k.to_string()), m),
        _ => (None, raw),
    };
    let text = if let Some(rest) = msg.strip_prefix("unknown field ") {
        unknown_field(rest)
    } else if let Some(rest) = msg.strip_prefix("missing field ") {
        format!("thiếu khóa {rest} (missing field)")
    } else if let Some(rest) = msg.strip_prefix("invalid type: ") {
        format!(
            "sai kiểu giá trị (invalid type): {}",
            vietnamese_types(rest)
        )
    } else if let Some(rest) = msg.strip_prefix("unknown variant ") {
        unknown_variant(rest)
    } else if let Some(rest) = msg.strip_prefix("invalid value: ") {
        format!(
            "giá trị không hợp lệ (invalid value): {}",
            vietnamese_types(rest)
        )
    } else if let Some(field) = duplicate_field(msg) {
        format!("khóa `{field}` ghi hai lần (duplicate key): giữ một")
    } else if msg.contains("control characters are not allowed") {
        "có ký tự điều khiển (control character) không in được: hãy xóa nó".to_string()
    } else if msg.contains("did not find expected")
        || msg.contains("found character that cannot start any token")
        || msg.contains("mapping values are not allowed")
        || msg.contains("could not find expected")
    {
        format!("YAML sai cú pháp (syntax error): {msg}")
    } else {
        msg.to_string()
    };
    (key, text)
}

/// `` `nam`, expected one of `a`, `b` `` → message with a "did you mean".
fn unknown_field(rest: &str) -> String {
    let mut parts = rest.splitn(2, ", expected ");
    let field = parts.next().unwrap_or("").trim_matches('`');
    let expected: Vec<String> = parts
        .next()
        .unwrap_or("")
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    unknown_field_message(field, &expected)
}

/// `` `ke_hoac`, expected one of `ke_hoach`, `bao_cao` `` → the closest
/// value and the values there are.
fn unknown_variant(rest: &str) -> String {
    let mut parts = rest.splitn(2, ", expected ");
    let value = parts.next().unwrap_or("").trim_matches('`');
    let expected: Vec<&str> = parts
        .next()
        .unwrap_or("")
        .split('`')
        .skip(1)
        .step_by(2)
        .collect();
    let mut msg = format!("giá trị `{value}` không có (unknown value)");
    if let Some(best) = closest(value, &expected) {
        msg.push_str(&format!("; có phải ý bạn là `{best}`? (did you mean)"));
    }
    if !expected.is_empty() {
        msg.push_str(&format!("; các giá trị hợp lệ: {}", expected.join(", ")));
    }
    msg
}

/// serde's type words in Vietnamese, the English kept in brackets.
fn vietnamese_types(rest: &str) -> String {
    rest.replace("expected", "cần (expected)")
        .replace("a string", "chuỗi (string)")
        .replace("a sequence", "danh sách (sequence)")
        .replace("a map", "bảng khóa (map)")
        .replace("a boolean", "true hoặc false (boolean)")
        .replace("u8", "một số nguyên (integer)")
        .replace("u16", "một số nguyên từ 0 đến 65535 (integer)")
        .replace("u32", "một số nguyên (integer)")
        .replace("u64", "một số nguyên (integer)")
        .replace("usize", "một số nguyên (integer)")
        .replace("f32", "một số (number)")
        .replace("f64", "một số (number)")
        .replace("struct ", "bảng khóa (map) ")
        // The Rust type's name after it says nothing to a clerk.
        .split(' ')
        .filter(|w| {
            !matches!(
                *w,
                "Plan" | "Profile" | "Entry" | "Node" | "PartMap" | "Signature"
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Signer {
        ho_ten: String,
        chuc_vu: String,
    }

    #[derive(Debug, Deserialize, schemars::JsonSchema)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        nam: u16,
        nguoi_ky: Signer,
    }

    fn err(text: &str) -> Diagnostic {
        parse::<Doc>(text, Path::new("kh.yaml"))
            .unwrap_err()
            .0
            .remove(0)
    }

    /// Every error of `text`, in the order of the file.
    fn errors(text: &str) -> Vec<Diagnostic> {
        parse::<Doc>(text, Path::new("kh.yaml")).unwrap_err().0
    }

    #[test]
    fn unknown_key_is_located_and_gets_a_suggestion() {
        let all = errors("nam: 2026\nnguoi_ky:\n  ho_ten: A\n  chuc_vuu: B\n");
        assert_eq!(
            all.len(),
            2,
            "the unknown key and the key it was meant to be: {all:?}"
        );
        assert!(
            all[0].message.contains("thiếu khóa `chuc_vu`"),
            "{}",
            all[0]
        );
        let d = all[1].clone();
        let loc = d.location.clone().unwrap();
        assert_eq!((loc.line, loc.column), (Some(4), Some(3)));
        assert_eq!(d.key.as_deref(), Some("nguoi_ky.chuc_vuu"));
        assert!(
            d.to_string().contains("khóa `nguoi_ky.chuc_vuu`: không có"),
            "{d}"
        );
        assert!(d.message.contains("có phải ý bạn là `chuc_vu`"), "{d}");
    }

    #[test]
    fn wrong_type_and_missing_key_are_explained() {
        let d = err("nam: hai nghìn\nnguoi_ky: {ho_ten: A, chuc_vu: B}\n");
        assert!(d.message.contains("sai kiểu"), "{d}");
        assert_eq!(d.location.unwrap().line, Some(1));
        let d = err("nam: 2026\nnguoi_ky:\n  ho_ten: A\n");
        assert!(d.message.contains("thiếu khóa `chuc_vu`"), "{d}");
    }

    #[test]
    fn every_error_of_a_file_is_reported_at_once() {
        let all = errors("nam: hai\nnguoi_ky:\n  ho_ten: A\n  chucvu: B\n  x: 1\n");
        let keys: Vec<&str> = all.iter().filter_map(|d| d.key.as_deref()).collect();
        assert_eq!(
            keys,
            ["nam", "nguoi_ky", "nguoi_ky.chucvu", "nguoi_ky.x"],
            "{all:#?}"
        );
        assert!(all[0].message.contains("một số nguyên"), "{}", all[0]);
        assert!(all
            .iter()
            .all(|d| d.location.as_ref().unwrap().line.is_some()));
    }

    #[test]
    fn empty_file_and_syntax_errors() {
        assert!(err("  \n").message.contains("tệp rỗng"));
        let d = err("nam: 2026\nnguoi_ky: [a, b\n");
        assert!(d.location.unwrap().line.is_some());
    }

    #[test]
    fn nfd_text_is_read_as_nfc() {
        #[derive(Deserialize, schemars::JsonSchema)]
        struct T {
            t: String,
        }
        let nfd: String = "t: Bát Tràng".nfd().collect();
        let t: T = parse(&nfd, Path::new("x.yaml")).unwrap();
        assert_eq!(t.t, "Bát Tràng");
    }
}
