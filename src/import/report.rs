//! A báo cáo's sections read back into the keys `vanban report` drafts and
//! its builder prints: section I's tasks by group with their `Kết quả:`
//! lines (`ket_qua`) and its targets table (`chi_tieu`), sections II–IV's
//! paragraphs (`ton_tai`, `phuong_huong`, `kien_nghi`). Headings and lines
//! are recognised through the wording the builder prints them with. A
//! report whose sections are its own stays an outline, except that section
//! I, which the builder always prints, is read when it can be.

use crate::input::{CellValue, Content, DataCell, Node, Part, Plan, Target, TaskResult};
use crate::templates::Templates;
use serde_json::json;

const WORDING: &str = "bao_cao.yaml";

pub(super) fn read(plan: &mut Plan, templates: &Templates) {
    // The paragraphs before section I open the report (`mo_dau`): the
    // builder prints section I before the rest of the body.
    let opening = plan
        .noi_dung
        .0
        .iter()
        .take_while(|p| matches!(p, Part::Paragraph(_)))
        .count();
    for p in plan.noi_dung.0.drain(..opening) {
        if let Part::Paragraph(t) = p {
            plan.mo_dau.push(t);
        }
    }
    let words = |key: &str| {
        templates
            .text(WORDING, key, &json!({}))
            .unwrap_or_default()
            .to_uppercase()
    };
    let title = |p: &Part| match p {
        Part::Item(n) => n.title().map(str::to_uppercase),
        _ => None,
    };
    let Some(at) = plan
        .noi_dung
        .0
        .iter()
        .position(|p| title(p).as_deref() == Some(words("muc_ket_qua").as_str()))
    else {
        return;
    };
    let Part::Item(results) = &plan.noi_dung.0[at] else {
        return;
    };
    let Some((ket_qua, chi_tieu)) = section_one(results, &words, templates) else {
        return;
    };
    plan.ket_qua = ket_qua;
    plan.chi_tieu = chi_tieu;
    plan.noi_dung.0.remove(at);
    // Sections II–IV as the builder prints them, paragraphs only: into
    // their keys; otherwise the report's own sections stay.
    let sections = [
        ("muc_ton_tai", 0usize),
        ("muc_phuong_huong", 1),
        ("muc_kien_nghi", 2),
    ];
    let rest = &plan.noi_dung.0;
    let plain = rest.len() == 3
        && rest.iter().zip(sections).all(|(p, (key, _))| {
            title(p).as_deref() == Some(words(key).as_str())
                && matches!(p, Part::Item(n) if n.noi_dung.0.iter().all(|c| matches!(c, Part::Paragraph(_))))
        });
    if plain {
        let mut lists: Vec<Vec<String>> = std::mem::take(&mut plan.noi_dung.0)
            .into_iter()
            .map(|p| match p {
                Part::Item(n) => n
                    .noi_dung
                    .0
                    .into_iter()
                    .filter_map(|c| match c {
                        Part::Paragraph(t) => Some(t),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        plan.kien_nghi = lists.pop().unwrap_or_default();
        plan.phuong_huong = lists.pop().unwrap_or_default();
        plan.ton_tai = lists.pop().unwrap_or_default();
        plan.noi_dung = Content::default();
    }
}

/// Section I: its tasks (a khoản of groups, each group's `- ` tasks with
/// their `Kết quả:` lines) and its targets (a khoản holding the table).
fn section_one(
    section: &Node,
    words: &dyn Fn(&str) -> String,
    templates: &Templates,
) -> Option<(Vec<TaskResult>, Vec<Target>)> {
    let mut tasks = Vec::new();
    let mut targets = Vec::new();
    let result_line = templates
        .text(
            WORDING,
            "ket_qua",
            &json!({ "ket_qua": "\u{E000}", "nhiem_vu": "" }),
        )
        .ok()?;
    let (before, after) = result_line.split_once('\u{E000}')?;
    for part in &section.noi_dung.0 {
        let Part::Item(k) = part else { return None };
        let heading = k.title()?.to_uppercase();
        if heading == words("khoan_nhiem_vu") {
            for group in &k.noi_dung.0 {
                let Part::Item(g) = group else { return None };
                let unit = g
                    .doan_so
                    .clone()
                    .or_else(|| g.title().map(str::to_string))?;
                let mut pending: Option<String> = None;
                for line in &g.noi_dung.0 {
                    match line {
                        Part::Dash(d) if d.noi_dung.is_empty() => {
                            if let Some(task) = pending.replace(d.gach.clone()) {
                                tasks.push(result(&unit, task, String::new()));
                            }
                        }
                        Part::Paragraph(t) => {
                            let value = t.strip_prefix(before)?.strip_suffix(after)?.trim();
                            // A line left to fill in is the report's blank.
                            let value = match value == crate::report::TO_FILL {
                                true => String::new(),
                                false => value.to_string(),
                            };
                            tasks.push(result(&unit, pending.take()?, value));
                        }
                        _ => return None,
                    }
                }
                if let Some(task) = pending {
                    tasks.push(result(&unit, task, String::new()));
                }
            }
        } else if heading == words("khoan_chi_tieu") {
            let [Part::Table(t)] = k.noi_dung.0.as_slice() else {
                return None;
            };
            for row in &t.dong {
                targets.push(target(row, templates)?);
            }
        } else {
            return None;
        }
    }
    Some((tasks, targets))
}

fn result(unit: &str, task: String, ket_qua: String) -> TaskResult {
    TaskResult {
        don_vi: unit.to_string(),
        nhiem_vu: task,
        ket_qua,
    }
}

/// `STT | Chỉ tiêu (đơn vị) | Kế hoạch | Thực hiện | Tỷ lệ`: the target,
/// its numbers as Vietnamese documents print them (`1.250`, `90,5`).
fn target(row: &[DataCell], templates: &Templates) -> Option<Target> {
    let text = |c: &DataCell| match c.value() {
        CellValue::Text(t) => t.clone(),
        CellValue::Number(n) => n.to_string(),
    };
    let number =
        |s: &str| -> Option<f64> { s.trim().replace('.', "").replace(',', ".").parse().ok() };
    let [_, name, planned, done, _] = row else {
        return None;
    };
    let name = text(name);
    let unit_line = templates
        .text(
            WORDING,
            "chi_tieu_don_vi",
            &json!({ "ten": "\u{E000}", "don_vi_tinh": "\u{E001}" }),
        )
        .ok()?;
    let (ten, don_vi_tinh) = match unit_line.split_once('\u{E000}').and_then(|(a, rest)| {
        let (mid, end) = rest.split_once('\u{E001}')?;
        let inner = name.strip_prefix(a)?.strip_suffix(end)?;
        let (ten, unit) = inner.rsplit_once(mid)?;
        Some((ten.to_string(), Some(unit.to_string())))
    }) {
        Some(found) => found,
        None => (name, None),
    };
    Some(Target {
        ten,
        don_vi_tinh,
        ke_hoach: number(&text(planned))?,
        thuc_hien: number(&text(done)),
    })
}
