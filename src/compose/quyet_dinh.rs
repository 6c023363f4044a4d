//! Quyết định (PL3, Mẫu 1.2) and nghị quyết (Mẫu 1.1): under the title the
//! issuing authority (`CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÁT TRÀNG` when the head
//! decides, the body's name when it does as a collective), the căn cứ and
//! `Theo đề nghị của …`, `QUYẾT ĐỊNH:` (`QUYẾT NGHỊ:`), the articles, and the
//! last article naming who executes it.

use super::{frame, outline, Composer};
use crate::model::{Inline, Paragraph};
use crate::nd30::{self, DocKind, ParaStyle};
use serde::Serialize;

const WORDING: &str = "quyet_dinh.yaml";

/// What the wording of the executors' article sees.
#[derive(Serialize)]
struct ExecutorsView<'a> {
    /// Who executes it, joined as the sentence names them.
    ai: &'a str,
    /// `Quyết định`, `Nghị quyết`.
    loai: &'a str,
}

pub(super) fn body(c: &mut Composer) {
    let doc = c.doc;
    let plan = &doc.plan;
    let authority = match &plan.tham_quyen {
        Some(given) => c.plain("tham_quyen", given).to_uppercase(),
        None => authority(c),
    };
    c.push(Paragraph::new(
        ParaStyle::ThamQuyen,
        None,
        Inline::plain_text(authority),
    ));
    frame::preamble(c);
    let decides = match plan.loai {
        DocKind::NghiQuyet => nd30::RESOLVES,
        _ => nd30::DECIDES,
    };
    c.push(Paragraph::new(
        ParaStyle::ThamQuyen,
        None,
        Inline::plain_text(decides),
    ));
    frame::opening(c);
    outline::top_level(c, &plan.noi_dung, "noi_dung");
    if !plan.thi_hanh.is_empty() {
        let who: Vec<String> = plan
            .thi_hanh
            .iter()
            .enumerate()
            .map(|(i, w)| c.plain(&format!("thi_hanh[{i}]"), w))
            .collect();
        let line = c.wording(
            WORDING,
            "thi_hanh",
            &ExecutorsView {
                ai: &who.join("; "),
                loai: &plan.loai.name(),
            },
        );
        outline::numbered_at(c, 0, "thi_hanh", &line);
    }
}

/// Who issues it: the body as a collective (`TM.`), otherwise its head by
/// position and the body's name (`CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ BÁT TRÀNG`).
fn authority(c: &Composer) -> String {
    let p = &c.doc.profile;
    let body = p.ten_co_quan.join(" ");
    match c.doc.plan.nguoi_ky.thay_mat {
        true => body.to_uppercase(),
        false => format!("{} {}", p.thu_truong, body).to_uppercase(),
    }
}
