//! `docProps/core.xml`: the document's title, subject, authors, keywords,
//! language and dates as Word's File › Info shows them, from the page
//! model's [`crate::model::Properties`]. docx-rs writes only "unknown" and
//! fixed dates there, so vanban writes the part itself.

use crate::model::Document;
use crate::nd30;
use quick_xml::escape::escape;

const OPEN: &str = concat!(
    r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
    r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties""#,
    r#" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/""#,
    r#" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
);

/// The part's bytes. Dates are the issue date, or none for a draft: a
/// made-up date would be read as the document's.
pub(super) fn core(doc: &Document) -> Vec<u8> {
    let p = &doc.properties;
    let mut xml = String::from(OPEN);
    let mut element = |tag: &str, text: &str| {
        xml.push_str(&format!("<{tag}>{}</{tag}>", escape(text)));
    };
    element("dc:title", &p.title);
    element("dc:subject", &p.subject);
    // Word shows one author field; several bodies share it as Word joins
    // its own authors.
    element("dc:creator", &p.authors.join("; "));
    if !p.keywords.is_empty() {
        element("cp:keywords", &p.keywords.join(", "));
    }
    element("dc:language", &language());
    if let Some(d) = doc.issued {
        let stamp = format!("{:04}-{:02}-{:02}T00:00:00Z", d.year, d.month, d.day);
        for tag in ["dcterms:created", "dcterms:modified"] {
            xml.push_str(&format!(
                r#"<{tag} xsi:type="dcterms:W3CDTF">{stamp}</{tag}>"#
            ));
        }
    }
    xml.push_str("</cp:coreProperties>");
    xml.into_bytes()
}

/// `vi-VN`, as Word names languages.
pub(super) fn language() -> String {
    let (lang, region) = nd30::LANGUAGE;
    format!("{lang}-{region}")
}
