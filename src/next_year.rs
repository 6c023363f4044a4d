//! Next year's plan from this year's: the YAML text is edited line by line,
//! so the clerk's comments, key order and wording survive.
//!
//! The year moves on, the number and date are cleared (a draft again), and
//! everything written with `{nam}` follows by itself. What vanban cannot
//! decide is listed for a person: the old year written as a literal number,
//! and citations of documents dated in the old year (last year's city plan
//! is not this year's). The list goes into the new file as `can_kiem_tra`,
//! and `render` warns until its items are settled and removed.

use crate::input::{Plan, Registry};
use crate::text;

/// One thing a person must look at in the new file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Line in the new file, 1-based.
    pub line: usize,
    pub what: String,
}

#[derive(Debug, Clone)]
pub struct Rolled {
    pub text: String,
    pub year: u16,
    pub findings: Vec<Finding>,
}

/// The key that lists open items in a rolled-forward file.
pub use crate::input::TO_CHECK_KEY as MARKER_KEY;

pub fn roll(source: &str, plan: &Plan, registry: &Registry) -> Result<Rolled, String> {
    if !plan.can_kiem_tra.is_empty() {
        return Err(format!(
            "tệp còn {} mục `{MARKER_KEY}` từ lần chuyển năm trước: xử lý và xóa chúng trước \
             (open next-year items left)",
            plan.can_kiem_tra.len()
        ));
    }
    let old = plan.nam;
    let new = old + 1;
    let token = old.to_string();
    let mut lines: Vec<String> = Vec::new();
    let mut found: Vec<(usize, String)> = Vec::new(); // (index in `lines`, what)
    let mut block: Option<usize> = None; // indent of the key owning a block scalar

    for raw in source.lines() {
        let indent = raw.len() - raw.trim_start().len();
        let in_block = match block {
            Some(owner) if raw.trim().is_empty() || indent > owner => true,
            _ => {
                block = None;
                false
            }
        };
        if in_block {
            note_year(raw, &token, registry, old, lines.len(), &mut found);
            lines.push(raw.to_string());
            continue;
        }
        let (content, _) = split_comment(raw);
        // What follows the value (spacing, then any comment) is kept as it was.
        let comment = &raw[content.trim_end().len()..];
        let line = match top_level_key(content) {
            Some("nam") => format!("nam: {new}{comment}"),
            Some("so") => format!("so: null{comment}"),
            Some("ngay") => format!("ngay: null{comment}"),
            Some(MARKER_KEY) => continue, // an empty list left from last time
            _ => {
                note_year(content, &token, registry, old, lines.len(), &mut found);
                raw.to_string()
            }
        };
        if is_block_indicator(content) {
            block = Some(indent);
        }
        lines.push(line);
    }

    // The list of open items goes after the file's opening comments.
    let at = lines
        .iter()
        .position(|l| !(l.starts_with('#') || l.trim().is_empty()))
        .unwrap_or(lines.len());
    let mut head = vec![
        format!(
            "# Chuyển sang năm {new} bằng `vanban next-year`. Mỗi mục dưới đây cần người kiểm tra;"
        ),
        "# sửa xong mục nào thì xóa mục đó. vanban cảnh báo khi còn mục (next-year checklist)."
            .into(),
    ];
    if found.is_empty() {
        head.push(format!("{MARKER_KEY}: []"));
    } else {
        head.push(format!("{MARKER_KEY}:"));
    }
    let shift = head.len() + found.len() + 1;
    let findings: Vec<Finding> = found
        .iter()
        .map(|(i, what)| Finding {
            line: i + 1 + if *i >= at { shift } else { 0 },
            what: what.clone(),
        })
        .collect();
    for f in &findings {
        head.push(format!(
            "  - '{}'",
            format!("dòng {}: {}", f.line, f.what).replace('\'', "''")
        ));
    }
    head.push(String::new());
    lines.splice(at..at, head);
    let mut text = lines.join("\n");
    text.push('\n');
    Ok(Rolled {
        text,
        year: new,
        findings,
    })
}

/// Note each literal mention of the old year, and each citation of a
/// document dated in it, on one line of text.
fn note_year(
    line: &str,
    token: &str,
    registry: &Registry,
    old: u16,
    index: usize,
    found: &mut Vec<(usize, String)>,
) {
    for key in text::references(line) {
        if let Some(entry) = registry.get(key) {
            if entry.ngay.is_some_and(|d| d.year == old) {
                found.push((
                    index,
                    format!(
                        "dẫn văn bản năm {old} `{key}` ({}): thay bằng văn bản của năm mới \
                         (reference to a document of the old year)",
                        entry.citation(None, None, crate::nd30::DateForm::Ngan)
                    ),
                ));
            }
        }
    }
    let mut search = 0;
    while let Some(pos) = line[search..].find(token).map(|p| p + search) {
        search = pos + token.len();
        let before = line[..pos].chars().next_back();
        let after = line[search..].chars().next();
        let standalone = !before.is_some_and(|c| c.is_ascii_digit())
            && !after.is_some_and(|c| c.is_ascii_digit());
        if standalone && !inside_placeholder(line, pos) {
            found.push((
                index,
                format!(
                    "năm {token} viết thẳng trong văn bản: «{}» — nếu là năm của kế hoạch, viết {{nam}} \
                     (literal old year)",
                    snippet(line, pos, token.len())
                ),
            ));
        }
    }
}

