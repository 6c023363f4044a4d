//! Giấy mời (PL3, Mẫu 1.7): `GIẤY MỜI` and what the meeting is about;
//! `<cơ quan> trân trọng kính mời:` and the guests (`kinh_gui`); `Tới dự …`;
//! the chair, time and place; then what the guests should note
//! (`noi_dung`), ending `./.`.

use super::{frame, outline, Composer};
use crate::nd30::{self, ParaStyle};
use serde::Serialize;

const WORDING: &str = "giay_moi.yaml";

#[derive(Serialize)]
struct IssuerView<'a> {
    /// The issuing body as running text names it: `Ủy ban nhân dân xã Bát Tràng`.
    co_quan: &'a str,
}

#[derive(Serialize)]
struct ValueView<'a> {
    gia_tri: &'a str,
}

#[derive(Serialize)]
struct PersonView<'a> {
    ho_ten: &'a str,
    chuc_vu: &'a str,
}

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    let issuer = issuer_in_text(&doc.profile);
    let lead = c.wording(WORDING, "kinh_moi", &IssuerView { co_quan: &issuer });
    if plan.kinh_gui.is_empty() {
        required(c, "kinh_gui");
    }
    frame::addressed(c, &lead);
    match &plan.cuoc_hop {
        Some(v) => line(c, "cuoc_hop", v),
        None => required(c, "cuoc_hop"),
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
            Some(v) => line(c, key, v),
            None => required(c, key),
        }
    }
    frame::opening(c);
    outline::top_level(c, &plan.noi_dung, "noi_dung");
}

/// The issuing body as a sentence names it: its collective in sentence case
/// and the unit (`Ủy ban nhân dân` + `xã Bát Tràng`).
pub(super) fn issuer_in_text(profile: &crate::input::Profile) -> String {
    format!(
        "{} {}",
        nd30::sentence_case(&profile.tap_the),
        profile.full_name()
    )
}

/// One line of the form, `key`'s wording around the clerk's value.
fn line(c: &mut Composer, key: &str, value: &str) {
    let text = c.wording(WORDING, key, &ValueView { gia_tri: value });
    c.paragraph(ParaStyle::Doan, None, key, &text);
}

/// A part the form of a giấy mời cannot do without.
fn required(c: &mut Composer, key: &str) {
    c.error(
        key,
        format!("giấy mời cần khóa `{key}` (Mẫu 1.7) (a giấy mời needs it)"),
    );
}
