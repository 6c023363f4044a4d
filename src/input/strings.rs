//! Every string of an input value with its key path (`noi_dung[1].khoan[0]`),
//! the paths the diagnostics use: for the checks over what a clerk typed
//! and the placeholders left in a profile.

/// Visit every string in `v` with its key path.
fn each_string(v: &mut serde_json::Value, f: &mut dyn FnMut(&str, &mut String)) {
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
