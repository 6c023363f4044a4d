//! The kinds with a tên loại (PL3, Mẫu 1.4): kế hoạch, tờ trình, thông
//! báo, chỉ thị, hướng dẫn, chương trình, phương án, đề án, dự án, quy
//! chế, quy định, thông cáo. Kính gửi where it has one, the preamble, the
//! opening paragraphs, the outline; a kế hoạch's targets (`chi_tieu`) as a
//! khoản with their table at the end of its first mục, where plans state
//! what they aim at.

use super::{frame, outline, tables, Composer};
use crate::input::{CellValue, Part};
use crate::nd30::{self, DocKind};
use crate::templates::NoView;

const WORDING: &str = "ke_hoach.yaml";

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    frame::addressed(c, nd30::ADDRESSED);
    frame::preamble(c);
    frame::opening(c);
    let plan_targets = plan.loai == DocKind::KeHoach;
    // The targets close the first mục.
    let first_item = plan
        .noi_dung
        .0
        .iter()
        .position(|p| matches!(p, Part::Item(_)));
    for (i, part) in plan.noi_dung.0.iter().enumerate() {
        outline::part(c, part, 0, &format!("noi_dung[{i}]"));
        if Some(i) == first_item && plan_targets {
            targets(c, 1);
        }
    }
    if plan.noi_dung.is_empty() && plan_targets {
        targets(c, 0);
    }
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
