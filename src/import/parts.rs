//! A Word document's parts as the decree names them, recognised from what
//! Word files really contain: the header as a borderless table, as tabbed
//! paragraphs or in text boxes; the title and trích yếu; căn cứ and
//! `Kính gửi:`; the body; Nơi nhận and the signature; phụ lục. Parts are
//! told by their words first (`Số:`, `CỘNG HÒA …`, `Nơi nhận:`), by their
//! look only where words cannot tell (a parent line is not bold). Both
//! `import` and `check FILE.docx` read documents through this.

use crate::nd30::{self, DocKind};
use crate::word::{Block, Para, Table, WordDoc};

/// One line of text and the paragraph it comes from: a paragraph, or one
/// side of a paragraph whose two sides a tab separates.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    pub para: &'a Para,
    pub text: String,
}

impl<'a> Line<'a> {
    fn of(para: &'a Para) -> Line<'a> {
        Line {
            para,
            text: para.printed().trim().to_string(),
        }
    }

    /// Every run with text is bold.
    pub fn bold(&self) -> bool {
        let mut runs = self.para.runs.iter().filter(|r| !r.text.trim().is_empty());
        runs.clone().next().is_some() && runs.all(|r| r.props.bold == Some(true))
    }

    pub fn italic(&self) -> bool {
        let mut runs = self.para.runs.iter().filter(|r| !r.text.trim().is_empty());
        runs.clone().next().is_some() && runs.all(|r| r.props.italic == Some(true))
    }
}

/// A block of the body: a paragraph or a data table.
#[derive(Debug, Clone)]
pub enum BodyBlock<'a> {
    Para(&'a Para),
    Table(&'a Table),
}

/// A phụ lục after the signature.
#[derive(Debug, Clone, Default)]
pub struct AppendixParts<'a> {
    /// `PHỤ LỤC II`, or an attached text's tên loại (`QUY CHẾ`).
    pub label: Option<Line<'a>>,
    pub title: Vec<Line<'a>>,
    /// `(Kèm theo … )`.
    pub attached: Option<Line<'a>>,
    pub body: Vec<BodyBlock<'a>>,
}

/// The document's parts; what could not be placed is kept in `unplaced`.
#[derive(Debug, Clone, Default)]
pub struct Parts<'a> {
    pub draft: Option<Line<'a>>,
    pub parent: Vec<Line<'a>>,
    pub issuer: Vec<Line<'a>>,
    pub number: Option<Line<'a>>,
    /// A công văn's `V/v …`, its lines joined.
    pub subject: Vec<Line<'a>>,
    pub marks: Vec<Line<'a>>,
    pub national: Option<Line<'a>>,
    pub motto: Option<Line<'a>>,
    pub place_date: Option<Line<'a>>,
    pub kind: Option<DocKind>,
    pub kind_line: Option<Line<'a>>,
    pub summary: Vec<Line<'a>>,
    /// A decision's issuing authority under its title, and its `QUYẾT
    /// ĐỊNH:` line.
    pub authority_line: Option<Line<'a>>,
    pub decides: Option<Line<'a>>,
    pub grounds: Vec<Line<'a>>,
    /// `Kính gửi:` and the recipients under it (one may share its line).
    pub addressed: Vec<Line<'a>>,
    pub body: Vec<BodyBlock<'a>>,
    pub recipients_title: Option<Line<'a>>,
    pub recipients: Vec<Line<'a>>,
    pub authority: Vec<Line<'a>>,
    pub signer: Option<Line<'a>>,
    /// A second signature on the left (a biên bản's thư ký, a liên tịch
    /// document's joint issuer): its authority lines and name.
    pub left_signature: Option<(Vec<Line<'a>>, Option<Line<'a>>)>,
    pub appendices: Vec<AppendixParts<'a>>,
    pub unplaced: Vec<Line<'a>>,
}

/// Words that open a preamble line (PL1 II.6a).
const GROUNDS: [&str; 5] = ["Căn cứ", "Thực hiện", "Xét", "Theo đề nghị", "Theo đề xuất"];

fn upper(s: &str) -> bool {
    s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
}

