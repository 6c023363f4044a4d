//! Công điện (PL3, Mẫu 1.6): `CÔNG ĐIỆN` and its trích yếu, then the
//! issuer's `… điện:` and its addressees (`kinh_gui`), then the body, its
//! points `1.` and `(1)`.

use super::{frame, outline, Composer};

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    let lead = format!("{} điện:", doc.profile.ten_co_quan.join(" "));
    frame::addressed(c, &lead);
    frame::opening(c);
    outline::top_level(c, &doc.plan.noi_dung, "noi_dung");
}
