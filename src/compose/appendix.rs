//! Phụ lục (PL1 III, Mẫu 2.1/2.2): after the signature, each on a new page:
//! `PHỤ LỤC` (numbered `I`, `II` when there are several), its title upper
//! case, the italic `(Kèm theo Kế hoạch số … ngày … của …)` line computed
//! from the document itself (blanks in a draft), then its own outline,
//! numbered afresh, and tables.

use super::{frame, outline, Composer};
use crate::model::{Appendix, Block};
use crate::nd30::{self, DateForm, Outline};

pub(super) fn all(c: &mut Composer) -> Vec<Appendix> {
    let doc = c.doc;
    let appendices = &doc.plan.phu_luc;
    appendices
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let key = format!("phu_luc[{i}]");
            let label = match appendices.len() {
                1 => "PHỤ LỤC".to_string(),
                _ => format!("PHỤ LỤC {}", nd30::roman(i as u32 + 1)),
            };
            let mut title = vec![c
                .plain(&format!("{key}.tieu_de"), &a.tieu_de)
                .to_uppercase()];
            if let Some(sub) = &a.phu_de {
                title.push(c.plain(&format!("{key}.phu_de"), sub));
            }
            let attached_to = attached_to(c, a.co_quan.as_deref(), &key);
            let blocks = body(c, a, &key);
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
fn body(c: &mut Composer, a: &crate::input::Appendix, key: &str) -> Vec<Block> {
    let fresh = Outline::new(c.scheme());
    let outer = std::mem::replace(&mut c.outline, fresh);
    let before = std::mem::take(&mut c.blocks);
    outline::parts(c, &a.noi_dung, 0, &format!("{key}.noi_dung"));
    c.outline = outer;
    std::mem::replace(&mut c.blocks, before)
}

/// `(Kèm theo Kế hoạch số 05/KH-UBND ngày 05 tháng 02 năm 2026 của Ủy ban
/// nhân dân xã Bát Tràng)`.
fn attached_to(c: &mut Composer, body: Option<&str>, key: &str) -> String {
    let doc = c.doc;
    let plan = &doc.plan;
    let p = &doc.profile;
    let number = plan.so.as_ref().map(|n| n.printed());
    let symbol = nd30::symbol(number.as_deref(), plan.loai, &p.viet_tat, None);
    let form = plan.kieu_ngay.unwrap_or(DateForm::DayDu);
    let date = nd30::dated(plan.ngay, plan.nam, form);
    let body = match body {
        Some(b) => c.plain(&format!("{key}.co_quan"), b),
        None => format!("{} {}", nd30::sentence_case(&p.tap_the), p.full_name()),
    };
    format!(
        "(Kèm theo {} số {symbol} {date} của {body})",
        plan.loai.name()
    )
}
