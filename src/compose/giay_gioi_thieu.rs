//! Giấy giới thiệu (PL3, Mẫu 1.8): `GIẤY GIỚI THIỆU` with no trích yếu;
//! `<cơ quan> trân trọng giới thiệu:`; the person and their position; where
//! they are sent (`cu_den`) and about what (the trích yếu, as `Về việc:`);
//! the request to the receiving body; and the last day it is valid, `./.`.

use super::{giay_moi::issuer_in_text, Composer};
use crate::nd30::{self, ParaStyle};
use crate::templates::NoView;
use serde::Serialize;

const WORDING: &str = "giay_gioi_thieu.yaml";

#[derive(Serialize)]
struct IssuerView<'a> {
    co_quan: &'a str,
}

#[derive(Serialize)]
struct ValueView<'a> {
    gia_tri: &'a str,
}

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    let issuer = issuer_in_text(&doc.profile);
    let lead = c.wording(WORDING, "gioi_thieu", &IssuerView { co_quan: &issuer });
    c.paragraph(ParaStyle::Doan, None, "gioi_thieu", &lead);
    match &plan.gioi_thieu {
        Some(p) => {
            line(c, "ho_ten", "gioi_thieu.ho_ten", &p.ho_ten);
            line(c, "chuc_vu", "gioi_thieu.chuc_vu", &p.chuc_vu);
        }
        None => required(c, "gioi_thieu"),
    }
    match &plan.cu_den {
        Some(v) => line(c, "cu_den", "cu_den", v),
        None => required(c, "cu_den"),
    }
    let about = c.summary();
    line(c, "ve_viec", "trich_yeu", &about);
    let request = c.wording(WORDING, "de_nghi", &NoView {});
    c.paragraph(ParaStyle::Doan, None, "de_nghi", &request);
    match plan.gia_tri_den {
        Some(d) => {
            let until = nd30::dated(Some(d), plan.nam, c.vars.dates);
            line(c, "gia_tri_den", "gia_tri_den", &until);
        }
        None => required(c, "gia_tri_den"),
    }
}

/// One line of the form: the wording `wording` around the value at `key`.
fn line(c: &mut Composer, wording: &str, key: &str, value: &str) {
    let text = c.wording(WORDING, wording, &ValueView { gia_tri: value });
    c.paragraph(ParaStyle::Doan, None, key, &text);
}

/// A part the form of a giấy giới thiệu cannot do without.
fn required(c: &mut Composer, key: &str) {
    c.error(
        key,
        format!("giấy giới thiệu cần khóa `{key}` (Mẫu 1.8) (a giấy giới thiệu needs it)"),
    );
}
