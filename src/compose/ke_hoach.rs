//! Kế hoạch (PL3, Mẫu 1.4): opening paragraphs, the outline, and the
//! targets (`chi_tieu`) as a khoản with their table at the end of the first
//! mục, where plans state what they aim at.

use super::{outline, tables, Composer};
use crate::input::CellValue;
use crate::nd30::ParaStyle;
use crate::templates::NoView;

const WORDING: &str = "ke_hoach.yaml";

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    for (i, p) in plan.mo_dau.iter().enumerate() {
        c.paragraph(ParaStyle::Doan, None, &format!("mo_dau[{i}]"), p);
    }
    for (i, node) in plan.noi_dung.iter().enumerate() {
        outline::item(c, node, 0, &format!("noi_dung[{i}]"));
        if i == 0 {
            targets(c, 1);
        }
    }
    if plan.noi_dung.is_empty() {
        targets(c, 0);
    }
    c.refuse_unprinted("ket_qua", !plan.ket_qua.is_empty());
    c.refuse_unprinted("ton_tai", !plan.ton_tai.is_empty());
    c.refuse_unprinted("phuong_huong", !plan.phuong_huong.is_empty());
    c.refuse_unprinted("kien_nghi", !plan.kien_nghi.is_empty());
}

/// The plan's targets: `STT | Chỉ tiêu | Đơn vị tính | Kế hoạch`.
fn targets(c: &mut Composer, level: usize) {
    let doc = c.doc;
    let targets = &doc.plan.chi_tieu;
    if targets.is_empty() {
        return;
    }
    let title = c.wording(WORDING, "khoan_chi_tieu", &NoView {});
    outline::heading_at(c, level, "chi_tieu", &title);
    let columns = [
        ("cot_stt", true),
        ("cot_chi_tieu", false),
        ("cot_don_vi_tinh", false),
        ("cot_ke_hoach", true),
    ]
    .map(|(key, numeric)| (c.wording(WORDING, key, &NoView {}), numeric))
    .to_vec();
    let rows = targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            vec![
                CellValue::Number((i + 1) as f64),
                CellValue::Text(t.ten.clone()),
                CellValue::Text(t.don_vi_tinh.clone().unwrap_or_default()),
                CellValue::Number(t.ke_hoach),
            ]
        })
        .collect();
    tables::data(c, &tables::targets(columns, rows), "chi_tieu");
}
