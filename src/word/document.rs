//! `word/document.xml` as vanban reads it: paragraphs with their resolved
//! look and their numbering's labels, tables with merged cells, the text of
//! text boxes where they are anchored, footnotes where their marks stand,
//! and the page setup of each section. Legacy-font text is converted to
//! Unicode here, once, and counted.

use super::legacy::Legacy;
use super::numbering::Numbering;
use super::styles::{ParaProps, RunProps, Styles};
use super::xml::{on, Element};
use std::collections::{BTreeMap, HashMap};

/// A paragraph as a reader sees it.
#[derive(Debug, Clone, Default)]
pub struct Para {
    /// Its place among the document's paragraphs, from 1: what a finding
    /// names (`đoạn 12`).
    pub number: usize,
    pub style: Option<String>,
    pub style_name: Option<String>,
    pub props: ParaProps,
    /// The label Word's automatic numbering prints before it.
    pub label: Option<String>,
    pub runs: Vec<Run>,
    /// In a text box rather than the body's flow.
    pub in_text_box: bool,
    /// A page break before it (`w:br w:type="page"`, `pageBreakBefore`).
    pub page_break: bool,
}

impl Para {
    /// The text, footnote marks left out; a tab as `\t`, a line break `\n`.
    pub fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// The text with its automatic label.
    pub fn printed(&self) -> String {
        match &self.label {
            Some(l) => format!("{l} {}", self.text()),
            None => self.text(),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Run {
    pub text: String,
    pub props: RunProps,
    /// A footnote whose mark stands here (the run has no text).
    pub note: Option<Vec<Para>>,
}

#[derive(Debug, Clone)]
pub enum Block {
    Para(Para),
    Table(Table),
}

#[derive(Debug, Clone, Default)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
    /// The columns' widths in twips (`w:tblGrid`).
    pub grid: Vec<u32>,
    /// Any border drawn (a data table), or none (a layout table: the
    /// header, the closing).
    pub bordered: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub blocks: Vec<Block>,
    pub grid_span: usize,
    /// Continues the cell above (`w:vMerge` without `restart`).
    pub merged_up: bool,
}

impl Cell {
    pub fn paragraphs(&self) -> Vec<&Para> {
        paragraphs(&self.blocks)
    }
}

/// Every paragraph of `blocks`, tables' cells included, in order.
pub fn paragraphs(blocks: &[Block]) -> Vec<&Para> {
    let mut out = Vec::new();
    for b in blocks {
        match b {
            Block::Para(p) => out.push(p),
            Block::Table(t) => {
                for c in t.rows.iter().flatten() {
                    out.extend(paragraphs(&c.blocks));
                }
            }
        }
    }
    out
}

/// A section's page, in millimetres.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Page {
    pub width_mm: f32,
    pub height_mm: f32,
    pub top_mm: f32,
    pub bottom_mm: f32,
    pub left_mm: f32,
    pub right_mm: f32,
}

/// Reads the body with what it needs from the other parts.
pub(super) struct Reader<'a> {
    pub styles: &'a Styles,
    pub numbering: Numbering,
    pub notes: HashMap<String, &'a Element>,
    pub count: usize,
    /// Legacy encodings converted, with how many runs each.
    pub converted: BTreeMap<&'static str, usize>,
    depth: usize,
}

/// Nested tables and text boxes deeper than this are read as text only.
const MAX_NESTING: usize = 16;

impl<'a> Reader<'a> {
    pub fn new(
        styles: &'a Styles,
        numbering: Numbering,
        notes: HashMap<String, &'a Element>,
    ) -> Self {
        Reader {
            styles,
            numbering,
            notes,
            count: 0,
            converted: BTreeMap::new(),
            depth: 0,
        }
    }