/// Whether byte `pos` of `line` is inside a `{…}` placeholder.
fn inside_placeholder(line: &str, pos: usize) -> bool {
    let open = line[..pos].rfind('{');
    let close = line[..pos].rfind('}');
    matches!((open, close), (Some(o), c) if c.is_none_or(|c| c < o)) && line[pos..].contains('}')
}

fn snippet(line: &str, pos: usize, len: usize) -> String {
    let start = line[..pos]
        .char_indices()
        .rev()
        .nth(30)
        .map_or(0, |(i, _)| i);
    let end = line[pos + len..]
        .char_indices()
        .nth(30)
        .map_or(line.len(), |(i, _)| pos + len + i);
    let mut s = line[start..end].trim().to_string();
    if start > 0 {
        s.insert(0, '…');
    }
    if end < line.len() {
        s.push('…');
    }
    s
}

/// Split a line outside block scalars into content and ` # comment`.
fn split_comment(line: &str) -> (&str, &str) {
    if line.trim_start().starts_with('#') {
        return ("", line);
    }
    match line.find(" #") {
        Some(i) => (&line[..i], &line[i..]),
        None => (line, ""),
    }
}

fn top_level_key(content: &str) -> Option<&str> {
    if content.starts_with([' ', '-', '#']) {
        return None;
    }
    content.split_once(':').map(|(k, _)| k.trim())
}

/// `key: >-`, `- |`, … : the lines after belong to a block scalar.
fn is_block_indicator(content: &str) -> bool {
    let value = content.trim_end();
    let value = value.rsplit_once(": ").map_or(value, |(_, v)| v);
    let value = value.trim_start_matches("- ").trim();
    matches!(value.chars().next(), Some('>' | '|'))
        && value[1..]
            .chars()
            .all(|c| matches!(c, '-' | '+' | '0'..='9'))
}

/// `ke-hoach-…-2026.yaml` → `ke-hoach-…-2027.yaml`; a name without the
/// year gets `-2027` added.
pub fn next_file_name(stem: &str, old: u16, new: u16) -> String {
    let old = old.to_string();
    if stem.contains(&old) {
        format!("{}.yaml", stem.replace(&old, &new.to_string()))
    } else {
        format!("{stem}-{new}.yaml")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(yaml: &str) -> Plan {
        serde_norway::from_str(yaml).unwrap()
    }

    const SOURCE: &str = "\
# Kế hoạch năm 2026 (comment kept)
loai: ke_hoach
don_vi: p.yaml
nam: 2026   # năm
so: 5
ngay: 2026-02-05
trich_yeu: Kế hoạch năm {nam}
mo_dau:
  - >-
    Thực hiện {vb:kh-2026} về năm {nam}, nhiệm kỳ 2026-2031,
    mã 12026 không phải năm; # không phải chú thích
noi_nhan: [A]
nguoi_ky: {ho_ten: X}
";

    fn registry() -> Registry {
        serde_norway::from_str(
            "kh-2026: {loai: Kế hoạch, so: 1/KH-UBND, ngay: 2026-01-10, co_quan: UBND}\n",
        )
        .unwrap()
    }

    #[test]
    fn moves_the_year_clears_number_and_date_and_keeps_comments() {
        let r = roll(SOURCE, &plan(SOURCE), &registry()).unwrap();
        assert_eq!(r.year, 2027);
        assert!(r.text.starts_with("# Kế hoạch năm 2026 (comment kept)\n"));
        assert!(r.text.contains("\nnam: 2027   # năm\n"));
        assert!(r.text.contains("\nso: null\n") && r.text.contains("\nngay: null\n"));
        assert!(
            r.text.contains("# không phải chú thích"),
            "block scalar text untouched"
        );
        let rolled = plan(&r.text);
        assert_eq!(rolled.nam, 2027);
        assert_eq!(rolled.can_kiem_tra.len(), r.findings.len());
    }

    #[test]
    fn flags_literal_years_and_old_references_with_their_lines() {
        let r = roll(SOURCE, &plan(SOURCE), &registry()).unwrap();
        let lines: Vec<&str> = r.text.lines().collect();
        assert_eq!(r.findings.len(), 2, "{:#?}", r.findings);
        assert!(r.findings[0].what.contains("`kh-2026`"));
        assert!(r.findings[1].what.contains("nhiệm kỳ 2026-2031"));
        for f in &r.findings {
            assert!(
                lines[f.line - 1].contains("2026"),
                "line {} is `{}`",
                f.line,
                lines[f.line - 1]
            );
        }
    }

    #[test]
    fn refuses_a_file_with_open_items() {
        let src = format!("{SOURCE}can_kiem_tra: [x]\n");
        assert!(roll(&src, &plan(&src), &registry())
            .unwrap_err()
            .contains("can_kiem_tra"));
    }

    #[test]
    fn next_file_names() {
        assert_eq!(
            next_file_name("ke-hoach-2026", 2026, 2027),
            "ke-hoach-2027.yaml"
        );
        assert_eq!(next_file_name("ke-hoach", 2026, 2027), "ke-hoach-2027.yaml");
    }
}
