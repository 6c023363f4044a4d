//! Báo cáo (PL3, Mẫu 1.4) in the usual skeleton: I. results (tasks one by
//! one, then the targets table with the share achieved); then either the
//! report's own mục (`noi_dung`) or II. shortcomings, III. directions,
//! IV. recommendations. Section titles are wording a clerk may change.

use super::{frame, outline, tables, Composer};
use crate::input::CellValue;
use crate::nd30::{self, ParaStyle};
use crate::report::TO_FILL;
use crate::templates::NoView;
use serde::Serialize;

const WORDING: &str = "bao_cao.yaml";

/// What the wording of one task's result sees.
#[derive(Serialize)]
struct ResultView<'a> {
    nhiem_vu: &'a str,
    ket_qua: &'a str,
}

/// What the wording of a target's name sees.
#[derive(Serialize)]
struct TargetView<'a> {
    ten: &'a str,
    don_vi_tinh: &'a str,
}

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    // A report sent upward names whom it is for (PL1 II.9a).
    frame::addressed(c, nd30::ADDRESSED);
    frame::preamble(c);
    frame::opening(c);
    section(c, "muc_ket_qua", "ket_qua");
    results(c);
    targets(c);
    if plan.noi_dung.is_empty() {
        for (title, key, paragraphs) in [
            ("muc_ton_tai", "ton_tai", &plan.ton_tai),
            ("muc_phuong_huong", "phuong_huong", &plan.phuong_huong),
            ("muc_kien_nghi", "kien_nghi", &plan.kien_nghi),
        ] {
            section(c, title, key);
            for (i, p) in paragraphs.iter().enumerate() {
                c.paragraph(ParaStyle::Doan, None, &format!("{key}[{i}]"), p);
            }
        }
    } else {
        // The report's own sections replace II–IV.
        outline::top_level(c, &plan.noi_dung, "noi_dung");
        c.refuse_unprinted("ton_tai", !plan.ton_tai.is_empty());
        c.refuse_unprinted("phuong_huong", !plan.phuong_huong.is_empty());
        c.refuse_unprinted("kien_nghi", !plan.kien_nghi.is_empty());
    }
}

/// A top-level section titled by the wording `title`.
fn section(c: &mut Composer, title: &str, key: &str) {
    let text = c.wording(WORDING, title, &NoView {});
    outline::heading_at(c, 0, key, &text);
}

/// Each task under its unit, with its result (or a line to write on).
fn results(c: &mut Composer) {
    let doc = c.doc;
    let results = &doc.plan.ket_qua;
    if results.is_empty() {
        return;
    }
    let title = c.wording(WORDING, "khoan_nhiem_vu", &NoView {});
    outline::heading_at(c, 1, "ket_qua", &title);
    let mut unit: Option<&str> = None;
    for (i, r) in results.iter().enumerate() {
        let key = format!("ket_qua[{i}]");
        if unit != Some(r.don_vi.as_str()) {
            outline::numbered_at(c, 2, &format!("{key}.don_vi"), &r.don_vi);
            unit = Some(&r.don_vi);
        }
        outline::dash_at(c, &format!("{key}.nhiem_vu"), &r.nhiem_vu);
        let result = match r.ket_qua.trim() {
            "" => TO_FILL,
            filled => filled,
        };
        let line = c.wording(
            WORDING,
            "ket_qua",
            &ResultView {
                nhiem_vu: &r.nhiem_vu,
                ket_qua: result,
            },
        );
        c.paragraph(ParaStyle::Doan, None, &format!("{key}.ket_qua"), &line);
    }
}

/// `STT | Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ (%)`, the share computed.
fn targets(c: &mut Composer) {
    let doc = c.doc;
    let targets = &doc.plan.chi_tieu;
    if targets.is_empty() {
        return;
    }
    let title = c.wording(WORDING, "khoan_chi_tieu", &NoView {});
    outline::heading_at(c, 1, "chi_tieu", &title);
    let columns = [
        ("cot_stt", true),
        ("cot_chi_tieu", false),
        ("cot_ke_hoach", true),
        ("cot_thuc_hien", true),
        ("cot_ty_le", true),
    ]
    .map(|(key, numeric)| (c.wording(WORDING, key, &NoView {}), numeric))
    .to_vec();
    let mut rows = Vec::new();
    for (i, t) in targets.iter().enumerate() {
        let name = match &t.don_vi_tinh {
            Some(unit) => c.wording(
                WORDING,
                "chi_tieu_don_vi",
                &TargetView {
                    ten: &t.ten,
                    don_vi_tinh: unit,
                },
            ),
            None => t.ten.clone(),
        };
        rows.push(vec![
            CellValue::Number((i + 1) as f64),
            CellValue::Text(name),
            CellValue::Number(t.ke_hoach),
            t.thuc_hien
                .map_or(CellValue::Text(String::new()), CellValue::Number),
            CellValue::Text(nd30::percent(t.ke_hoach, t.thuc_hien).unwrap_or_else(|| "-".into())),
        ]);
    }
    tables::data(c, &tables::targets(columns, rows), "chi_tieu");
}
