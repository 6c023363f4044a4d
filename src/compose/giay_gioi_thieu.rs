//! Giấy giới thiệu (PL3, Mẫu 1.8): `GIẤY GIỚI THIỆU` with no trích yếu;
//! `<cơ quan> trân trọng giới thiệu:`; the person and their position; where
//! they are sent (`cu_den`) and about what (the trích yếu, as `Về việc:`);
//! the request to the receiving body; and the last day it is valid, `./.`.

use super::views::IssuerView;
use super::Composer;
use crate::nd30::{self, ParaStyle};
use crate::templates::NoView;

const WORDING: &str = "giay_gioi_thieu.yaml";
const FORM: &str = "Mẫu 1.8";

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    let lead = c.wording(WORDING, "gioi_thieu", &IssuerView::of(&doc.profile));
    c.paragraph(ParaStyle::Doan, None, "gioi_thieu", &lead);
    match &plan.gioi_thieu {
        Some(p) => {
            c.form_line(WORDING, "ho_ten", "gioi_thieu.ho_ten", &p.ho_ten);
            c.form_line(WORDING, "chuc_vu", "gioi_thieu.chuc_vu", &p.chuc_vu);
        }
        None => c.required("gioi_thieu", FORM),
    }
    match &plan.cu_den {
        Some(v) => c.form_line(WORDING, "cu_den", "cu_den", v),
        None => c.required("cu_den", FORM),
    }
    let about = c.summary();
    c.form_line(WORDING, "ve_viec", "trich_yeu", &about);
    let request = c.wording(WORDING, "de_nghi", &NoView {});
    c.paragraph(ParaStyle::Doan, None, "de_nghi", &request);
    match plan.gia_tri_den {
        Some(d) => {
            let until = nd30::dated(Some(d), plan.nam, c.vars.dates);
            c.form_line(WORDING, "gia_tri_den", "gia_tri_den", &until);
        }
        None => c.required("gia_tri_den", FORM),
    }
}
