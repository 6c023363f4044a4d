//! Put docx-rs's XML into the child order ECMA-376 fixes.
//!
//! docx-rs 0.4 writes the children of `w:pPr`, `w:rPr`, `w:style`, `w:tblPr`,
//! `w:sectPr` … in its own order (`w:jc` before `w:spacing`, `w:rPr` first in
//! `w:pPr`, `w:headerReference` last in `w:sectPr`). LibreOffice accepts that;
//! Word may "repair" the file. This pass reorders the children of those
//! elements by the schema's sequences and drops what the schema forbids, so
//! the package validates with zero errors.

use quick_xml::events::Event;
use quick_xml::Reader;
// The keys are short tag names looked up per element: FxHash, not SipHash.
use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Children of each element in schema order (ECMA-376 Part 1, transitional).
/// Elements not listed keep their place after the listed ones.
const SEQUENCES: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:pageBreakBefore",
            "w:framePr",
            "w:widowControl",
            "w:numPr",
            "w:suppressLineNumbers",
            "w:pBdr",
            "w:shd",
            "w:tabs",
            "w:suppressAutoHyphens",
            "w:kinsoku",
            "w:wordWrap",
            "w:overflowPunct",
            "w:topLinePunct",
            "w:autoSpaceDE",
            "w:autoSpaceDN",
            "w:bidi",
            "w:adjustRightInd",
            "w:snapToGrid",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:mirrorIndents",
            "w:suppressOverlap",
            "w:jc",
            "w:textDirection",
            "w:textAlignment",
            "w:textboxTightWrap",
            "w:outlineLvl",
            "w:divId",
            "w:cnfStyle",
            "w:rPr",
            "w:sectPr",
            "w:pPrChange",
        ],
    ),
    (
        "w:rPr",
        &[
            "w:rStyle",
            "w:rFonts",
            "w:b",
            "w:bCs",
            "w:i",
            "w:iCs",
            "w:caps",
            "w:smallCaps",
            "w:strike",
            "w:dstrike",
            "w:outline",
            "w:shadow",
            "w:emboss",
            "w:imprint",
            "w:noProof",
            "w:snapToGrid",
            "w:vanish",
            "w:webHidden",
            "w:color",
            "w:spacing",
            "w:w",
            "w:kern",
            "w:position",
            "w:sz",
            "w:szCs",
            "w:highlight",
            "w:u",
            "w:effect",
            "w:bdr",
            "w:shd",
            "w:fitText",
            "w:vertAlign",
            "w:rtl",
            "w:cs",
            "w:em",
            "w:lang",
            "w:eastAsianLayout",
            "w:specVanish",
            "w:oMath",
            "w:rPrChange",
        ],
    ),
    (
        "w:style",
        &[
            "w:name",
            "w:aliases",
            "w:basedOn",
            "w:next",
            "w:link",
            "w:autoRedefine",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:locked",
            "w:personal",
            "w:personalCompose",
            "w:personalReply",
            "w:rsid",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
            "w:trPr",
            "w:tcPr",
            "w:tblStylePr",
        ],
    ),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblpPr",
            "w:tblOverlap",
            "w:bidiVisual",
            "w:tblStyleRowBandSize",
            "w:tblStyleColBandSize",
            "w:tblW",
            "w:jc",
            "w:tblCellSpacing",
            "w:tblInd",
            "w:tblBorders",
            "w:shd",
            "w:tblLayout",
            "w:tblCellMar",
            "w:tblLook",
            "w:tblCaption",
            "w:tblDescription",
            "w:tblPrChange",
        ],
    ),
    (
        "w:tcPr",
        &[
            "w:cnfStyle",
            "w:tcW",
            "w:gridSpan",
            "w:hMerge",
            "w:vMerge",
            "w:tcBorders",
            "w:shd",
            "w:noWrap",
            "w:tcMar",
            "w:textDirection",
            "w:tcFitText",
            "w:vAlign",
            "w:hideMark",
            "w:headers",
            "w:cellIns",
            "w:cellDel",
            "w:cellMerge",
            "w:tcPrChange",
        ],
    ),
    (
        "w:pBdr",
        &[
            "w:top",
            "w:left",
            "w:bottom",
            "w:right",
            "w:between",
            "w:bar",
        ],
    ),
    (
        "w:sectPr",
        &[
            // Header and footer references form one choice group: same rank.
            "w:headerReference|w:footerReference",
            "w:footnotePr",
            "w:endnotePr",
            "w:type",
            "w:pgSz",
            "w:pgMar",
            "w:paperSrc",
            "w:pgBorders",
            "w:lnNumType",
            "w:pgNumType",
            "w:cols",
            "w:formProt",
            "w:vAlign",
            "w:noEndnote",
            "w:titlePg",
            "w:textDirection",
            "w:bidi",
            "w:rtlGutter",
            "w:docGrid",
            "w:printerSettings",
            "w:sectPrChange",
        ],
    ),
    (
        "w:settings",
        &[
            "w:writeProtection",
            "w:view",
            "w:zoom",
            "w:removePersonalInformation",
            "w:removeDateAndTime",
            "w:doNotDisplayPageBoundaries",
            "w:displayBackgroundShape",
            "w:printPostScriptOverText",
            "w:printFractionalCharacterWidth",
            "w:printFormsData",
            "w:embedTrueTypeFonts",
            "w:embedSystemFonts",
            "w:saveSubsetFonts",
            "w:saveFormsData",
            "w:mirrorMargins",
            "w:alignBordersAndEdges",
            "w:bordersDoNotSurroundHeader",
            "w:bordersDoNotSurroundFooter",
            "w:gutterAtTop",
            "w:hideSpellingErrors",
            "w:hideGrammaticalErrors",
            "w:activeWritingStyle",
            "w:proofState",
            "w:formsDesign",
            "w:attachedTemplate",
            "w:linkStyles",
            "w:stylePaneFormatFilter",
            "w:stylePaneSortMethod",
            "w:documentType",
            "w:mailMerge",
            "w:revisionView",
            "w:trackRevisions",
            "w:doNotTrackMoves",
            "w:doNotTrackFormatting",
            "w:documentProtection",
            "w:autoFormatOverride",
            "w:styleLockTheme",
            "w:styleLockQFSet",
            "w:defaultTabStop",
            "w:autoHyphenation",
            "w:consecutiveHyphenLimit",
            "w:hyphenationZone",
            "w:doNotHyphenateCaps",
            "w:showEnvelope",
            "w:summaryLength",
            "w:clickAndTypeStyle",
            "w:defaultTableStyle",
            "w:evenAndOddHeaders",
            "w:bookFoldRevPrinting",
            "w:bookFoldPrinting",
            "w:bookFoldPrintingSheets",
            "w:drawingGridHorizontalSpacing",
            "w:drawingGridVerticalSpacing",
            "w:displayHorizontalDrawingGridEvery",
            "w:displayVerticalDrawingGridEvery",
            "w:doNotUseMarginsForDrawingGridOrigin",
            "w:drawingGridHorizontalOrigin",
            "w:drawingGridVerticalOrigin",
            "w:doNotShadeFormData",
            "w:noPunctuationKerning",
            "w:characterSpacingControl",
            "w:printTwoOnOne",
            "w:strictFirstAndLastChars",
            "w:noLineBreaksAfter",
            "w:noLineBreaksBefore",
            "w:savePreviewPicture",
            "w:doNotValidateAgainstSchema",
            "w:saveInvalidXml",
            "w:ignoreMixedContent",
            "w:alwaysShowPlaceholderText",
            "w:doNotDemarcateInvalidXml",
            "w:saveXmlDataOnly",
            "w:useXSLTWhenSaving",
            "w:saveThroughXslt",
            "w:showXMLTags",
            "w:alwaysMergeEmptyNamespace",
            "w:updateFields",
            "w:hdrShapeDefaults",
            "w:footnotePr",
            "w:endnotePr",
            "w:compat",
            "w:docVars",
            "w:rsids",
            "m:mathPr",
            "w:attachedSchema",
            "w:themeFontLang",
            "w:clrSchemeMapping",
            "w:doNotIncludeSubdocsInStats",
            "w:doNotAutoCompressPictures",
            "w:forceUpgrade",
            "w:captions",
            "w:readModeInkLockDown",
            "w:smartTagType",
            "sl:schemaLibrary",
            "w:shapeDefaults",
            "w:doNotEmbedSmartTags",
            "w:decimalSymbol",
            "w:listSeparator",
        ],
    ),
];