/// The kind whose tên loại `text` is (`KẾ HOẠCH`).
pub fn kind_of_title(text: &str) -> Option<DocKind> {
    let t = text.trim().trim_end_matches(':');
    DocKind::ALL
        .iter()
        .copied()
        .find(|k| k.title() == t && *k != DocKind::CongVan)
}

/// The Số line, its colon forgotten or not (`Số 05/…` is found, to be
/// told to the clerk).
fn is_number(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("Số").or_else(|| t.strip_prefix("SỐ")) else {
        return false;
    };
    let rest = rest.trim_start();
    rest.starts_with(':') || rest.starts_with(|c: char| c.is_ascii_digit() || c == '/')
}

/// `Bát Tràng, ngày 05 tháng 02 năm 2026`, its comma forgotten or not.
fn is_place_date(t: &str) -> bool {
    let Some(at) = t.find("ngày") else {
        return false;
    };
    at > 0 && t[at..].contains("tháng") && t[at..].contains("năm")
}

fn is_mark(t: &str) -> bool {
    matches!(
        t,
        "KHẨN" | "THƯỢNG KHẨN" | "HỎA TỐC" | "HOẢ TỐC" | "MẬT" | "TỐI MẬT" | "TUYỆT MẬT"
    )
}

/// Lines of a header paragraph: one, or one per side of a tab.
fn header_lines(p: &Para) -> Vec<Line<'_>> {
    let text = p.printed();
    if text.contains('\t') {
        text.split('\t')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| Line {
                para: p,
                text: s.to_string(),
            })
            .collect()
    } else if text.trim().is_empty() {
        Vec::new()
    } else {
        vec![Line::of(p)]
    }
}

/// Whether a table is the closing: Nơi nhận beside the signature, or two
/// signatures side by side (a borderless table whose cells hold upper-case
/// authority lines and, under them, a name).
fn is_closing(t: &Table) -> bool {
    let recipients = t.rows.iter().flatten().any(|c| {
        c.paragraphs()
            .iter()
            .any(|p| p.text().trim_start().starts_with(nd30::RECIPIENTS_TITLE))
    });
    let authority = |p: &&Para| {
        let t = p.text();
        let t = t.trim();
        nd30::authority_prefixes().any(|a| t.starts_with(&format!("{a} ")))
            || ["CHỦ TỌA", "THƯ KÝ", "CHỦ TRÌ"].contains(&t)
    };
    recipients
        || (!t.bordered
            && t.rows
                .iter()
                .flatten()
                .any(|c| c.paragraphs().iter().any(authority)))
}

/// Whether a table is the header (ô 1–4).
fn is_header(t: &Table) -> bool {
    t.rows.iter().flatten().any(|c| {
        c.paragraphs()
            .iter()
            .any(|p| p.text().contains(nd30::NATIONAL) || is_number(p.text().trim()))
    })
}

