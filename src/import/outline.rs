//! The body's outline read back from its labels: typed by hand (`I.`,
//! `1.`, `a)`, `1.1.`, `Điều 1.`, `Chương II`, `-`, `+`) or printed by
//! Word's automatic numbering. Levels are found by the order labels come
//! in, as a reader finds them: a mark seen above is a sibling there, a new
//! mark is one level down. Text keeps its emphasis as vanban writes it
//! (`**…**`, `*…*`), footnotes as `^[…]`.

use super::parts::{BodyBlock, Line};
use crate::input::{CellAlign, CellValue, DataCell, DataColumn, MergedCell};
use crate::input::{Content, Dash, DataTable, Node, Part};
use crate::nd30::Mark;
use crate::word::{Para, Table};

/// A label's kind; decimal labels count their numbers (`1.1.` is two).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Mark(Mark, u8),
    /// `-` (0) or `+` (1).
    Dash(u8),
}

/// The label `text` opens with, and the text after it.
pub fn label_of(text: &str) -> Option<(Label, &str)> {
    let t = text.trim_start();
    let rest_after = |n: usize| t[n..].trim_start();
    if let Some(r) = t.strip_prefix("Chương ") {
        let numeral: String = r.chars().take_while(|c| "IVXLC".contains(*c)).collect();
        if !numeral.is_empty() {
            return Some((
                Label::Mark(Mark::Chapter, 1),
                r[numeral.len()..].trim_start_matches(['.', ':', ' ']),
            ));
        }
    }
    if let Some(r) = t.strip_prefix("Điều ") {
        let digits: String = r.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() && r[digits.len()..].starts_with('.') {
            return Some((
                Label::Mark(Mark::Article, 1),
                r[digits.len() + 1..].trim_start(),
            ));
        }
    }
    for (dash, depth) in [
        ("- ", 0),
        ("– ", 0),
        ("• ", 0),
        ("+ ", 1),
        ("-\t", 0),
        ("+\t", 1),
    ] {
        if t.starts_with(dash) {
            return Some((Label::Dash(depth), rest_after(dash.len())));
        }
    }
    let word_end = t.find([' ', '\t']).unwrap_or(t.len());
    let word = &t[..word_end];
    let rest = t[word_end..].trim_start();
    if rest.is_empty() {
        return None;
    }
    if let Some(n) = word.strip_suffix('.') {
        if !n.is_empty() && n.chars().all(|c| "IVXLC".contains(c)) {
            return Some((Label::Mark(Mark::Roman, 1), rest));
        }
        let groups: Vec<&str> = n.split('.').collect();
        if groups
            .iter()
            .all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()))
        {
            return Some(match groups.len() {
                1 => (Label::Mark(Mark::Arabic, 1), rest),
                k => (Label::Mark(Mark::Decimal, k as u8), rest),
            });
        }
    }
    if let Some(n) = word.strip_suffix(')') {
        if let Some(inner) = n.strip_prefix('(') {
            if !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit()) {
                return Some((Label::Mark(Mark::Parenthesised, 1), rest));
            }
        }
        let mut chars = n.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            if c.is_lowercase() && c.is_alphabetic() {
                return Some((Label::Mark(Mark::Letter, 1), rest));
            }
        }
    }
    None
}

/// An item being built: its text, whether it is a heading, and what it holds.
#[derive(Debug, Default)]
struct Item {
    heading: bool,
    text: String,
    children: Vec<Built>,
}

#[derive(Debug)]
enum Built {
    Para(String),
    Table(DataTable),
    Item(Item),
    Dash(String, Vec<Built>),
}

