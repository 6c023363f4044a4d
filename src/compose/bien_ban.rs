//! Biên bản (PL3, Mẫu 1.9): no place and date line; `BIÊN BẢN` and what it
//! records; the time, place, attendees, chair and secretary; the content;
//! `Cuộc họp kết thúc vào …./.`; the secretary's signature on the left, the
//! chair's on the right. The chair is the document's signer.

use super::views::PersonView;
use super::{frame, outline, Composer};
use crate::model::Signed;
use crate::nd30::{self, ParaStyle};

const WORDING: &str = "bien_ban.yaml";
const FORM: &str = "Mẫu 1.9";

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    for (key, value) in [("thoi_gian", &plan.thoi_gian), ("dia_diem", &plan.dia_diem)] {
        match value {
            Some(v) => c.form_line(WORDING, key, key, v),
            None => c.required(key, FORM),
        }
    }
    let lead = c.wording(WORDING, "thanh_phan", &crate::templates::NoView {});
    c.paragraph(ParaStyle::Doan, None, "thanh_phan", &lead);
    for (i, who) in plan.thanh_phan.iter().enumerate() {
        outline::dash_at(c, &format!("thanh_phan[{i}]"), who);
    }
    let (chair, position) = match &plan.chu_tri {
        Some(p) => (p.ho_ten.clone(), p.chuc_vu.clone()),
        None => {
            let name = &plan.nguoi_ky.ho_ten;
            let held = doc.profile.signer(name).map(|s| s.chuc_vu.as_str());
            (name.clone(), nd30::sentence_case(held.unwrap_or_default()))
        }
    };
    let line = c.wording(
        WORDING,
        "chu_tri",
        &PersonView {
            ho_ten: &chair,
            chuc_vu: &position,
        },
    );
    c.paragraph(ParaStyle::Doan, None, "chu_tri", &line);
    match &plan.thu_ky {
        Some(s) => {
            let line = c.wording(
                WORDING,
                "thu_ky",
                &PersonView {
                    ho_ten: &s.ho_ten,
                    chuc_vu: &s.chuc_vu,
                },
            );
            c.paragraph(ParaStyle::Doan, None, "thu_ky", &line);
            let title = c.wording(WORDING, "ky_thu_ky", &crate::templates::NoView {});
            c.left_signature = Some(Signed {
                authority: vec![title],
                signer: s.ho_ten.clone(),
            });
        }
        None => c.required("thu_ky", FORM),
    }
    let heading = c.wording(WORDING, "noi_dung", &crate::templates::NoView {});
    c.paragraph(ParaStyle::Doan, None, "noi_dung", &heading);
    frame::opening(c);
    outline::top_level(c, &plan.noi_dung, "noi_dung");
    match &plan.ket_thuc {
        Some(end) => c.form_line(WORDING, "ket_thuc", "ket_thuc", end),
        None => c.required("ket_thuc", FORM),
    }
    c.signer_title = Some(c.wording(WORDING, "ky_chu_toa", &crate::templates::NoView {}));
}
