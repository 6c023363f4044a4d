//! "Did you mean": the known name nearest to one a clerk mistyped, for
//! the messages of both readers of a file (serde's and the schema's).

/// What is wrong with an unknown key (the key path already names it), the
/// closest known key, and the keys that are known there.
pub fn unknown_field_message(field: &str, expected: &[String]) -> String {
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    let mut msg = String::from("không có trong định dạng (unknown field)");
    if let Some(best) = closest(field, &expected) {
        msg.push_str(&format!("; có phải ý bạn là `{best}`? (did you mean)"));
    }
    if !expected.is_empty() {
        msg.push_str(&format!("; các khóa hợp lệ: {}", expected.join(", ")));
    }
    msg
}

/// The candidate within two edits of `word`, if any.
pub fn closest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(word, c), *c))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_name_within_two_edits() {
        assert_eq!(closest("luuu", &["luu", "loai"]), Some("luu"));
        assert_eq!(closest("xyz", &["luu"]), None);
        assert!(unknown_field_message("nhiemvu", &["nhiem_vu".into()]).contains("`nhiem_vu`"));
    }
}
