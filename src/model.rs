//! The page model: one document, laid out as the decree arranges it, with
//! every number, date and punctuation mark already computed. Plain data with
//! no I/O and no writer types; both writers render exactly this.

use crate::date::Date;
use crate::nd30::{PageSetup, ParaStyle};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Document {
    /// The year the document belongs to.
    pub year: u16,
    /// Date of issue; absent in a draft.
    pub issued: Option<Date>,
    pub page: PageSetup,
    pub header: Header,
    pub title: Title,
    pub blocks: Vec<Block>,
    pub closing: Closing,
}

/// The two-column block at the top of page 1 (ô 1–4).
#[derive(Debug, Clone, Serialize)]
pub struct Header {
    /// Tên cơ quan chủ quản, not bold; absent for a commune UBND.
    pub parent: Option<String>,
    /// Tên cơ quan ban hành, one line each, bold.
    pub issuer: Vec<String>,
    /// Length of the line under the issuing body.
    pub issuer_rule_mm: f32,
    /// `Số: 05/KH-UBND`.
    pub number: String,
    /// `CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`.
    pub national: String,
    /// `Độc lập - Tự do - Hạnh phúc`.
    pub motto: String,
    /// Length of the line under the motto: the motto's own width.
    pub motto_rule_mm: f32,
    /// `Bát Tràng, ngày 05 tháng 02 năm 2026`; absent for a biên bản.
    pub place_date: Option<String>,
}

/// Tên loại and trích yếu (ô 5a).
#[derive(Debug, Clone, Serialize)]
pub struct Title {
    pub kind: String,
    pub summary: String,
    /// Length of the line under the trích yếu.
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
    pub text: String,
    /// Keep on one page with what follows (the closing sentence with the
    /// signature block).
    pub keep_next: bool,
}

impl Paragraph {
    /// The text as printed: label, a space, then the text.
    pub fn full_text(&self) -> String {
        match &self.label {
            Some(l) => format!("{l} {}", self.text),
            None => self.text.clone(),
        }
    }
}

/// A bordered table with a header row repeated on every page.
#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
    /// Too wide for a portrait page: set on a landscape page of its own
    /// (PL1 I.2).
    pub landscape: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub title: String,
    /// Share of the text width, in percent.
    pub width_pct: f32,
    /// Numbers are right-aligned.
    pub numeric: bool,
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
}

impl Document {
    /// Every line of text in reading order, as a reader of either output
    /// would extract it: header left then right, body, closing left then right.
    pub fn reading_order(&self) -> Vec<String> {
        let h = &self.header;
        let mut lines: Vec<String> = h.parent.iter().cloned().collect();
        lines.extend(h.issuer.iter().cloned());
        lines.push(h.number.clone());
        lines.push(h.national.clone());
        lines.push(h.motto.clone());
        lines.extend(h.place_date.iter().cloned());
        lines.push(self.title.kind.clone());
        lines.push(self.title.summary.clone());
        for b in &self.blocks {
            match b {
                Block::Paragraph(p) => lines.push(p.full_text()),
                Block::Table(t) => {
                    lines.extend(t.columns.iter().map(|c| c.title.clone()));
                    lines.extend(t.rows.iter().flatten().cloned());
                }
            }
        }
        let c = &self.closing;
        lines.push(c.recipients_title.clone());
        lines.extend(c.recipients.iter().cloned());
        lines.extend(c.authority.iter().cloned());
        lines.push(c.signer.clone());
        lines
    }
}