/// The outline of `blocks`: the document's content, and its numbering
/// scheme from the top down.
pub fn read(blocks: &[BodyBlock]) -> (Content, Vec<Mark>) {
    let mut top: Vec<Built> = Vec::new();
    // The labels open, top down, and the path to the item each opened.
    let mut open: Vec<Label> = Vec::new();
    let mut scheme: Vec<(Mark, u8)> = Vec::new();
    let mut pending_chapter = false;
    for b in blocks {
        let p = match b {
            BodyBlock::Table(t) => {
                let table = Built::Table(table(t));
                container(&mut top, open.len()).push(table);
                continue;
            }
            BodyBlock::Para(p) => *p,
        };
        let line = Line {
            para: p,
            text: p.printed().trim().to_string(),
        };
        if line.text.is_empty() {
            continue;
        }
        // A chapter's title is the line under `Chương I`.
        if pending_chapter {
            pending_chapter = false;
            if let Some(Built::Item(item)) = last_item_at(&mut top, open.len() - 1) {
                if item.text.is_empty() {
                    item.text = text_of(p, None);
                    continue;
                }
            }
        }
        match label_of(&line.text) {
            Some((Label::Mark(mark, n), rest)) => {
                let key = Label::Mark(mark, n);
                let depth = match open.iter().position(|l| *l == key) {
                    Some(d) => d,
                    None => open
                        .iter()
                        .rposition(|l| matches!(l, Label::Mark(..)))
                        .map_or(0, |d| d + 1),
                };
                open.truncate(depth);
                open.push(key);
                if scheme.len() <= depth {
                    scheme.truncate(depth);
                    scheme.push((mark, n));
                }
                let heading = line.bold() || p.props.outline.is_some_and(|l| l < 9);
                let skip = line.text.len() - rest.len();
                let item = Item {
                    heading: heading || mark == Mark::Chapter,
                    text: text_of(p, Some(skip)),
                    children: Vec::new(),
                };
                pending_chapter = mark == Mark::Chapter && item.text.is_empty();
                container(&mut top, depth).push(Built::Item(item));
            }
            Some((Label::Dash(d), rest)) => {
                let skip = line.text.len() - rest.len();
                let text = text_of(p, Some(skip));
                let numbered = open.iter().filter(|l| matches!(l, Label::Mark(..))).count();
                open.truncate(numbered);
                let host = container(&mut top, numbered);
                let under_dash = d == 1 && matches!(host.last(), Some(Built::Dash(..)));
                match (under_dash, host.last_mut()) {
                    (true, Some(Built::Dash(_, inner))) => {
                        inner.push(Built::Dash(text, Vec::new()))
                    }
                    _ => host.push(Built::Dash(text, Vec::new())),
                }
            }
            None => {
                let depth = open.iter().filter(|l| matches!(l, Label::Mark(..))).count();
                container(&mut top, depth).push(Built::Para(text_of(p, None)));
            }
        }
    }
    let marks = scheme.into_iter().map(|(m, _)| m).collect();
    (Content(top.into_iter().map(part).collect()), marks)
}

/// The list new parts at `depth` go into: the children of the last item
/// open at each level above.
fn container(top: &mut Vec<Built>, depth: usize) -> &mut Vec<Built> {
    let mut list = top;
    for _ in 0..depth {
        let has_item = list.iter().any(|b| matches!(b, Built::Item(_)));
        if !has_item {
            break;
        }
        let i = list
            .iter()
            .rposition(|b| matches!(b, Built::Item(_)))
            .expect("checked above");
        list = match &mut list[i] {
            Built::Item(item) => &mut item.children,
            _ => unreachable!("an item"),
        };
    }
    list
}

fn last_item_at(top: &mut Vec<Built>, depth: usize) -> Option<&mut Built> {
    container(top, depth)
        .iter_mut()
        .rev()
        .find(|b| matches!(b, Built::Item(_)))
}

fn part(b: Built) -> Part {
    match b {
        Built::Para(t) => Part::Paragraph(t),
        Built::Table(t) => Part::Table(t),
        Built::Dash(t, inner) => Part::Dash(Dash {
            gach: t,
            noi_dung: Content(inner.into_iter().map(part).collect()),
        }),
        Built::Item(item) => {
            let mut node = Node {
                noi_dung: Content(item.children.into_iter().map(part).collect()),
                ..Node::default()
            };
            if item.heading {
                node.tieu_de = Some(item.text);
            } else {
                node.doan_so = Some(item.text);
            }
            Part::Item(node)
        }
    }
}

/// A paragraph's text as vanban's YAML writes it, the first `skip` bytes
/// of its printed text (the label) left out: emphasis that is not the whole
/// paragraph's marked `**`/`*`, a literal `*` escaped, footnotes `^[…]`.
pub fn text_of(p: &Para, skip: Option<usize>) -> String {
    let runs: Vec<_> = p
        .runs
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    let all_bold = runs.iter().all(|r| r.props.bold == Some(true));
    let all_italic = runs.iter().all(|r| r.props.italic == Some(true));
    // `skip` counts in the printed text: the label Word prints is not
    // among the runs, and the runs' leading spaces were trimmed from it.
    let raw: String = p.runs.iter().map(|r| r.text.as_str()).collect();
    let mut skip = match &p.label {
        Some(label) => skip.unwrap_or(0).saturating_sub(label.len() + 1),
        None => skip.unwrap_or(0) + raw.len() - raw.trim_start().len(),
    };
    let mut out = String::new();
    for r in &p.runs {
        if let Some(note) = &r.note {
            let text: Vec<String> = note.iter().map(|n| text_of(n, None)).collect();
            out.push_str(&format!("^[{}]", text.join(" ").trim()));
            continue;
        }
        let mut text = r.text.as_str();
        if skip > 0 {
            let n = skip.min(text.len());
            let n = (0..=n)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            text = &text[n..];
            skip -= n;
        }
        if text.is_empty() {
            continue;
        }
        let escaped = text.replace('*', "\\*");
        let bold = r.props.bold == Some(true) && !all_bold;
        let italic = r.props.italic == Some(true) && !all_italic;
        let mark = match (bold, italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            (false, false) => "",
        };
        if mark.is_empty() || escaped.trim().is_empty() {
            out.push_str(&escaped);
        } else {
            // Marks hug the words: spaces stay outside them.
            let lead = &escaped[..escaped.len() - escaped.trim_start().len()];
            let trail = &escaped[escaped.trim_end().len()..];
            out.push_str(&format!("{lead}{mark}{}{mark}{trail}", escaped.trim()));
        }
    }
    out.replace("\t", " ").trim().to_string()
}

