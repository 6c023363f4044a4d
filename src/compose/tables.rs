//! Tables: the data's own (`bang`), and the targets tables a plan and its
//! report compute from `chi_tieu`. Cells are placed on the grid here, spans
//! resolved and checked, widths chosen from the content; the writers only
//! draw what this returns.

use super::Composer;
use crate::input::{CellAlign, CellValue, DataCell, DataColumn, DataTable};
use crate::model::{Block, Cell, Column, Inline, Row, Table};
use crate::nd30::{self, Align, TableFit, PAGE};

/// A table of the data at `key`, appended to the body.
pub(super) fn data(c: &mut Composer, t: &DataTable, key: &str) {
    let leaves = DataColumn::leaves(&t.cot);
    if leaves.is_empty() {
        c.error(
            key,
            "bảng cần ít nhất một cột (`cot`) (a table needs columns)".into(),
        );
        return;
    }
    let mut rows = header(c, t, key);
    let header_rows = rows.len();
    let mut covered = vec![0usize; leaves.len()];
    let mut sums = vec![0.0; leaves.len()];
    for (r, cells) in t.dong.iter().enumerate() {
        let row_key = format!("{key}.dong[{r}]");
        match body_row(c, cells, &leaves, &mut covered, &mut sums, &row_key) {
            Some(row) => rows.push(row),
            None => return,
        }
    }
    if covered.iter().any(|&n| n > 0) {
        c.error(
            key,
            "ô gộp dòng (`gop_dong`) vượt quá dòng cuối của bảng (a row span runs past the last row)"
                .into(),
        );
        return;
    }
    if let Some(label) = &t.tong {
        match totals(c, &leaves, &sums, label, key) {
            Some(row) => rows.push(row),
            None => return,
        }
    }
    let table = lay_out(c, &leaves, header_rows, rows, key);
    c.blocks.push(Block::Table(table));
}

/// The header: one row, or two when columns are grouped under a heading.
fn header(c: &mut Composer, t: &DataTable, key: &str) -> Vec<Row> {
    let grouped = t.cot.iter().any(|col| !col.cot.is_empty());
    let depth = if grouped { 2 } else { 1 };
    let mut top = Vec::new();
    let mut below = Vec::new();
    let mut column = 0;
    for (i, col) in t.cot.iter().enumerate() {
        let col_key = format!("{key}.cot[{i}]");
        if col.cot.iter().any(|sub| !sub.cot.is_empty()) {
            c.error(
                &col_key,
                "đầu bảng có tối đa hai dòng: cột con không có cột con nữa (at most two header rows)"
                    .into(),
            );
        }
        let span = DataColumn::leaves(std::slice::from_ref(col)).len();
        top.push(head_cell(
            c,
            &col.ten,
            column,
            span,
            if col.cot.is_empty() { depth } else { 1 },
            &format!("{col_key}.ten"),
        ));
        for (j, sub) in col.cot.iter().enumerate() {
            below.push(head_cell(
                c,
                &sub.ten,
                column + j,
                1,
                1,
                &format!("{col_key}.cot[{j}].ten"),
            ));
        }
        column += span;
    }
    let mut rows = vec![Row {
        cells: top,
        bold: true,
    }];
    if grouped {
        rows.push(Row {
            cells: below,
            bold: true,
        });
    }
    rows
}

fn head_cell(
    c: &mut Composer,
    raw: &str,
    column: usize,
    col_span: usize,
    row_span: usize,
    key: &str,
) -> Cell {
    Cell {
        text: c.text(key, raw),
        column,
        col_span,
        row_span,
        align: Align::Center,
    }
}

