//! What a reader's program shows about the file (Word's File › Info, a PDF
//! reader's Document Properties), taken from the document itself: never
//! the clock, the machine or the user, so the same input gives the same
//! bytes.

use super::Composer;
use crate::input::Profile;
use crate::model::{Header, Properties, Title};
use crate::nd30;
use crate::text;

pub(super) fn of(c: &Composer, title: Option<&Title>, header: &Header) -> Properties {
    let doc = c.doc;
    let plan = &doc.plan;
    let title = match (title, &header.subject) {
        (
            Some(Title {
                summary: Some(s), ..
            }),
            _,
        ) => s.clone(),
        (None, Some(subject)) => subject.clone(),
        _ => plan.loai.name(),
    };
    // Each body's name as it prints it: sentence case would lower the
    // capitals of proper names (`Sở Giáo dục và Đào tạo`).
    let name = |p: &Profile| p.ten_co_quan.join(" ");
    let mut authors = vec![name(&doc.profile)];
    authors.extend(doc.joint.iter().map(|(p, _)| name(p)));
    Properties {
        title,
        subject: plan.loai.name(),
        authors,
        keywords: keywords(c, header),
    }
}

/// The document's own số, ký hiệu once it has one, then those of the
/// documents its preamble rests on, each once; a province's copy the
/// registry does not know is left out rather than guessed.
fn keywords(c: &Composer, header: &Header) -> Vec<String> {
    let doc = c.doc;
    let plan = &doc.plan;
    let province = doc.profile.tinh.as_deref();
    let own = plan
        .so
        .is_some()
        .then(|| header.number.strip_prefix(nd30::NUMBER_LEAD))
        .flatten()
        .map(str::to_string);
    let cited = plan
        .can_cu
        .iter()
        .chain(&plan.mo_dau)
        .flat_map(|line| text::references(line))
        .filter_map(|key| doc.registry.get(key))
        .filter_map(|entry| entry.number(province))
        .map(str::to_string);
    let mut keywords: Vec<String> = Vec::new();
    for k in own.into_iter().chain(cited) {
        if !keywords.contains(&k) {
            keywords.push(k);
        }
    }
    keywords
}