pub fn recognise(doc: &WordDoc) -> Parts<'_> {
    let mut parts = Parts::default();
    let mut blocks = doc.blocks.iter().peekable();

    // ô 1–4: every line before the tên loại (or before the first body
    // paragraph of a công văn), wherever Word put it.
    let mut header: Vec<Line> = Vec::new();
    while let Some(b) = blocks.peek() {
        match b {
            Block::Table(t) if is_header(t) => {
                for row in &t.rows {
                    for cell in row {
                        for p in cell.paragraphs() {
                            header.extend(header_lines(p));
                        }
                    }
                }
            }
            Block::Para(p) => {
                let lines = header_lines(p);
                let starts_body = lines.first().is_some_and(|l| {
                    kind_of_title(&l.text).is_some()
                        || l.text.starts_with("Kính gửi")
                        || (parts_done(&header) && !p.in_text_box)
                });
                if starts_body {
                    break;
                }
                header.extend(lines);
            }
            Block::Table(_) => break,
        }
        blocks.next();
    }
    classify_header(header, &mut parts);

    // ô 5a: tên loại, trích yếu; a decision's authority line; căn cứ.
    if let Some(Block::Para(p)) = blocks.peek() {
        if let Some(kind) = kind_of_title(&p.text()) {
            parts.kind = Some(kind);
            parts.kind_line = Some(Line::of(p));
            blocks.next();
            while let Some(Block::Para(p)) = blocks.peek() {
                let line = Line::of(p);
                if line.text.is_empty() {
                    blocks.next();
                    if !parts.summary.is_empty() {
                        break;
                    }
                    continue;
                }
                let centred = p.props.align.as_deref() == Some("center");
                if !(line.bold() && centred) || upper(&line.text) && !parts.summary.is_empty() {
                    break;
                }
                parts.summary.push(line);
                blocks.next();
            }
        }
    }
    if parts.kind.is_none() && !parts.subject.is_empty() {
        parts.kind = Some(DocKind::CongVan);
    }
    while let Some(Block::Para(p)) = blocks.peek() {
        let line = Line::of(p);
        if line.text.is_empty() {
            blocks.next();
            continue;
        }
        if upper(&line.text)
            && line.bold()
            && parts.authority_line.is_none()
            && parts.grounds.is_empty()
            && !is_heading_label(&line.text)
        {
            parts.authority_line = Some(line);
        } else if GROUNDS.iter().any(|g| line.text.starts_with(g)) && line.italic() {
            parts.grounds.push(line);
        } else if line.text == nd30::DECIDES || line.text == nd30::RESOLVES {
            parts.decides = Some(line);
            blocks.next();
            break;
        } else {
            break;
        }
        blocks.next();
    }
    // ô 9a: Kính gửi and its lines.
    if let Some(Block::Para(p)) = blocks.peek() {
        // `Kính gửi:`, or a công điện's `THỦ TƯỚNG CHÍNH PHỦ điện:`.
        let lead = p.text();
        let lead = lead.trim();
        if lead.starts_with("Kính gửi") || lead.ends_with("điện:") || lead.ends_with("kính mời:")
        {
            parts.addressed.push(Line::of(p));
            blocks.next();
            while let Some(Block::Para(p)) = blocks.peek() {
                let t = p.printed();
                let t = t.trim();
                if !(t.starts_with("- ") || t.starts_with("-\t")) || !ends_recipient(t) {
                    break;
                }
                parts.addressed.push(Line::of(p));
                blocks.next();
            }
        }
    }

    // ô 6 until the closing; ô 7 and 9b; then the phụ lục.
    for b in blocks.by_ref() {
        match b {
            Block::Table(t) if is_closing(t) => {
                closing(t, &mut parts);
                break;
            }
            Block::Table(t) if t.bordered => parts.body.push(BodyBlock::Table(t)),
            Block::Table(t) => {
                // A layout table in the body: its paragraphs in order.
                for p in crate::word::paragraphs(std::slice::from_ref(b)) {
                    let _ = t;
                    parts.body.push(BodyBlock::Para(p));
                }
            }
            Block::Para(p) => {
                if p.text().trim_start().starts_with(nd30::RECIPIENTS_TITLE) {
                    parts.recipients_title = Some(Line::of(p));
                    break;
                }
                parts.body.push(BodyBlock::Para(p));
            }
        }
    }
    for b in blocks {
        appendix_block(b, &mut parts);
    }
    parts
}

/// Whether the header has what it needs to end: the Số line and the
/// date line (or the motto, for a biên bản without a date).
fn parts_done(header: &[Line]) -> bool {
    let has = |f: &dyn Fn(&str) -> bool| header.iter().any(|l| f(&l.text));
    has(&|t| is_number(t)) && (has(&is_place_date) || has(&|t| t.starts_with("Độc lập")))
}

fn classify_header<'a>(lines: Vec<Line<'a>>, parts: &mut Parts<'a>) {
    let mut in_subject = false;
    for line in lines {
        let t = line.text.as_str();
        if t.contains(nd30::NATIONAL) {
            parts.national = Some(line);
        } else if t.starts_with("Độc lập") {
            parts.motto = Some(line);
        } else if is_number(t) {
            parts.number = Some(line);
        } else if t.starts_with("V/v") || (in_subject && !upper(t) && !is_place_date(t)) {
            in_subject = true;
            parts.subject.push(line);
            continue;
        } else if is_place_date(t) {
            parts.place_date = Some(line);
        } else if t.starts_with("DỰ THẢO") {
            parts.draft = Some(line);
        } else if is_mark(t) {
            parts.marks.push(line);
        } else if upper(t) && parts.number.is_none() {
            // Above the Số line: the parent body, not bold, then the
            // issuing body, bold (PL1 II.2).
            if !line.bold() && parts.issuer.is_empty() {
                parts.parent.push(line);
            } else {
                parts.issuer.push(line);
            }
        } else {
            parts.unplaced.push(line);
        }
        in_subject = false;
    }
}