/// One row of the body, its cells placed in the columns that rows above do
/// not cover. A row of a single cell is a group row across the table.
fn body_row(
    c: &mut Composer,
    cells: &[DataCell],
    leaves: &[&DataColumn],
    covered: &mut [usize],
    sums: &mut [f64],
    key: &str,
) -> Option<Row> {
    let free: Vec<usize> = (0..leaves.len()).filter(|&i| covered[i] == 0).collect();
    if let ([only], true) = (cells, leaves.len() > 1 && free.len() == leaves.len()) {
        if only.col_span() == 1 && only.row_span() == 1 {
            let text = cell_text(c, only.value(), &format!("{key}[0]"));
            return Some(Row {
                cells: vec![Cell {
                    text,
                    column: 0,
                    col_span: leaves.len(),
                    row_span: 1,
                    align: Align::Left,
                }],
                bold: true,
            });
        }
    }
    let given: usize = cells.iter().map(DataCell::col_span).sum();
    if given != free.len() {
        c.error(
            key,
            format!(
                "dòng có {given} ô mà còn {} cột trống (các cột khác đã có ô gộp dòng phía trên) \
                 (cells do not fill the row)",
                free.len()
            ),
        );
        return None;
    }
    for n in covered.iter_mut() {
        *n = n.saturating_sub(1);
    }
    let mut out = Vec::new();
    let mut slots = free.into_iter();
    for (i, cell) in cells.iter().enumerate() {
        let column = slots.next().expect("counted above");
        let span = cell.col_span();
        // The columns a span covers must lie side by side.
        for k in 1..span {
            if slots.next() != Some(column + k) {
                c.error(
                    &format!("{key}[{i}]"),
                    "ô gộp cột đè lên ô gộp dòng phía trên (a column span crosses a row span)"
                        .into(),
                );
                return None;
            }
        }
        for n in &mut covered[column..column + span] {
            *n = cell.row_span() - 1;
        }
        let leaf = leaves[column];
        let cell_key = format!("{key}[{i}]");
        match cell.value() {
            CellValue::Number(x) if leaf.cong => sums[column] += x,
            CellValue::Text(s) if leaf.cong && span == 1 && !s.trim().is_empty() => {
                c.error(
                    &cell_key,
                    format!(
                        "cột được cộng (`cong`) có ô chữ `{s}`: ghi số để vanban cộng                          (a summed column holds text)"
                    ),
                );
                return None;
            }
            _ => {}
        }
        let text = cell_text(c, cell.value(), &cell_key);
        out.push(Cell {
            text,
            column,
            col_span: span,
            row_span: cell.row_span(),
            align: align(cell.align().or(leaf.can), leaf.so && span == 1),
        });
    }
    Some(Row {
        cells: out,
        bold: false,
    })
}

/// A cell's text: numbers as Vietnamese documents print them, text as
/// the clerk wrote it (emphasis and placeholders read).
fn cell_text(c: &mut Composer, value: &CellValue, key: &str) -> Inline {
    match value {
        CellValue::Number(x) => Inline::plain_text(nd30::number(*x, 3)),
        CellValue::Text(t) => c.text(key, t),
    }
}

fn align(given: Option<CellAlign>, numeric: bool) -> Align {
    match given {
        Some(CellAlign::Trai) => Align::Left,
        Some(CellAlign::Giua) => Align::Center,
        Some(CellAlign::Phai) => Align::Right,
        None if numeric => Align::Right,
        None => Align::Left,
    }
}

/// The totals row: the label across the columns before the first summed
/// one, then each summed column's total.
fn totals(
    c: &mut Composer,
    leaves: &[&DataColumn],
    sums: &[f64],
    label: &str,
    key: &str,
) -> Option<Row> {
    let Some(first) = leaves.iter().position(|l| l.cong) else {
        c.error(
            &format!("{key}.tong"),
            "dòng tổng cần ít nhất một cột có `cong: true` (no column to sum)".into(),
        );
        return None;
    };
    // The label needs a column of its own before the sums.
    let span = first.max(1);
    let mut cells = vec![Cell {
        text: c.text(&format!("{key}.tong"), label),
        column: 0,
        col_span: span,
        row_span: 1,
        align: Align::Center,
    }];
    for (i, leaf) in leaves.iter().enumerate().skip(span) {
        let text = match leaf.cong {
            true => nd30::number(sums[i], 3),
            false => String::new(),
        };
        cells.push(Cell {
            text: Inline::plain_text(text),
            column: i,
            col_span: 1,
            row_span: 1,
            align: align(leaf.can, leaf.so || leaf.cong),
        });
    }
    Some(Row { cells, bold: true })
}

