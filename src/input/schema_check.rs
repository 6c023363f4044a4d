//! Every error of a file at once. serde stops at the first thing it cannot
//! read; the file's JSON Schema (the one editors use, `vanban schema`)
//! names every unknown key, wrong type and missing key, so a clerk fixes a
//! file in one pass instead of one error per run.

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::paths::LocationSegment;
use jsonschema::{JsonType, ValidationError};
use schemars::JsonSchema;
use serde_json::Value;

/// A problem found by the schema: the key path it is at
/// (`noi_dung[0].khoan[1]`) and what is wrong, in Vietnamese.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub key: String,
    pub message: String,
}

/// What `T`'s schema finds wrong in the YAML `text`; nothing when the
/// text is not YAML at all (the parser's own error says where).
pub fn findings<T: JsonSchema>(text: &str) -> Vec<Finding> {
    let Ok(instance) = serde_norway::from_str::<Value>(text) else {
        return Vec::new();
    };
    let schema = serde_json::to_value(schemars::schema_for!(T)).expect("schemas serialise");
    let Ok(validator) = jsonschema::validator_for(&schema) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for error in validator.iter_errors(&instance) {
        explain(&error, &schema, &mut out);
    }
    out.dedup();
    out
}

/// The findings of one error; an `anyOf` (a khoản is a string or a map)
/// speaks through the branch that fits what was written.
fn explain(error: &ValidationError, schema: &Value, out: &mut Vec<Finding>) {
    let key = key_path(error.instance_path().iter());
    let message = match error.kind() {
        ValidationErrorKind::AnyOf { context } | ValidationErrorKind::OneOfNotValid { context } => {
            let here = error.instance_path().as_str();
            let branch = context.iter().min_by_key(|errors| {
                let mismatched = errors.iter().any(|e| {
                    e.instance_path().as_str() == here
                        && matches!(e.kind(), ValidationErrorKind::Type { .. })
                });
                (mismatched, errors.len())
            });
            for e in branch.into_iter().flatten() {
                explain(e, schema, out);
            }
            return;
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            let known = known_keys(schema, error.schema_path().as_str());
            for field in unexpected {
                let key = join(&key, field);
                out.push(Finding {
                    message: super::suggest::unknown_field_message(field, &known),
                    key,
                });
            }
            return;
        }
        ValidationErrorKind::Type { kind } => {
            format!("sai kiểu giá trị (invalid type): cần {}", expected(kind))
        }
        ValidationErrorKind::Required { property } => {
            format!(
                "thiếu khóa `{}` (missing field)",
                property.as_str().unwrap_or("?")
            )
        }
        ValidationErrorKind::Enum { options } => format!(
            "giá trị không hợp lệ (invalid value); chọn một trong: {}",
            options
                .as_array()
                .into_iter()
                .flatten()
                .map(|o| o.as_str().map_or_else(|| o.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ValidationErrorKind::Maximum { limit } => {
            format!("số quá lớn (too large): tối đa {limit}")
        }
        ValidationErrorKind::Minimum { limit } => {
            format!("số quá nhỏ (too small): tối thiểu {limit}")
        }
        ValidationErrorKind::Pattern { .. } => {
            let parent = parent_of(error.schema_path().as_str());
            let described = resolve(schema, parent)
                .and_then(|s| s.get("description"))
                .and_then(Value::as_str)
                .unwrap_or("không đúng dạng");
            format!("giá trị không đúng dạng (invalid form): {described}")
        }
        _ => error.to_string(),
    };
    out.push(Finding { key, message });
}

/// `noi_dung[0].khoan[1]` from the instance path's segments.
fn key_path<'a>(segments: impl Iterator<Item = LocationSegment<'a>>) -> String {
    let mut key = String::new();
    for s in segments {
        match s {
            LocationSegment::Index(i) => key.push_str(&format!("[{i}]")),
            LocationSegment::Property(p) => key = join(&key, &p),
        }
    }
    key
}

fn join(parent: &str, field: &str) -> String {
    match parent.is_empty() {
        true => field.to_string(),
        false => format!("{parent}.{field}"),
    }
}

/// `một số nguyên (integer)` …: the types a value may have, in words.
fn expected(kind: &TypeKind) -> String {
    let word = |t: JsonType| match t {
        JsonType::Integer => "một số nguyên (integer)",
        JsonType::Number => "một số (number)",
        JsonType::String => "chữ (string)",
        JsonType::Array => "danh sách (list)",
        JsonType::Object => "bảng khóa (map)",
        JsonType::Boolean => "true hoặc false (boolean)",
        JsonType::Null => "để trống (null)",
    };
    match kind {
        TypeKind::Single(t) => word(*t).to_string(),
        TypeKind::Multiple(set) => set
            .iter()
            .filter(|t| *t != JsonType::Null)
            .map(word)
            .collect::<Vec<_>>()
            .join(" hoặc "),
    }
}

/// The keys the schema allows where `additionalProperties` refused one.
fn known_keys(schema: &Value, keyword_path: &str) -> Vec<String> {
    resolve(schema, parent_of(keyword_path))
        .and_then(|s| s.get("properties"))
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

fn parent_of(pointer: &str) -> &str {
    pointer.rsplit_once('/').map_or("", |(parent, _)| parent)
}

/// The schema node at a keyword path, following each `$ref` on the way
/// (`/properties/noi_dung/items/$ref/properties/khoan`).
fn resolve<'s>(root: &'s Value, pointer: &str) -> Option<&'s Value> {
    let mut node = root;
    for segment in pointer.split('/').skip(1) {
        let segment = segment.replace("~1", "/").replace("~0", "~");
        node = match segment.as_str() {
            "$ref" => {
                let target = node.get("$ref")?.as_str()?.strip_prefix('#')?;
                root.pointer(target)?
            }
            s => match node {
                Value::Array(items) => items.get(s.parse::<usize>().ok()?)?,
                _ => node.get(s)?,
            },
        };
    }
    Some(node)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::Plan;

    fn keys(text: &str) -> Vec<(String, String)> {
        findings::<Plan>(text)
            .into_iter()
            .map(|f| (f.key, f.message))
            .collect()
    }

    #[test]
    fn every_unknown_key_and_wrong_type_is_named() {
        let found = keys(
            "loai: ke_hoach\ndon_vi: x\nnam: hai\ntrich_yeu: T\nluuu: [a]\nnguoi_ky: {ho_ten: A, chucvu: B}\n\
             noi_dung:\n  - muc: A\n    khoan:\n      - tieu_de: B\n        nhiemvu: [c]\n",
        );
        let at = |k: &str| {
            found
                .iter()
                .find(|(key, _)| key == k)
                .unwrap_or_else(|| panic!("nothing at {k}: {found:?}"))
                .1
                .clone()
        };
        assert!(at("nam").contains("cần một số nguyên"), "{found:?}");
        assert!(at("luuu").contains("có phải ý bạn là `luu`"), "{found:?}");
        assert!(
            at("nguoi_ky.chucvu").contains("`chuc_vu`") || at("nguoi_ky.chucvu").contains("ho_ten")
        );
        assert!(
            at("noi_dung[0].khoan[0].nhiemvu").contains("`nhiem_vu`"),
            "inside a khoản, which is a string or a map: {found:?}"
        );
    }

    #[test]
    fn a_good_file_has_no_findings() {
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("data/ke-hoach-binh-dang-gioi-bat-trang-2026.yaml"),
        )
        .unwrap();
        assert_eq!(findings::<Plan>(&text), []);
    }
}
