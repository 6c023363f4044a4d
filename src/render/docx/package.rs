//! The DOCX package: docx-rs's parts, put in schema order, plus the theme
//! part Word expects, zipped with plain entries (no directory entries, no
//! Unix permission bits, fixed timestamps) so the bytes are reproducible.

use super::schema::normalise;
use docx_rs::XMLDocx;
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

const THEME: &[u8] = include_bytes!("theme1.xml");
const THEME_REL: &str = r#"<Relationship Id="rIdVanbanTheme" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml" />"#;
const THEME_TYPE: &str = r#"<Override PartName="/word/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml" />"#;

/// Insert `item` before the closing tag `close` of an XML part.
fn insert_before(xml: &[u8], close: &str, item: &str) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    match text.rfind(close) {
        Some(at) => format!("{}{item}{}", &text[..at], &text[at..]).into_bytes(),
        None => xml.to_vec(),
    }
}

/// The targets of a document's links, in order: the body's and the
/// footnotes' (see [`LINK_ID`]).
pub struct Links {
    pub body: Vec<String>,
    pub notes: Vec<String>,
}

/// Link relationships are `rIdLink1`, `rIdLink2` … in each part.
pub const LINK_ID: &str = "rIdLink";

const LINK_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

pub fn pack(x: XMLDocx, core: Vec<u8>, links: Links) -> Vec<u8> {
    let document_rels = format!("{THEME_REL}{}", relationships(&links.body));
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        (
            "[Content_Types].xml".into(),
            insert_before(&x.content_type, "</Types>", THEME_TYPE),
        ),
        ("_rels/.rels".into(), x.rels),
        ("docProps/app.xml".into(), x.doc_props.app),
        ("docProps/core.xml".into(), core),
        ("docProps/custom.xml".into(), x.doc_props.custom),
        (
            "word/_rels/document.xml.rels".into(),
            insert_before(
                &without_links(&x.document_rels),
                "</Relationships>",
                &document_rels,
            ),
        ),
        ("word/document.xml".into(), normalise(&x.document)),
        ("word/styles.xml".into(), normalise(&in_language(&x.styles))),
        ("word/settings.xml".into(), normalise(&x.settings)),
        ("word/fontTable.xml".into(), x.font_table),
        ("word/comments.xml".into(), x.comments),
        ("word/numbering.xml".into(), normalise(&x.numberings)),
        ("word/commentsExtended.xml".into(), x.comments_extended),
        (
            "word/footnotes.xml".into(),
            normalise(&numbered_footnotes(&x.footnotes)),
        ),
        ("word/theme/theme1.xml".into(), THEME.to_vec()),
    ];
    if !links.notes.is_empty() {
        parts.push((
            "word/_rels/footnotes.xml.rels".into(),
            format!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>"#,
                relationships(&links.notes)
            )
            .into_bytes(),
        ));
    }
    for (i, h) in x.headers.iter().enumerate() {
        parts.push((format!("word/header{}.xml", i + 1), normalise(h)));
        if let Some(rels) = x.header_rels.get(i) {
            parts.push((format!("word/_rels/header{}.xml.rels", i + 1), rels.clone()));
        }
    }
    for (i, f) in x.footers.iter().enumerate() {
        parts.push((format!("word/footer{}.xml", i + 1), normalise(f)));
        if let Some(rels) = x.footer_rels.get(i) {
            parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), rels.clone()));
        }
    }

    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(64 << 10)));
    for (name, bytes) in parts {
        zip.start_file(name, entry_options(bytes.len()))
            .expect("zip entry in memory");
        zip.write_all(&bytes).expect("zip write in memory");
    }
    zip.finish().expect("zip in memory").into_inner()
}

/// A relationship per link, numbered in order (docx-rs numbers its own
/// from a counter shared by the whole process and lists them in hash order,
/// which would change the bytes from one run to the next).
fn relationships(targets: &[String]) -> String {
    targets
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                r#"<Relationship Id="{LINK_ID}{}" Type="{LINK_TYPE}" Target="{}" TargetMode="External" />"#,
                i + 1,
                quick_xml::escape::escape(t.as_str())
            )
        })
        .collect()
}

/// docx-rs's relationships part without the link relationships it adds.
fn without_links(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(xml);
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_ref();
    while let Some(start) = rest.find("<Relationship ") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("/>")
            .map_or(rest.len(), |e| start + e + 2);
        let element = &rest[start..end];
        if !element.contains(LINK_TYPE) {
            out.push_str(element);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.into_bytes()
}

/// The styles part with the document's language as every run's default,
/// which docx-rs cannot set: Word then checks spelling in Vietnamese.
fn in_language(xml: &[u8]) -> Vec<u8> {
    const DEFAULTS: &str = "<w:rPrDefault><w:rPr>";
    let text = String::from_utf8_lossy(xml);
    match text.find(DEFAULTS) {
        Some(at) => {
            let at = at + DEFAULTS.len();
            let lang = super::properties::language();
            format!(r#"{}<w:lang w:val="{lang}"/>{}"#, &text[..at], &text[at..]).into_bytes()
        }
        None => xml.to_vec(),
    }
}

/// The footnotes part as Word needs it, which docx-rs does not write: the
/// separator lines above the notes (`w:id` -1 and 0), and in each note the
/// `w:footnoteRef` run that prints its number at the foot of the page
/// (without it Word shows the text unnumbered).
fn numbered_footnotes(xml: &[u8]) -> Vec<u8> {
    const SEPARATORS: &str = concat!(
        r#"<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"#,
        r#"<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#,
    );
    let mark = format!(
        r#"<w:r><w:rPr><w:rStyle w:val="{}"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> </w:t></w:r>"#,
        super::FOOTNOTE_MARK_STYLE
    );
    let text = String::from_utf8_lossy(xml);
    let Some(first) = text.find("<w:footnote ") else {
        return xml.to_vec();
    };
    let mut out = String::with_capacity(text.len() + 512);
    out.push_str(&text[..first]);
    out.push_str(SEPARATORS);
    // Each note's first paragraph properties are followed by its number.
    for (i, note) in text[first..].split_inclusive("</w:footnote>").enumerate() {
        match (i, note.find("</w:pPr>")) {
            (_, Some(at)) => {
                let at = at + "</w:pPr>".len();
                out.push_str(&note[..at]);
                out.push_str(&mark);
                out.push_str(&note[at..]);
            }
            _ => out.push_str(note),
        }
    }
    out.into_bytes()
}

/// Parts under this size are stored, not deflated: each deflate stream
/// allocates and clears a few hundred kilobytes of state, which for a 1 KB
/// part costs more time than the bytes it saves are worth.
const DEFLATE_FROM: usize = 4096;

fn entry_options(len: usize) -> SimpleFileOptions {
    let options = SimpleFileOptions::default().last_modified_time(zip::DateTime::default());
    if len < DEFLATE_FROM {
        options.compression_method(zip::CompressionMethod::Stored)
    } else {
        // Level 1: XML compresses almost as well as at the default level
        // (about 5:1) in a fraction of the time.
        options
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1))
    }
}
