//! Giấy nghỉ phép (PL3, Mẫu 1.10): `GIẤY NGHỈ PHÉP` with no trích yếu;
//! `Xét Đơn đề nghị nghỉ phép ngày … của ông (bà) …,`; `<cơ quan> cấp
//! cho:`; the person and their position; how long, from and to which day,
//! and where, `./.`.

use super::{views::IssuerView, Composer};
use crate::date::Date;
use crate::nd30::{self, ParaStyle};
use serde::Serialize;

const WORDING: &str = "giay_nghi_phep.yaml";
const FORM: &str = "Mẫu 1.10";

/// What the form's lines say, dates written as the document writes them.
#[derive(Serialize)]
struct LeaveView<'a> {
    co_quan: String,
    ho_ten: &'a str,
    chuc_vu: &'a str,
    ngay_don: String,
    thoi_gian: &'a str,
    tu_ngay: String,
    den_ngay: String,
    noi_nghi: &'a str,
}

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    let Some(leave) = &plan.nghi_phep else {
        c.required("nghi_phep", FORM);
        return;
    };
    if leave.den_ngay < leave.tu_ngay {
        c.error(
            "nghi_phep.den_ngay",
            format!(
                "ngày cuối {} trước ngày đầu {} (the leave ends before it starts)",
                leave.den_ngay, leave.tu_ngay
            ),
        );
    }
    let dated = |d: Date| nd30::dated(Some(d), plan.nam, c.vars.dates);
    let view = LeaveView {
        co_quan: IssuerView::of(&doc.profile).co_quan,
        ho_ten: &leave.ho_ten,
        chuc_vu: &leave.chuc_vu,
        ngay_don: dated(leave.ngay_don),
        thoi_gian: &leave.thoi_gian,
        tu_ngay: dated(leave.tu_ngay),
        den_ngay: dated(leave.den_ngay),
        noi_nghi: &leave.noi_nghi,
    };
    for key in ["xet_don", "cap_cho", "ho_ten", "chuc_vu", "duoc_nghi"] {
        let line = c.wording(WORDING, key, &view);
        c.paragraph(ParaStyle::Doan, None, "nghi_phep", &line);
    }
}