/// Column widths from the content, and the page the table needs.
fn lay_out(
    c: &mut Composer,
    leaves: &[&DataColumn],
    header_rows: usize,
    rows: Vec<Row>,
    key: &str,
) -> Table {
    let n = leaves.len();
    let (mut min, mut want, mut head) = (vec![0.0f32; n], vec![0.0f32; n], vec![0.0f32; n]);
    for (r, row) in rows.iter().enumerate() {
        let bold = r < header_rows || row.bold;
        for cell in row.cells.iter().filter(|c| c.col_span == 1) {
            let (m, w) = nd30::cell_width_mm(&cell.text.plain(), bold);
            min[cell.column] = min[cell.column].max(m);
            want[cell.column] = want[cell.column].max(w);
            if r < header_rows {
                head[cell.column] = head[cell.column].max(w);
            }
        }
    }
    let fit = nd30::table_fit(&min);
    if let TableFit::TooWide {
        needed_mm,
        available_mm,
    } = fit
    {
        c.warnings.push(
            crate::diag::Diagnostic::warning(format!(
                "bảng cần rộng {needed_mm:.0} mm, trang in ngang chỉ có {available_mm:.0} mm: \
                 chữ sẽ tràn khỏi ô; hãy bớt cột hoặc rút gọn chữ (table too wide even for a landscape page)"
            ))
            .key(key)
            .in_file(&c.doc.plan_path),
        );
    }
    let landscape = fit != TableFit::Portrait;
    let width = if landscape {
        PAGE.landscape_text_width_mm()
    } else {
        PAGE.text_width_mm()
    };
    let fixed: Vec<Option<f32>> = leaves
        .iter()
        .map(|l| l.rong.map(|pct| width * pct / 100.0))
        .collect();
    // Headings on one line where the page allows it: `Kế hoạch`, not
    // `Kế` over `hoạch`.
    let floor: Vec<f32> = min.iter().zip(&head).map(|(m, h)| m.max(*h)).collect();
    let floor = match floor.iter().sum::<f32>() <= width {
        true => floor,
        false => min,
    };
    let widths = widths_mm(&floor, &want, &fixed, width);
    Table {
        columns: leaves
            .iter()
            .zip(&widths)
            .map(|(leaf, w)| Column {
                width_pct: w / width * 100.0,
                align: align(leaf.can, leaf.so),
            })
            .collect(),
        header_rows,
        rows,
        landscape,
    }
}

/// Widths that fill `total`: given ones as given; the others get at least
/// their widest word, and what is left goes where the text is longest.
fn widths_mm(min: &[f32], want: &[f32], fixed: &[Option<f32>], total: f32) -> Vec<f32> {
    let free: Vec<usize> = (0..min.len()).filter(|&i| fixed[i].is_none()).collect();
    let left = total - fixed.iter().flatten().sum::<f32>();
    let floor: f32 = free.iter().map(|&i| min[i]).sum();
    let extra: f32 = free.iter().map(|&i| (want[i] - min[i]).max(0.0)).sum();
    let spare = (left - floor).max(0.0);
    (0..min.len())
        .map(|i| match fixed[i] {
            Some(w) => w,
            None if extra > 0.0 => min[i] + spare * (want[i] - min[i]).max(0.0) / extra,
            None => min[i] + spare / free.len() as f32,
        })
        .collect()
}

/// A targets table (`chi_tieu`), built as a table of the data so that it
/// reads and lays out like any other.
pub(super) fn targets(columns: Vec<(String, bool)>, rows: Vec<Vec<CellValue>>) -> DataTable {
    DataTable {
        cot: columns
            .into_iter()
            .map(|(ten, so)| DataColumn {
                ten,
                rong: None,
                so,
                can: None,
                cong: false,
                cot: Vec::new(),
            })
            .collect(),
        dong: rows
            .into_iter()
            .map(|r| r.into_iter().map(DataCell::Value).collect())
            .collect(),
        tong: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spare_width_goes_where_the_text_is_longest() {
        let w = widths_mm(&[10.0, 20.0], &[10.0, 80.0], &[None, None], 100.0);
        assert_eq!(w, [10.0, 90.0]);
        let w = widths_mm(&[10.0, 20.0], &[10.0, 20.0], &[None, None], 100.0);
        assert_eq!(w, [45.0, 55.0], "nothing longer: shared equally");
        let w = widths_mm(&[10.0, 20.0], &[10.0, 80.0], &[Some(30.0), None], 100.0);
        assert_eq!(w, [30.0, 70.0]);
    }
}
