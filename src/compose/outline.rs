//! The numbered outline, any depth: each item gets the label of its level
//! by the document's scheme (`I.`, `1.`, `a)`, or `1.1.` …), its title or
//! text, then its content in the order written. `- ` lines hold `+ ` lines.
//!
//! Key paths follow the YAML (`noi_dung[1].noi_dung[0].gach`), so every
//! error points at the line the clerk wrote.

use super::{tables, Composer};
use crate::input::{Content, Dash, Node, Part, PhanCong};
use crate::model::{Inline, Paragraph, Span};
use crate::nd30::{dash, Mark, ParaStyle};

/// The body's outline (`noi_dung`), numbered from the current count at
/// level 0.
pub(super) fn top_level(c: &mut Composer, content: &Content, key: &str) {
    parts(c, content, 0, key);
}

/// A numbered item at `level` and what it holds.
pub(super) fn item(c: &mut Composer, node: &Node, level: usize, key: &str) {
    let Some(label) = label(c, level, key) else {
        return;
    };
    // A map with neither title nor text whose content is one paragraph is
    // that paragraph numbered (the earlier `noi_dung: …` of a khoản).
    let own_text = match (node.title(), &node.doan_so, node.noi_dung.0.as_slice()) {
        (None, None, [Part::Paragraph(text)]) if is_bare(node) => {
            Some((text.clone(), format!("{key}.noi_dung")))
        }
        _ => None,
    };
    match (node.title(), &node.doan_so, own_text) {
        (Some(title), None, _) => {
            let title_key = match node.tieu_de {
                Some(_) => format!("{key}.tieu_de"),
                None => format!("{key}.muc"),
            };
            heading(c, level, label, &title_key, title);
        }
        (None, Some(text), _) => {
            let text = text.clone();
            numbered(c, level, label, &format!("{key}.doan_so"), &text);
        }
        (None, None, Some((text, text_key))) => {
            numbered(c, level, label, &text_key, &text);
            return;
        }
        (Some(_), Some(_), _) => {
            c.error(
                key,
                "ghi `tieu_de` (mục có tiêu đề) hoặc `doan_so` (đoạn đánh số), không cả hai \
                 (a title or a numbered paragraph, not both)"
                    .into(),
            );
        }
        (None, None, None) => {
            c.error(
                key,
                "mục đánh số cần `tieu_de` hoặc `doan_so` (a numbered item needs a title or a text)"
                    .into(),
            );
        }
    }
    content(c, node, level + 1, key);
}

/// Nothing but `noi_dung`.
fn is_bare(node: &Node) -> bool {
    node.doan.is_empty()
        && node.nhiem_vu.is_empty()
        && node.khoan.is_empty()
        && node.diem.is_empty()
        && node.bang.is_empty()
        && node.phan_cong.is_empty()
}

/// The label of the next item at `level`, or an error when the scheme
/// does not reach that deep.
fn label(c: &mut Composer, level: usize, key: &str) -> Option<String> {
    let label = c.outline.next(level);
    if label.is_none() {
        c.error(
            key,
            format!(
                "mục ở cấp thứ {} mà cách đánh số chỉ có {} cấp: thêm một cấp vào `danh_so` \
                 (ví dụ `danh_so: [I, 1, a, (1)]`) hoặc dùng dòng gạch `gach` \
                 (the numbering scheme has no level this deep)",
                level + 1,
                c.outline.depth()
            ),
        );
    }
    label
}

/// A numbered heading at `level` from wording or data already at hand.
pub(super) fn heading_at(c: &mut Composer, level: usize, key: &str, raw: &str) {
    if let Some(label) = label(c, level, key) {
        heading(c, level, label, key, raw);
    }
}

/// A numbered paragraph at `level`.
pub(super) fn numbered_at(c: &mut Composer, level: usize, key: &str, raw: &str) {
    if let Some(label) = label(c, level, key) {
        numbered(c, level, label, key, raw);
    }
}

/// A paragraph after its number; an article's `Điều 1.` is bold, the text
/// after it as written (PL1 II.6đ).
fn numbered(c: &mut Composer, level: usize, label: String, key: &str, raw: &str) {
    let text = c.text(key, raw);
    let p = match c.outline.mark(level) {
        Some(Mark::Article) => {
            let mut runs = vec![Span {
                text: format!("{label} "),
                bold: true,
                ..Span::default()
            }];
            runs.extend(text.0);
            Paragraph::new(ParaStyle::Doan, None, Inline(runs))
        }
        _ => Paragraph::new(ParaStyle::Doan, Some(label), text),
    };
    c.push(p);
}

/// A `- ` line of its own.
pub(super) fn dash_at(c: &mut Composer, key: &str, raw: &str) {
    c.paragraph(ParaStyle::Doan, Some(dash(0).to_string()), key, raw);
}

/// A heading: bold on its own line; a mục's title upper case (PL1 V.6b),
/// an article's `Điều 1. …` and a khoản's `1. …` bold (PL1 II.6đ), the
/// levels under them (`a)`, `1.1.`) bold italic.
fn heading(c: &mut Composer, level: usize, label: String, key: &str, raw: &str) {
    let mark = c.outline.mark(level);
    let depth = c.heading_level(level);
    if mark == Some(Mark::Chapter) {
        // `Chương I` on its own centred line, the title upper case under it;
        // the outline lists the chapter by its first line.
        c.push(Paragraph::heading(
            ParaStyle::Chuong,
            None,
            Inline::plain_text(label),
            depth,
        ));
        let mut title = c.text(key, raw);
        title.map_text(|t| t.to_uppercase());
        c.push(Paragraph::new(ParaStyle::Chuong, None, title));
        return;
    }
    let style = match mark {
        Some(Mark::Roman) => ParaStyle::Muc,
        Some(Mark::Article) => ParaStyle::Dieu,
        Some(Mark::Arabic) => ParaStyle::Khoan,
        _ => ParaStyle::Diem,
    };
    let mut text = c.text(key, raw);
    if mark == Some(Mark::Roman) {
        text.map_text(|t| t.to_uppercase());
    }
    c.push(Paragraph::heading(style, Some(label), text, depth));
}