/// A data table: the first row its columns' headings, the rest its rows,
/// merged cells kept.
fn table(t: &Table) -> DataTable {
    let cell_text = |c: &crate::word::Cell| -> String {
        c.paragraphs()
            .iter()
            .map(|p| text_of(p, None))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Each column's share of the width, as the file sets it.
    let total: u32 = t.grid.iter().sum();
    let share = |column: usize, span: usize| -> Option<f32> {
        let w: u32 = t.grid.get(column..column + span)?.iter().sum();
        (total > 0).then(|| (w as f32 * 10_000.0 / total as f32).round() / 100.0)
    };
    let mut rows = t.rows.iter();
    let mut column = 0;
    let cot = rows
        .next()
        .map(|r| {
            r.iter()
                .map(|c| DataColumn {
                    ten: cell_text(c),
                    rong: {
                        let span = c.grid_span.max(1);
                        column += span;
                        share(column - span, span)
                    },
                    so: false,
                    can: None,
                    cong: false,
                    cot: Vec::new(),
                })
                .collect()
        })
        .unwrap_or_default();
    let body: Vec<&Vec<crate::word::Cell>> = rows.collect();
    let mut dong = Vec::new();
    for (r, row) in body.iter().enumerate() {
        let mut cells = Vec::new();
        let mut column = 0;
        for c in row.iter() {
            let span = c.grid_span.max(1);
            if c.merged_up {
                column += span;
                continue;
            }
            // Rows it covers: the cells below in the same column that
            // continue it.
            let down = body[r + 1..]
                .iter()
                .take_while(|below| cell_at(below, column).is_some_and(|b| b.merged_up))
                .count();
            let value = CellValue::Text(cell_text(c));
            // One cell across the whole table is a group row.
            let group = row.len() == 1 && span >= t.grid.len().max(1) && down == 0;
            cells.push(if !group && (span > 1 || down > 0) {
                DataCell::Merged(MergedCell {
                    o: value,
                    gop_cot: (span > 1).then_some(span),
                    gop_dong: (down > 0).then_some(down + 1),
                    can: None,
                })
            } else {
                DataCell::Value(value)
            });
            column += span;
        }
        dong.push(cells);
    }
    let mut cot: Vec<DataColumn> = cot;
    for (i, col) in cot.iter_mut().enumerate() {
        col.can = column_align(&body, i);
    }
    DataTable {
        cot,
        dong,
        tong: None,
    }
}

/// A column's alignment where every cell of its rows (group rows aside)
/// shares one other than left.
fn column_align(rows: &[&Vec<crate::word::Cell>], column: usize) -> Option<CellAlign> {
    let mut found: Option<&str> = None;
    for row in rows.iter().filter(|r| r.len() > 1) {
        let cell = cell_at(row, column)?;
        let align = cell
            .paragraphs()
            .first()
            .and_then(|p| p.props.align.as_deref())
            .unwrap_or("left");
        match found {
            None => found = Some(align),
            Some(a) if a == align => {}
            Some(_) => return None,
        }
    }
    match found? {
        "center" => Some(CellAlign::Giua),
        "right" | "end" => Some(CellAlign::Phai),
        _ => None,
    }
}

/// The cell of `row` that starts at grid column `column`.
fn cell_at(row: &[crate::word::Cell], column: usize) -> Option<&crate::word::Cell> {
    let mut at = 0;
    for c in row {
        if at == column {
            return Some(c);
        }
        at += c.grid_span.max(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(text: &str) -> Option<(Label, String)> {
        label_of(text).map(|(l, r)| (l, r.to_string()))
    }

    #[test]
    fn labels_as_clerks_type_them() {
        let m = |mk, n| Label::Mark(mk, n);
        assert_eq!(
            mark("I. MỤC ĐÍCH"),
            Some((m(Mark::Roman, 1), "MỤC ĐÍCH".into()))
        );
        assert_eq!(
            mark("12. Kinh phí"),
            Some((m(Mark::Arabic, 1), "Kinh phí".into()))
        );
        assert_eq!(
            mark("1.2. Yêu cầu"),
            Some((m(Mark::Decimal, 2), "Yêu cầu".into()))
        );
        assert_eq!(mark("đ) Điểm"), Some((m(Mark::Letter, 1), "Điểm".into())));
        assert_eq!(
            mark("(3) Ba"),
            Some((m(Mark::Parenthesised, 1), "Ba".into()))
        );
        assert_eq!(
            mark("Điều 12. Hiệu lực"),
            Some((m(Mark::Article, 1), "Hiệu lực".into()))
        );
        assert_eq!(mark("Chương II"), Some((m(Mark::Chapter, 1), "".into())));
        assert_eq!(
            mark("- Một dòng"),
            Some((Label::Dash(0), "Một dòng".into()))
        );
        assert_eq!(
            mark("+ Dòng con"),
            Some((Label::Dash(1), "Dòng con".into()))
        );
        assert_eq!(mark("Năm 2026. Hết"), None);
        assert_eq!(mark("2026"), None);
    }
}