/// Where the schema forbids a child: `w:pPr` of a style or a numbering level
/// is CT_PPrGeneral, which has no `w:rPr`.
const FORBIDDEN: &[(&str, &str, &str)] =
    &[("w:style", "w:pPr", "w:rPr"), ("w:lvl", "w:pPr", "w:rPr")];

/// A header row, marked by the writer with a 1-twip minimum row height
/// because docx-rs has no `w:tblHeader`: (marker, replacement).
const HEADER_ROW: (&str, &str) = (r#"w:trHeight w:val="1" w:hRule="atLeast""#, "w:tblHeader");

/// Attributes the schema does not declare: (element, attribute).
const UNDECLARED: &[(&str, &str)] = &[("w:gridCol", "w:type")];

enum Node<'a> {
    Element(Element<'a>),
    /// Text, references, declarations: written back as they were read.
    Raw(&'a [u8]),
}

/// An element borrowed from the part's bytes: the pass copies nothing but
/// the few tags it changes, which keeps it cheap next to docx-rs's writer.
/// It works on bytes, not `str`: the names it compares are ASCII, and
/// checking a part's UTF-8 first cost as much as the rest of the pass.
struct Element<'a> {
    name: &'a [u8],
    /// The start tag's content: name and attributes, as read.
    tag: Cow<'a, [u8]>,
    children: Vec<Node<'a>>,
    empty: bool,
}

/// Reorder and clean one XML part. Input that does not parse is returned
/// unchanged (it would be a docx-rs bug, and the tests would catch it).
pub fn normalise(xml: &[u8]) -> Vec<u8> {
    match parse(xml) {
        Some(mut nodes) => {
            for n in &mut nodes {
                if let Node::Element(e) = n {
                    fix(e, None);
                }
            }
            let mut out = Vec::with_capacity(xml.len());
            for n in &nodes {
                write(n, &mut out);
            }
            out
        }
        None => xml.to_vec(),
    }
}

fn parse(xml: &[u8]) -> Option<Vec<Node<'_>>> {
    fn push<'a>(stack: &mut [Element<'a>], top: &mut Vec<Node<'a>>, node: Node<'a>) {
        match stack.last_mut() {
            Some(parent) => parent.children.push(node),
            None => top.push(node),
        }
    }
    let mut reader = Reader::from_reader(xml);
    let mut stack: Vec<Element> = Vec::new();
    let mut top: Vec<Node> = Vec::new();
    loop {
        let start = reader.buffer_position() as usize;
        let event = reader.read_event().ok()?;
        let end = reader.buffer_position() as usize;
        let raw = &xml[start..end];
        match event {
            Event::Start(_) => stack.push(Element::new(&raw[1..raw.len() - 1], false)),
            Event::Empty(_) => {
                let el = Element::new(raw[1..raw.len() - 2].trim_ascii_end(), true);
                push(&mut stack, &mut top, Node::Element(el));
            }
            Event::End(_) => {
                let el = stack.pop()?;
                push(&mut stack, &mut top, Node::Element(el));
            }
            Event::Eof => break,
            _ => push(&mut stack, &mut top, Node::Raw(raw)),
        }
    }
    stack.is_empty().then_some(top)
}