/// What a numbered item holds, its own items at `level`: first the grouped
/// keys of earlier files, in their fixed order, then `noi_dung` as written.
fn content(c: &mut Composer, node: &Node, level: usize, key: &str) {
    for (i, p) in node.doan.iter().enumerate() {
        c.paragraph(ParaStyle::Doan, None, &format!("{key}.doan[{i}]"), p);
    }
    tasks(c, &node.nhiem_vu, &format!("{key}.nhiem_vu"));
    for (i, k) in node.khoan.iter().enumerate() {
        item(c, &k.0, level, &format!("{key}.khoan[{i}]"));
    }
    for (i, d) in node.diem.iter().enumerate() {
        numbered_at(c, level, &format!("{key}.diem[{i}]"), d);
    }
    for (i, t) in node.bang.iter().enumerate() {
        tables::data(c, t, &format!("{key}.bang[{i}]"));
    }
    for (i, u) in node.phan_cong.iter().enumerate() {
        unit(c, u, level, &format!("{key}.phan_cong[{i}]"));
    }
    parts(c, &node.noi_dung, level, &format!("{key}.noi_dung"));
}

/// Parts written in order; numbered ones at `level`.
pub(super) fn parts(c: &mut Composer, content: &Content, level: usize, key: &str) {
    for (i, p) in content.0.iter().enumerate() {
        part(c, p, level, &format!("{key}[{i}]"));
    }
}

/// One part at `key`; a numbered one at `level`.
pub(super) fn part(c: &mut Composer, part: &Part, level: usize, key: &str) {
    match part {
        Part::Paragraph(p) => c.paragraph(ParaStyle::Doan, None, key, p),
        Part::Item(node) => item(c, node, level, key),
        Part::Dash(d) => dash_line(c, d, 0, key),
        Part::Table(t) => tables::data(c, t, &format!("{key}.bang")),
        Part::Unit(u) => unit(c, u, level, key),
    }
}

/// Tasks: one is a paragraph of its own, several are `- ` lines.
fn tasks(c: &mut Composer, tasks: &[String], key: &str) {
    let label = (tasks.len() > 1).then(|| dash(0).to_string());
    for (i, t) in tasks.iter().enumerate() {
        c.paragraph(ParaStyle::Doan, label.clone(), &format!("{key}[{i}]"), t);
    }
}

/// A `- ` line (`+ ` one level in) and the lines under it.
fn dash_line(c: &mut Composer, d: &Dash, depth: usize, key: &str) {
    c.paragraph(
        ParaStyle::Doan,
        Some(dash(depth).to_string()),
        &format!("{key}.gach"),
        &d.gach,
    );
    for (i, part) in d.noi_dung.0.iter().enumerate() {
        let key = format!("{key}.noi_dung[{i}]");
        match part {
            Part::Paragraph(p) => c.paragraph(ParaStyle::Doan, None, &key, p),
            Part::Dash(inner) => dash_line(c, inner, depth + 1, &key),
            Part::Table(t) => tables::data(c, t, &format!("{key}.bang")),
            Part::Item(_) | Part::Unit(_) => {
                c.error(
                    &key,
                    "dưới dòng gạch chỉ có đoạn, dòng gạch hoặc bảng; mục đánh số đặt ngang hàng \
                     với dòng gạch (no numbered item inside a `- ` line)"
                        .into(),
                );
            }
        }
    }
}

/// A unit and its tasks, numbered at `level` under the unit's name.
fn unit(c: &mut Composer, u: &PhanCong, level: usize, key: &str) {
    let name = match (&u.phong_ban, &u.ten) {
        (Some(code), None) => match c.doc.profile.department(code) {
            // Filled when printed, as the clerk's own text is.
            Some(d) => d.ten.clone(),
            None => {
                let msg = unknown_department(c, code);
                c.error(&format!("{key}.phong_ban"), msg);
                return;
            }
        },
        (None, Some(name)) => name.clone(),
        _ => {
            c.error(
                key,
                "ghi đúng một trong hai khóa `phong_ban` (mã phòng ban của hồ sơ) hoặc \
                 `ten`/`don_vi` (tên đơn vị) (exactly one of the two keys)"
                    .into(),
            );
            return;
        }
    };
    let Some(label) = label(c, level, key) else {
        return;
    };
    let name_key = match u.phong_ban {
        Some(_) => format!("{key}.phong_ban"),
        None => format!("{key}.ten"),
    };
    heading(c, level, label, &name_key, &name);
    tasks(c, &u.nhiem_vu, &format!("{key}.nhiem_vu"));
    parts(c, &u.noi_dung, level + 1, &format!("{key}.noi_dung"));
}

/// The message for a department code the profile does not have.
pub(super) fn unknown_department(c: &Composer, code: &str) -> String {
    let known: Vec<&str> = c
        .doc
        .profile
        .phong_ban
        .iter()
        .map(|d| d.ma.as_str())
        .collect();
    format!(
        "không có phòng ban mã `{code}` trong hồ sơ đơn vị {} (unknown department); các mã có: {}",
        c.doc.profile_path.display(),
        known.join(", ")
    )
}
