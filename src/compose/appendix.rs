//! What follows the signature, each part on a new page:
//!
//! - a phụ lục (PL1 III, Mẫu 2.1/2.2): `PHỤ LỤC` (numbered `I`, `II` when
//!   there are several), its title upper case, the italic `(Kèm theo Kế
//!   hoạch số … ngày … của …)` line, then its own outline and tables;
//! - a text a quyết định issues (Mẫu 1.3, `loai: quy_che`): its tên loại
//!   (`QUY CHẾ`), its title, `(Ban hành kèm theo Quyết định số …)`, then its
//!   chapters and articles, numbered through the text, closed with `./.`.
//!
//! The line under the title is computed from the document itself: its
//! kind, number and date (blanks in a draft) and its issuer.

use super::{frame, outline, Composer};
use crate::input::Appendix as Written;
use crate::model::{Appendix, Block};
use crate::nd30::{self, DateForm, Mark, Outline};

/// How an attached text is numbered unless it says: chapters, articles
/// through the text, khoản, điểm (PL1 II.6đ).
const ATTACHED_SCHEME: [Mark; 4] = [Mark::Chapter, Mark::Article, Mark::Arabic, Mark::Letter];

pub(super) fn all(c: &mut Composer) -> Vec<Appendix> {
    let doc = c.doc;
    let written = &doc.plan.phu_luc;
    let appendices = written.iter().filter(|a| a.loai.is_none()).count();
    let mut n = 0;
    written
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let key = format!("phu_luc[{i}]");
            let label = match (a.loai, appendices) {
                (Some(kind), _) => kind.title().to_string(),
                (None, 1) => "PHỤ LỤC".to_string(),
                (None, _) => {
                    n += 1;
                    format!("PHỤ LỤC {}", nd30::roman(n))
                }
            };
            let mut title = vec![c
                .plain(&format!("{key}.tieu_de"), &a.tieu_de)
                .to_uppercase()];
            if let Some(sub) = &a.phu_de {
                title.push(c.plain(&format!("{key}.phu_de"), sub));
            }
            let attached_to = attached_to(c, a, &key);
            let mut blocks = body(c, a, &key);
            if a.loai.is_some() {
                frame::close_body(&mut blocks);
            }
            let landscape = blocks
                .iter()
                .any(|b| matches!(b, Block::Table(t) if t.landscape));
            Appendix {
                label,
                rule_mm: frame::summary_rule_mm(&title.join(" ")),
                title,
                attached_to,
                blocks,
                landscape,
            }
        })
        .collect()
}

/// Its content, with a numbering of its own.
fn body(c: &mut Composer, a: &Written, key: &str) -> Vec<Block> {
    let scheme = match (&a.danh_so, a.loai) {
        (Some(own), _) => own.as_slice(),
        (None, Some(_)) => &ATTACHED_SCHEME,
        (None, None) => c.scheme(),
    };
    let fresh = Outline::new(scheme);
    let outer = std::mem::replace(&mut c.outline, fresh);
    let before = std::mem::take(&mut c.blocks);
    c.outline_under = 1;
    outline::parts(c, &a.noi_dung, 0, &format!("{key}.noi_dung"));
    c.outline_under = 0;
    c.outline = outer;
    std::mem::replace(&mut c.blocks, before)
}

/// `(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 02 năm 2026 của Ủy ban
/// nhân dân xã Bát Tràng)`; `(Ban hành kèm theo Quyết định số …)` for an
/// attached text.
fn attached_to(c: &mut Composer, a: &Written, key: &str) -> String {
    let doc = c.doc;
    let plan = &doc.plan;
    let p = &doc.profile;
    let number = plan.so.as_ref().map(|n| n.printed());
    let symbol = nd30::symbol(number.as_deref(), plan.loai, &p.viet_tat, None);
    let form = plan.kieu_ngay.unwrap_or(DateForm::DayDu);
    let date = nd30::dated(plan.ngay, plan.nam, form);
    let body = match &a.co_quan {
        Some(b) => c.plain(&format!("{key}.co_quan"), b),
        None => issuer(c),
    };
    let words = match (&a.kem_theo, a.loai) {
        (Some(w), _) => w.trim().to_string(),
        (None, Some(_)) => nd30::ISSUED_WITH.to_string(),
        (None, None) => nd30::ATTACHED_TO.to_string(),
    };
    format!(
        "({words} {} số {symbol} {date} của {body})",
        plan.loai.name()
    )
}

/// The issuer as running text names it: `Ủy ban nhân dân xã Bát Tràng`, or
/// `Chủ tịch Ủy ban nhân dân …` for a decision the head takes himself.
fn issuer(c: &Composer) -> String {
    let doc = c.doc;
    let p = &doc.profile;
    let body = format!("{} {}", nd30::sentence_case(&p.tap_the), p.full_name());
    let decides_alone = matches!(
        doc.plan.loai,
        nd30::DocKind::QuyetDinh | nd30::DocKind::NghiQuyet
    ) && !doc.plan.nguoi_ky.thay_mat;
    match decides_alone {
        true => format!("{} {}", nd30::sentence_case(&p.thu_truong), body),
        false => body,
    }
}