fn ends_recipient(t: &str) -> bool {
    t.ends_with(';') || t.ends_with('.') || t.ends_with(',')
}

/// Nơi nhận on one side, the signature on the other; or two signatures,
/// each column's lines (over one row or two) one signature.
fn closing<'a>(t: &'a Table, parts: &mut Parts<'a>) {
    let mut columns: Vec<Vec<Line<'a>>> = Vec::new();
    for row in &t.rows {
        for (i, cell) in row.iter().enumerate() {
            let lines: Vec<Line> = cell
                .paragraphs()
                .into_iter()
                .map(Line::of)
                .filter(|l| !l.text.is_empty())
                .collect();
            if lines
                .first()
                .is_some_and(|l| l.text.starts_with(nd30::RECIPIENTS_TITLE))
            {
                let mut lines = lines.into_iter();
                parts.recipients_title = lines.next();
                parts.recipients.extend(lines);
                continue;
            }
            if columns.len() <= i {
                columns.resize_with(i + 1, Vec::new);
            }
            columns[i].extend(lines);
        }
    }
    let mut signatures: Vec<(Vec<Line>, Option<Line>)> = columns
        .into_iter()
        .filter(|c| !c.is_empty())
        .map(signature)
        .collect();
    if let Some((authority, signer)) = signatures.pop() {
        parts.authority = authority;
        parts.signer = signer;
    }
    parts.left_signature = signatures.pop();
}

/// Authority lines, upper case, then the signer's name.
fn signature(mut lines: Vec<Line<'_>>) -> (Vec<Line<'_>>, Option<Line<'_>>) {
    let signer = match lines.last() {
        Some(last) if !upper(&last.text) => lines.pop(),
        _ => None,
    };
    (lines, signer)
}

fn appendix_block<'a>(b: &'a Block, parts: &mut Parts<'a>) {
    match b {
        Block::Para(p) => {
            let line = Line::of(p);
            if line.text.is_empty() {
                return;
            }
            // After the signature, a line of its own that is `PHỤ LỤC` or a
            // tên loại (the text a decision issues) opens a phụ lục.
            let starts = line.text.starts_with("PHỤ LỤC") || kind_of_title(&line.text).is_some();
            if starts {
                parts.appendices.push(AppendixParts {
                    label: Some(line),
                    ..AppendixParts::default()
                });
                return;
            }
            let Some(a) = parts.appendices.last_mut() else {
                // After the signature but before any phụ lục: recipients
                // set under two signatures, or text the import keeps.
                if line.text.starts_with(nd30::RECIPIENTS_TITLE) {
                    parts.recipients_title = Some(line);
                } else if parts.recipients_title.is_some() && line.text.starts_with('-') {
                    parts.recipients.push(line);
                } else {
                    parts.unplaced.push(line);
                }
                return;
            };
            if a.attached.is_none() && line.text.starts_with('(') && line.text.ends_with(')') {
                a.attached = Some(line);
            } else if a.attached.is_none() {
                a.title.push(line);
            } else {
                a.body.push(BodyBlock::Para(p));
            }
        }
        Block::Table(t) => match parts.appendices.last_mut() {
            Some(a) => a.body.push(BodyBlock::Table(t)),
            None => {
                for p in crate::word::paragraphs(std::slice::from_ref(b)) {
                    parts.unplaced.push(Line::of(p));
                }
            }
        },
    }
}

/// Whether `text` opens with an outline label (`I.`, `Điều 1.`, `Chương
/// II`), so an upper-case heading is not taken for an authority line.
fn is_heading_label(text: &str) -> bool {
    super::outline::label_of(text).is_some()
}
