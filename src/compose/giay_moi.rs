//! Giấy mời (PL3, Mẫu 1.7): `GIẤY MỜI` and what the meeting is about;
//! `<cơ quan> trân trọng kính mời:` and the guests (`kinh_gui`); `Tới dự …`;
//! the chair, time and place; then what the guests should note
//! (`noi_dung`), ending `./.`.

use super::views::{IssuerView, PersonView};
use super::{frame, outline, Composer};
use crate::nd30::ParaStyle;

const WORDING: &str = "giay_moi.yaml";
const FORM: &str = "Mẫu 1.7";

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    let lead = c.wording(WORDING, "kinh_moi", &IssuerView::of(&doc.profile));
    if plan.kinh_gui.is_empty() {
        c.required("kinh_gui", FORM);
    }
    frame::addressed(c, &lead);
    match &plan.cuoc_hop {
        Some(v) => c.form_line(WORDING, "cuoc_hop", "cuoc_hop", v),
        None => c.required("cuoc_hop", FORM),
    }
    if let Some(p) = &plan.chu_tri {
        let text = c.wording(
            WORDING,
            "chu_tri",
            &PersonView {
                ho_ten: &p.ho_ten,
                chuc_vu: &p.chuc_vu,
            },
        );
        c.paragraph(ParaStyle::Doan, None, "chu_tri", &text);
    }
    for (key, value) in [("thoi_gian", &plan.thoi_gian), ("dia_diem", &plan.dia_diem)] {
        match value {
            Some(v) => c.form_line(WORDING, key, key, v),
            None => c.required(key, FORM),
        }
    }
    frame::opening(c);
    outline::top_level(c, &plan.noi_dung, "noi_dung");
}
