//! The page model: one document, laid out as the decree arranges it, with
//! every number, date and punctuation mark already computed. Plain data with
//! no I/O and no writer types; both writers render exactly this.

use crate::date::Date;
use crate::nd30::{Align, PageSetup, ParaStyle, CHARS_PER_LINE, LINES_PER_PAGE};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The year the document belongs to.
    pub year: u16,
    /// Date of issue; absent in a draft.
    pub issued: Option<Date>,
    pub page: PageSetup,
    /// `DỰ THẢO` at the top right of page 1, for a draft.
    pub draft: Option<Boxed>,
    pub header: Header,
    /// Tên loại and trích yếu; none for a công văn, whose trích yếu is
    /// its header's `V/v` line.
    pub title: Option<Title>,
    pub blocks: Vec<Block>,
    pub closing: Closing,
    /// Phụ lục, each on pages of its own after the signature.
    pub appendices: Vec<Appendix>,
    /// What a reader's program shows about the file.
    pub properties: Properties,
}

/// The document as File › Properties and a PDF reader's Document
/// Properties show it, the same in both outputs. Its dates are the issue
/// date ([`Document::issued`]), or none for a draft.
#[derive(Debug, Clone, Serialize)]
pub struct Properties {
    /// The trích yếu (a công văn's V/v), or the tên loại where the form
    /// has none.
    pub title: String,
    /// The kind: `Kế hoạch`.
    pub subject: String,
    /// The issuing bodies, each named as its header prints it (two for a
    /// liên tịch document).
    pub authors: Vec<String>,
    /// The document's own số, ký hiệu and those of the documents its
    /// preamble cites.
    pub keywords: Vec<String>,
}

/// A phụ lục (PL1 III; Mẫu 2.1/2.2): its heading lines, then its body. It
/// starts a page, and its pages are numbered from 1.
#[derive(Debug, Clone, Serialize)]
pub struct Appendix {
    /// `PHỤ LỤC`, or `PHỤ LỤC II` when there are several.
    pub label: String,
    /// Its title, upper case, and a second line if any.
    pub title: Vec<String>,
    /// `(Kèm theo Kế hoạch số 05/KH-UBND ngày … của …)`.
    pub attached_to: String,
    /// Length of the short line under the heading.
    pub rule_mm: f32,
    pub blocks: Vec<Block>,
    /// A table too wide for portrait turns the whole phụ lục.
    pub landscape: bool,
}

/// The two-column block at the top of page 1 (ô 1–4).
#[derive(Debug, Clone, Serialize)]
pub struct Header {
    /// Tên cơ quan chủ quản, one line each, not bold; none for a commune UBND.
    pub parent: Vec<String>,
    /// Tên cơ quan ban hành, one line each, bold.
    pub issuer: Vec<String>,
    /// Length of the line under the issuing body.
    pub issuer_rule_mm: f32,
    /// `Số: 05/KH-UBND`.
    pub number: String,
    /// A công văn's `V/v …`, under its Số (ô 5b).
    pub subject: Option<String>,
    /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`.
    pub national: String,
    /// `Độc lập - Tự do - Hạnh phúc`.
    pub motto: String,
    /// Length of the line under the motto: the motto's own width.
    pub motto_rule_mm: f32,
    /// `Bát Tràng, ngày 05 tháng 02 năm 2026`; absent for a biên bản.
    pub place_date: Option<String>,
    /// Widths of the left and right columns, chosen so that every line
    /// above stays whole (see `nd30::header_columns`).
    pub columns_mm: (f32, f32),
    /// Sizes of the lines whose size depends on the names they hold.
    pub sizes: HeaderSizes,
    /// Độ mật and độ khẩn under the Số (ô 10a, 10b), each in its box.
    pub marks: Vec<Boxed>,
}

/// A word in a box of its own width: the urgency and secrecy marks, a
/// draft's `DỰ THẢO`.
#[derive(Debug, Clone, Serialize)]
pub struct Boxed {
    pub text: String,
    pub width_mm: f32,
}

/// The header's sizes: the house sizes, or the decree's smallest where long
/// names would not fit on one line otherwise.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct HeaderSizes {
    /// The parent body, issuing body and Số lines (12–13 pt).
    pub left_pt: f32,
    /// Quốc hiệu (12–13 pt).
    pub national_pt: f32,
    /// The place and date (13–14 pt).
    pub place_date_pt: f32,
}

/// Tên loại and trích yếu (ô 5a).
#[derive(Debug, Clone, Serialize)]
pub struct Title {
    pub kind: String,
    /// The trích yếu; none where the form has none (giấy giới thiệu).
    pub summary: Option<String>,
    /// Length of the line under the trích yếu (under the tên loại when
    /// there is none).
    pub rule_mm: f32,
}

/// One block of the body, in reading order.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// A paragraph; `label` is its computed number (`I.`, `1.`, `a)`) or `-`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub style: ParaStyle,
    pub label: Option<String>,
    pub text: Inline,
    /// Keep on one page with what follows (the closing sentence with the
    /// signature block).
    pub keep_next: bool,
    /// A heading's level in the document's outline (1 at the top), for the
    /// Navigation Pane and the PDF's bookmarks; none for running text.
    pub outline: Option<u8>,
}

impl Paragraph {
    pub fn new(style: ParaStyle, label: Option<String>, text: Inline) -> Paragraph {
        Paragraph {
            style,
            label,
            text,
            keep_next: false,
            outline: None,
        }
    }

    /// A heading at `level` of the outline (1 at the top).
    pub fn heading(style: ParaStyle, label: Option<String>, text: Inline, level: u8) -> Paragraph {
        Paragraph {
            outline: Some(level),
            ..Paragraph::new(style, label, text)
        }
    }

    /// The text as printed: label, a space, then the text.
    pub fn full_text(&self) -> String {
        match &self.label {
            Some(l) => format!("{l} {}", self.text.plain()),
            None => self.text.plain(),
        }
    }
}

/// Text as a paragraph or a cell holds it: runs of bold, italic or plain
/// text. A `\n` inside a run is a line break in both outputs.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Inline(pub Vec<Span>);

/// One run of text with its emphasis, on top of its paragraph's style.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Span {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    /// A footnote: its mark stands here (the span's text is empty), its
    /// text at the foot of the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Inline>,
    /// Where the text links to, printed as written: `https://…` or
    /// `mailto:…`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl Span {
    /// Text with nothing on it: no emphasis, note or link.
    pub fn is_plain(&self) -> bool {
        !self.bold && !self.italic && self.note.is_none() && self.link.is_none()
    }
}