    /// The blocks of a container (`w:body`, `w:tc`, `w:txbxContent`).
    pub fn blocks(&mut self, container: &Element) -> Vec<Block> {
        let mut out = Vec::new();
        for e in container.elements() {
            match e.name.as_str() {
                "p" => self.paragraph(e, &mut out),
                "tbl" if self.depth < MAX_NESTING => {
                    self.depth += 1;
                    let t = self.table(e);
                    self.depth -= 1;
                    out.push(Block::Table(t));
                }
                // Content controls and the blocks of a customXml element.
                "sdt" => {
                    if let Some(content) = e.child("sdtContent") {
                        out.extend(self.blocks(content));
                    }
                }
                "customXml" => out.extend(self.blocks(e)),
                _ => {}
            }
        }
        out
    }

    fn paragraph(&mut self, p: &Element, out: &mut Vec<Block>) {
        let ppr = p.child("pPr");
        let style = ppr.and_then(|p| p.child_val("pStyle")).map(str::to_string);
        let props = self.styles.para(style.as_deref(), &ParaProps::read(ppr));
        let mut para = Para {
            style_name: style
                .as_deref()
                .and_then(|s| self.styles.name(s))
                .map(str::to_string),
            page_break: ppr.and_then(|p| p.child("pageBreakBefore")).is_some_and(on),
            ..Para::default()
        };
        let mut boxes = Vec::new();
        self.inline(p, style.as_deref(), &mut para, &mut boxes);
        // Text boxes anchored in this paragraph are read before it: a
        // header drawn in boxes comes first on the page.
        for b in boxes {
            out.extend(b);
        }
        if let Some((id, level)) = &props.num {
            if id != "0" {
                para.label = self.numbering.next(id, *level);
            }
        }
        self.count += 1;
        para.number = self.count;
        para.style = style;
        para.props = props;
        out.push(Block::Para(para));
    }

    /// The runs inside `e` (a paragraph, a hyperlink, an insertion …).
    fn inline(
        &mut self,
        e: &Element,
        style: Option<&str>,
        para: &mut Para,
        boxes: &mut Vec<Vec<Block>>,
    ) {
        let mut in_field_code = false;
        for child in e.elements() {
            match child.name.as_str() {
                "r" => self.run(child, style, para, boxes, &mut in_field_code),
                // Links, accepted insertions, smart tags, simple fields,
                // inline content controls: their runs count.
                "hyperlink" | "ins" | "smartTag" | "fldSimple" | "customXml" | "bdo" | "dir" => {
                    self.inline(child, style, para, boxes)
                }
                "sdt" => {
                    if let Some(c) = child.child("sdtContent") {
                        self.inline(c, style, para, boxes);
                    }
                }
                // Deleted text, properties, bookmarks: not printed.
                _ => {}
            }
        }
    }

    fn run(
        &mut self,
        r: &Element,
        style: Option<&str>,
        para: &mut Para,
        boxes: &mut Vec<Vec<Block>>,
        in_field_code: &mut bool,
    ) {
        let rpr = r.child("rPr");
        let run_style = rpr.and_then(|r| r.child_val("rStyle"));
        let props = self.styles.run(style, run_style, &RunProps::read(rpr));
        let legacy = props.font.as_deref().and_then(Legacy::of_font);
        let mut text = String::new();
        for c in r.elements() {
            match c.name.as_str() {
                "t" if !*in_field_code => text.push_str(&c.text()),
                "tab" | "ptab" => text.push('\t'),
                "br" | "cr" => match c.attr("type") {
                    Some("page") => para.page_break = true,
                    _ => text.push('\n'),
                },
                "noBreakHyphen" => text.push('-'),
                "sym" => {
                    if let Some(ch) = c
                        .attr("char")
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                        .and_then(char::from_u32)
                    {
                        text.push(ch);
                    }
                }
                "fldChar" => match c.attr("fldCharType") {
                    Some("begin") => *in_field_code = true,
                    Some("separate") | Some("end") => *in_field_code = false,
                    _ => {}
                },
                "footnoteReference" => {
                    if let Some(note) = c.attr("id").and_then(|id| self.notes.get(id).copied()) {
                        let blocks = self.nested(note);
                        para.runs.push(Run {
                            note: Some(paragraphs(&blocks).into_iter().cloned().collect()),
                            ..Run::default()
                        });
                    }
                }
                "drawing" | "pict" | "object" | "AlternateContent" => {
                    if let Some(b) = self.text_boxes(c) {
                        boxes.push(b);
                    }
                }
                _ => {}
            }
        }
        if text.is_empty() {
            return;
        }
        if let Some(l) = legacy {
            text = l.decode(&text);
            *self.converted.entry(l.name()).or_default() += 1;
        }
        para.runs.push(Run {
            text,
            props,
            note: None,
        });
    }