impl<'a> Element<'a> {
    fn new(tag: &'a [u8], empty: bool) -> Self {
        let name = tag.split(u8::is_ascii_whitespace).next().unwrap_or(tag);
        Element {
            name,
            tag: Cow::Borrowed(tag),
            children: Vec::new(),
            empty,
        }
    }
}

/// One of [`SEQUENCES`] as a lookup table: child name → rank. Children the
/// sequence does not name rank last.
struct Order {
    ranks: HashMap<&'static [u8], usize>,
    last: usize,
}

impl Order {
    fn rank(&self, child: &[u8]) -> usize {
        self.ranks.get(child).copied().unwrap_or(self.last)
    }
}

/// The schema order of `element`'s children, if the pass reorders them.
fn order(element: &[u8]) -> Option<&'static Order> {
    static ORDERS: LazyLock<HashMap<&'static [u8], Order>> = LazyLock::new(|| {
        SEQUENCES
            .iter()
            .map(|(parent, sequence)| {
                let ranks = sequence
                    .iter()
                    .enumerate()
                    .flat_map(|(rank, names)| names.split('|').map(move |n| (n.as_bytes(), rank)))
                    .collect();
                let order = Order {
                    ranks,
                    last: sequence.len(),
                };
                (parent.as_bytes(), order)
            })
            .collect()
    });
    ORDERS.get(element)
}

fn is_header_row_marker(e: &Element) -> bool {
    let words = |s: &'_ [u8]| -> Vec<Vec<u8>> {
        s.split(u8::is_ascii_whitespace)
            .filter(|w| !w.is_empty())
            .map(<[u8]>::to_vec)
            .collect()
    };
    e.name == b"w:trHeight" && words(&e.tag) == words(HEADER_ROW.0.as_bytes())
}