impl Inline {
    /// Plain text with no emphasis.
    pub fn plain_text(text: impl Into<String>) -> Inline {
        Inline(vec![Span {
            text: text.into(),
            ..Span::default()
        }])
    }

    /// The text without its emphasis, line breaks kept as `\n`; footnotes
    /// left out (see [`Inline::notes`]).
    pub fn plain(&self) -> String {
        self.0.iter().map(|s| s.text.as_str()).collect()
    }

    /// The text of each footnote in this text, in order.
    pub fn notes(&self) -> impl Iterator<Item = String> + '_ {
        self.0
            .iter()
            .filter_map(|s| s.note.as_ref().map(Inline::plain))
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|s| s.text.is_empty())
    }

    /// Change the text of the runs in place, keeping their emphasis.
    pub fn map_text(&mut self, mut f: impl FnMut(&str) -> String) {
        for span in &mut self.0 {
            span.text = f(&span.text);
        }
    }

    /// The last run, to punctuate the end of a paragraph.
    pub fn last_text_mut(&mut self) -> Option<&mut String> {
        self.0
            .iter_mut()
            .rev()
            .find(|s| !s.text.is_empty())
            .map(|s| &mut s.text)
    }

    /// Append plain text.
    pub fn push_plain(&mut self, text: &str) {
        match self.0.last_mut() {
            Some(last) if last.is_plain() => last.text.push_str(text),
            _ => self.0.push(Span {
                text: text.to_string(),
                ..Span::default()
            }),
        }
    }
}

/// A bordered table whose header rows repeat on every page.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    /// How many of the first rows are the header (bold, centred, repeated).
    pub header_rows: usize,
    /// Rows in order, header first. A cell covered by another's span is
    /// left out, as HTML does: each row lists only the cells that start in it.
    pub rows: Vec<Row>,
    /// Too wide for a portrait page: set on a landscape page of its own
    /// (PL1 I.2).
    pub landscape: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// Share of the text width, in percent.
    pub width_pct: f32,
    /// Numbers are right-aligned.
    pub align: Align,
}

#[derive(Debug, Clone, Serialize)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// A group row (`I. …` across the table) or a totals row: bold.
    pub bold: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    pub text: Inline,
    /// The column the cell starts in, counting covered ones.
    pub column: usize,
    /// Columns and rows the cell covers (1 for a plain cell).
    pub col_span: usize,
    pub row_span: usize,
    pub align: Align,
}

