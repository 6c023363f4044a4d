//! Reading Word files vanban did not make, for `import` and for `check` of
//! a DOCX. Such files come by e-mail and Zalo, so each layer is bounded and
//! trusts nothing: [`package`] (the zip: entries, sizes, ratios, names never
//! paths), [`xml`] (no DTD, no entities, bounded depth), then the document:
//! [`styles`] and [`numbering`] resolved as Word resolves them, legacy fonts
//! converted ([`legacy`]), and the body read into [`document`]'s plain tree.
//! Macros are never run or kept.

pub mod document;
pub mod legacy;
mod numbering;
pub mod package;
mod styles;
pub mod xml;

pub use document::{paragraphs, Block, Cell, Page, Para, Run, Table};
pub use package::{Limits, Refused};
pub use styles::{ParaProps, RunProps};

use package::Package;
use std::collections::{BTreeMap, HashMap};

/// A Word document as read.
#[derive(Debug, Clone, Default)]
pub struct WordDoc {
    pub blocks: Vec<Block>,
    /// Each section's page, in order; the last is the body's own.
    pub pages: Vec<Page>,
    /// A header of the document prints the page number.
    pub page_numbers: bool,
    /// The first page has a header of its own (`w:titlePg`).
    pub distinct_first_page: bool,
    /// Legacy encodings converted to Unicode, with how many runs each.
    pub converted: BTreeMap<&'static str, usize>,
    /// The package held macros (a `.docm`): ignored.
    pub had_macros: bool,
}

impl WordDoc {
    /// Every paragraph in reading order, cells and text boxes included.
    pub fn paragraphs(&self) -> Vec<&Para> {
        paragraphs(&self.blocks)
    }
}

/// Read a DOCX from its bytes within `limits`.
pub fn read(bytes: Vec<u8>, limits: Limits) -> Result<WordDoc, Refused> {
    let mut pkg = Package::open(bytes, limits)?;
    let part = |pkg: &mut Package, name: &str| -> Result<Option<xml::Element>, Refused> {
        match pkg.part(name)? {
            Some(bytes) => xml::parse(&bytes, name, limits.depth).map(Some),
            None => Ok(None),
        }
    };
    let document = part(&mut pkg, "word/document.xml")?.ok_or(Refused::NotDocx)?;
    let styles_name = first_related(&mut pkg, "styles")?.unwrap_or("word/styles.xml".into());
    let styles = styles::Styles::read(part(&mut pkg, &styles_name)?.as_ref());
    let numbering_name =
        first_related(&mut pkg, "numbering")?.unwrap_or("word/numbering.xml".into());
    let numbering = numbering::Numbering::read(part(&mut pkg, &numbering_name)?.as_ref());
    let footnotes = match first_related(&mut pkg, "footnotes")? {
        Some(name) => part(&mut pkg, &name)?,
        None => None,
    };
    let notes: HashMap<String, &xml::Element> = footnotes
        .iter()
        .flat_map(|f| f.children_named("footnote"))
        .filter(|n| n.attr("type").is_none_or(|t| t == "normal"))
        .filter_map(|n| Some((n.attr("id")?.to_string(), n)))
        .collect();
    let body = document.child("body").ok_or(Refused::NotDocx)?;
    let mut reader = document::Reader::new(&styles, numbering, notes);
    let blocks = reader.blocks(body);
    let sections: Vec<&xml::Element> = body.descendants("sectPr");
    let pages = sections.iter().map(|s| document::page(s)).collect();
    let distinct_first_page = sections
        .last()
        .and_then(|s| s.child("titlePg"))
        .is_some_and(xml::on);
    let mut page_numbers = false;
    for (_, name) in pkg.related("word/document.xml", "header")? {
        if let Some(h) = part(&mut pkg, &name)? {
            page_numbers |= document::has_page_field(&h);
        }
    }
    Ok(WordDoc {
        blocks,
        pages,
        page_numbers,
        distinct_first_page,
        converted: reader.converted,
        had_macros: pkg.has_macros,
    })
}

/// The part the document relates to as `kind`, if any.
fn first_related(pkg: &mut Package, kind: &str) -> Result<Option<String>, Refused> {
    Ok(pkg
        .related("word/document.xml", kind)?
        .into_iter()
        .next()
        .map(|(_, name)| name))
}