fn fix(e: &mut Element, parent: Option<&[u8]>) {
    if is_header_row_marker(e) {
        e.name = HEADER_ROW.1.as_bytes();
        e.tag = Cow::Borrowed(HEADER_ROW.1.as_bytes());
    }
    for (el, attr) in UNDECLARED {
        if e.name == el.as_bytes() {
            if let Some(tag) = remove_attribute(&e.tag, attr) {
                e.tag = Cow::Owned(tag);
            }
        }
    }
    if let Some(parent) = parent {
        for (p, el, child) in FORBIDDEN {
            if parent == p.as_bytes() && e.name == el.as_bytes() {
                e.children
                    .retain(|c| !matches!(c, Node::Element(c) if c.name == child.as_bytes()));
            }
        }
    }
    if let Some(order) = order(e.name) {
        let rank = |c: &Node| match c {
            Node::Element(c) => order.rank(c.name),
            Node::Raw(_) => order.last,
        };
        // A stable sort keeps repeated children (header references) in order.
        if !e.children.is_sorted_by_key(rank) {
            e.children.sort_by_cached_key(rank);
        }
    }
    let name = e.name;
    for c in &mut e.children {
        if let Node::Element(c) = c {
            fix(c, Some(name));
        }
    }
}

/// `tag` without `attr`, or `None` when it has no such attribute.
fn remove_attribute(tag: &[u8], attr: &str) -> Option<Vec<u8>> {
    let key = format!(" {attr}=\"");
    let start = find(tag, key.as_bytes())?;
    let value = start + key.len();
    let value_end = value + find(&tag[value..], b"\"")? + 1;
    Some([&tag[..start], &tag[value_end..]].concat())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn write(n: &Node, out: &mut Vec<u8>) {
    match n {
        Node::Raw(s) => out.extend_from_slice(s),
        Node::Element(e) if e.empty => {
            out.push(b'<');
            out.extend_from_slice(e.tag.trim_ascii_end());
            out.extend_from_slice(b"/>");
        }
        Node::Element(e) => {
            out.push(b'<');
            out.extend_from_slice(&e.tag);
            out.push(b'>');
            for c in &e.children {
                write(c, out);
            }
            out.extend_from_slice(b"</");
            out.extend_from_slice(e.name);
            out.push(b'>');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(xml: &str) -> String {
        String::from_utf8(normalise(xml.as_bytes())).unwrap()
    }

    #[test]
    fn paragraph_properties_follow_the_schema() {
        let got = run(
            r#"<w:p><w:pPr><w:rPr /><w:jc w:val="both" /><w:pStyle w:val="A" /><w:spacing w:after="120" /><w:ind w:left="1" /></w:pPr><w:r><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            got,
            r#"<w:p><w:pPr><w:pStyle w:val="A"/><w:spacing w:after="120"/><w:ind w:left="1"/><w:jc w:val="both"/><w:rPr/></w:pPr><w:r><w:t xml:space="preserve">a &amp; b</w:t></w:r></w:p>"#
        );
    }

    #[test]
    fn style_paragraph_properties_lose_their_run_properties() {
        let got = run(
            r#"<w:style><w:name w:val="x" /><w:rPr><w:sz w:val="26" /><w:b /></w:rPr><w:pPr><w:rPr /><w:jc w:val="center" /></w:pPr><w:basedOn w:val="Normal" /></w:style>"#,
        );
        assert_eq!(
            got,
            r#"<w:style><w:name w:val="x"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>"#
        );
    }

    #[test]
    fn marked_rows_become_header_rows() {
        let got =
            run(r#"<w:trPr><w:cantSplit /><w:trHeight w:val="1" w:hRule="atLeast" /></w:trPr>"#);
        assert_eq!(got, r#"<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"#);
        let other = r#"<w:trHeight w:val="400" w:hRule="atLeast"/>"#;
        assert_eq!(run(other), other);
    }

    #[test]
    fn header_references_come_first_in_order_and_grid_columns_lose_type() {
        let got = run(
            r#"<w:sectPr><w:pgSz w:w="1" /><w:headerReference w:type="default" /><w:headerReference w:type="first" /><w:titlePg /></w:sectPr>"#,
        );
        assert_eq!(
            got,
            r#"<w:sectPr><w:headerReference w:type="default"/><w:headerReference w:type="first"/><w:pgSz w:w="1"/><w:titlePg/></w:sectPr>"#
        );
        assert_eq!(
            run(r#"<w:gridCol w:w="3685" w:type="dxa" />"#),
            r#"<w:gridCol w:w="3685"/>"#
        );
    }
}