    /// The blocks of the text boxes in a drawing, once: Word writes each
    /// box twice (`mc:Choice` and its `mc:Fallback`), only the first counts.
    fn text_boxes(&mut self, e: &Element) -> Option<Vec<Block>> {
        let e = match e.name.as_str() {
            "AlternateContent" => e.child("Choice").or_else(|| e.child("Fallback"))?,
            _ => e,
        };
        let contents = e.descendants("txbxContent");
        if contents.is_empty() || self.depth >= MAX_NESTING {
            return None;
        }
        let mut out = Vec::new();
        for c in contents {
            let mut blocks = self.nested(c);
            for p in blocks.iter_mut() {
                if let Block::Para(p) = p {
                    p.in_text_box = true;
                }
            }
            out.extend(blocks);
        }
        Some(out)
    }

    fn nested(&mut self, e: &Element) -> Vec<Block> {
        self.depth += 1;
        let blocks = if self.depth < MAX_NESTING {
            self.blocks(e)
        } else {
            Vec::new()
        };
        self.depth -= 1;
        blocks
    }

    fn table(&mut self, t: &Element) -> Table {
        let bordered = t
            .child("tblPr")
            .and_then(|p| p.child("tblBorders"))
            .is_some_and(|b| {
                b.elements()
                    .any(|side| side.attr("val").is_some_and(|v| v != "nil" && v != "none"))
            })
            || t.descendants("tcBorders").iter().any(|b| {
                b.elements()
                    .any(|side| side.attr("val").is_some_and(|v| v != "nil" && v != "none"))
            });
        let rows = t
            .children_named("tr")
            .map(|tr| {
                tr.children_named("tc")
                    .map(|tc| {
                        let pr = tc.child("tcPr");
                        Cell {
                            grid_span: pr
                                .and_then(|p| p.child_val("gridSpan"))
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1),
                            merged_up: pr
                                .and_then(|p| p.child("vMerge"))
                                .is_some_and(|m| m.attr("val") != Some("restart")),
                            blocks: self.blocks(tc),
                        }
                    })
                    .collect()
            })
            .collect();
        let grid = t
            .child("tblGrid")
            .map(|g| {
                g.children_named("gridCol")
                    .filter_map(|c| c.attr("w").and_then(|w| w.parse::<f64>().ok()))
                    .map(|w| w.max(0.0).round() as u32)
                    .collect()
            })
            .unwrap_or_default();
        Table {
            rows,
            grid,
            bordered,
        }
    }
}

/// The page of a `w:sectPr`.
pub(super) fn page(sect: &Element) -> Page {
    let mm = |twips: Option<&str>| -> f32 {
        twips
            .and_then(|v| v.parse::<f32>().ok())
            .map_or(0.0, |t| t * 25.4 / 1440.0)
    };
    let size = sect.child("pgSz");
    let margin = sect.child("pgMar");
    Page {
        width_mm: mm(size.and_then(|s| s.attr("w"))),
        height_mm: mm(size.and_then(|s| s.attr("h"))),
        top_mm: mm(margin.and_then(|m| m.attr("top"))),
        bottom_mm: mm(margin.and_then(|m| m.attr("bottom"))),
        left_mm: mm(margin.and_then(|m| m.attr("left"))),
        right_mm: mm(margin.and_then(|m| m.attr("right"))),
    }
}

/// Whether a header part prints the page number (a `PAGE` field).
pub(super) fn has_page_field(header: &Element) -> bool {
    let simple = header.descendants("fldSimple").iter().any(|f| {
        f.attr("instr")
            .is_some_and(|i| i.trim_start().starts_with("PAGE"))
    });
    let complex = header
        .descendants("instrText")
        .iter()
        .any(|t| t.text().trim_start().starts_with("PAGE"));
    simple || complex
}