impl Table {
    /// Every cell's text in row order, as a reader extracts it.
    pub fn texts(&self) -> Vec<String> {
        self.rows
            .iter()
            .flat_map(|r| r.cells.iter().map(|c| c.text.plain()))
            .collect()
    }
}

/// Nơi nhận on the left, the signature on the right (ô 7, 9b), never split.
#[derive(Debug, Clone, Serialize)]
pub struct Closing {
    /// `Nơi nhận:`.
    pub recipients_title: String,
    /// `- X;` … `- Lưu: VT, VHXH.`
    pub recipients: Vec<String>,
    /// `TM. ỦY BAN NHÂN DÂN`, `KT. CHỦ TỊCH`, `PHÓ CHỦ TỊCH`.
    pub authority: Vec<String>,
    pub signer: String,
    /// A second signature on the left, in place of Nơi nhận: a biên bản's
    /// thư ký beside its chủ tọa (Mẫu 1.9).
    pub left: Option<Signed>,
}

/// A signature block: its authority and position lines, and the name.
#[derive(Debug, Clone, Serialize)]
pub struct Signed {
    pub authority: Vec<String>,
    pub signer: String,
}

impl Document {
    /// Every line of text in reading order, as a reader of either output
    /// would extract it: header left then right, body, closing left then right.
    pub fn reading_order(&self) -> Vec<String> {
        let h = &self.header;
        let mut lines: Vec<String> = self.draft.iter().map(|d| d.text.clone()).collect();
        lines.extend(h.parent.iter().cloned());
        lines.extend(h.issuer.iter().cloned());
        lines.push(h.number.clone());
        lines.extend(h.subject.iter().cloned());
        lines.extend(h.marks.iter().map(|m| m.text.clone()));
        lines.push(h.national.clone());
        lines.push(h.motto.clone());
        lines.extend(h.place_date.iter().cloned());
        if let Some(t) = &self.title {
            lines.push(t.kind.clone());
            lines.extend(t.summary.iter().cloned());
        }
        lines.extend(blocks_text(&self.blocks));
        let c = &self.closing;
        if let Some(left) = &c.left {
            lines.extend(left.authority.iter().cloned());
            lines.push(left.signer.clone());
        } else {
            lines.push(c.recipients_title.clone());
            lines.extend(c.recipients.iter().cloned());
        }
        lines.extend(c.authority.iter().cloned());
        lines.push(c.signer.clone());
        // Under two signatures, Nơi nhận follows them.
        if c.left.is_some() && !c.recipients.is_empty() {
            lines.push(c.recipients_title.clone());
            lines.extend(c.recipients.iter().cloned());
        }
        for a in &self.appendices {
            lines.push(a.label.clone());
            lines.extend(a.title.iter().cloned());
            lines.push(a.attached_to.clone());
            lines.extend(blocks_text(&a.blocks));
        }
        lines
    }
}

impl Document {
    /// About how many pages the document fills, from its paragraphs' and
    /// cells' lengths: what a size limit is judged by before any layout.
    pub fn estimated_pages(&self) -> usize {
        let lines = |text: &str| text.chars().count().div_ceil(CHARS_PER_LINE).max(1);
        let blocks = |blocks: &[Block]| -> usize {
            blocks
                .iter()
                .map(|b| match b {
                    Block::Paragraph(p) => lines(&p.full_text()),
                    // A row is as tall as its tallest cell.
                    Block::Table(t) => t
                        .rows
                        .iter()
                        .map(|r| {
                            r.cells
                                .iter()
                                .map(|c| lines(&c.text.plain()))
                                .max()
                                .unwrap_or(1)
                        })
                        .sum(),
                })
                .sum()
        };
        let body = blocks(&self.blocks).div_ceil(LINES_PER_PAGE).max(1);
        let appendices: usize = self
            .appendices
            .iter()
            .map(|a| blocks(&a.blocks).div_ceil(LINES_PER_PAGE).max(1))
            .sum();
        body + appendices
    }
}

/// The text of `blocks` in reading order: each paragraph, each cell.
fn blocks_text(blocks: &[Block]) -> Vec<String> {
    let mut lines = Vec::new();
    for b in blocks {
        match b {
            // A footnote's text is read after its paragraph (it is printed
            // at the foot of the page, but checked as text all the same).
            Block::Paragraph(p) => {
                lines.push(p.full_text());
                lines.extend(p.text.notes());
            }
            Block::Table(t) => {
                lines.extend(t.texts());
                lines.extend(
                    t.rows
                        .iter()
                        .flat_map(|r| r.cells.iter().flat_map(|c| c.text.notes())),
                );
            }
        }
    }
    lines
}
