//! Công văn (PL3, Mẫu 1.5): no tên loại; its trích yếu is the header's
//! `V/v …` under the Số, whose ký hiệu joins the body's code and the
//! drafting department's (`12/UBND-VHXH`); Kính gửi; the body, its points
//! numbered from `1.`; Nơi nhận opening with `- Như trên;`.

use super::{frame, outline, Composer};
use crate::nd30;

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    frame::addressed(c, nd30::ADDRESSED);
    frame::preamble(c);
    frame::opening(c);
    outline::top_level(c, &doc.plan.noi_dung, "noi_dung");
}
