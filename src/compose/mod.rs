//! From input to page model, typed and one-way: each kind's builder walks
//! the document's serde types and appends blocks; the decree's rules come
//! from [`crate::nd30`], fixed wording a clerk may change from
//! [`crate::templates`]. What the clerk should know but that does not stop
//! the render travels with the result as warnings ([`Warned`]), for `check`.
//!
//! - [`frame`]: header, title, preamble, closing: the parts every kind has.
//! - [`outline`]: the numbered outline of any depth, in the order written.
//! - [`tables`]: tables of the data and the targets tables.
//! - a builder per form: [`named`] (Mẫu 1.4: kế hoạch, tờ trình, thông báo…),
//!   [`bao_cao`], [`quyet_dinh`] (and nghị quyết), [`cong_van`],
//!   [`cong_dien`], [`bien_ban`], [`giay_moi`], [`giay_gioi_thieu`],
//!   [`giay_nghi_phep`]: what each kind prints, and in which order. Adding
//!   a kind is a builder here, its line in [`builder`], and its parts in
//!   [`crate::nd30::forms`].
//! - [`appendix`]: phụ lục after the signature.
//! - [`inline`]: a clerk's text with its emphasis and placeholders;
//!   [`links`]: the web and e-mail addresses in it.
//! - [`properties`]: the title, author and keywords readers' programs show.

mod appendix;
mod bao_cao;
mod bien_ban;
mod cong_dien;
mod cong_van;
mod frame;
mod giay_gioi_thieu;
mod giay_moi;
mod giay_nghi_phep;
pub mod inline;
mod links;
mod named;
mod outline;
mod properties;
mod quyet_dinh;
mod tables;
mod views;
mod warnings;

use crate::diag::{Diagnostic, Diagnostics, Result};
use crate::input::Loaded;
use crate::model::{Block, Document, Inline, Paragraph};
use crate::nd30::{self, DocKind, Mark, Outline, ParaStyle, PAGE};
use crate::templates::Templates;
use crate::text::Vars;

pub use warnings::placeholder_warnings;

/// A result with the warnings found on the way (as typst's `Warned`).
#[derive(Debug, Clone)]
pub struct Warned<T> {
    pub output: T,
    pub warnings: Vec<Diagnostic>,
}

/// Build the page model of a loaded document.
pub fn compose(doc: &Loaded, templates: &Templates) -> Result<Warned<Document>> {
    let plan = &doc.plan;
    let mut c = Composer::new(doc, templates);
    let Some(build) = builder(plan.loai) else {
        let rendered: Vec<String> = DocKind::ALL
            .iter()
            .filter(|k| builder(**k).is_some())
            .map(|k| k.name())
            .collect();
        return Err(c
            .error(
                "loai",
                format!(
                    "vanban chưa dựng được loại `{}` (no layout for this kind yet); \
                     các loại dựng được: {}",
                    plan.loai.title(),
                    rendered.join(", ")
                ),
            )
            .into());
    };
    refuse_unprinted_keys(&mut c);
    // A công văn has no tên loại: its trích yếu is the header's V/v.
    let title = (plan.loai != DocKind::CongVan).then(|| frame::title(&mut c));
    build(&mut c);
    if let Some(end) = &plan.ket_luan {
        c.paragraph(ParaStyle::Doan, None, "ket_luan", end);
    }
    frame::close_body(&mut c.blocks);
    let closing = frame::closing(&mut c);
    let appendices = appendix::all(&mut c);
    let mut header = frame::header(&mut c);
    if title.is_none() {
        header.subject = Some(c.summary());
    }
    let properties = properties::of(&c, title.as_ref(), &header);
    warnings::of_input(&mut c);
    if !c.errors.is_empty() {
        return Err(Diagnostics(c.errors));
    }
    Ok(Warned {
        output: Document {
            draft: frame::draft(&c),
            year: plan.nam,
            issued: plan.ngay,
            page: PAGE,
            header,
            title,
            blocks: c.blocks,
            closing,
            appendices,
            properties,
        },
        warnings: c.warnings,
    })
}

fn scheme_of(plan: &crate::input::Plan) -> &[Mark] {
    plan.danh_so
        .as_deref()
        .unwrap_or_else(|| plan.loai.default_scheme())
}

/// The builder of each kind's form, or none for a kind vanban does not
/// lay out yet.
fn builder(kind: DocKind) -> Option<fn(&mut Composer)> {
    use DocKind::*;
    Some(match kind {
        KeHoach | ToTrinh | ThongBao | ChiThi | HuongDan | ChuongTrinh | PhuongAn | DeAn | DuAn
        | QuyChe | QuyDinh | ThongCao => named::body,
        BaoCao => bao_cao::body,
        QuyetDinh | NghiQuyet => quyet_dinh::body,
        CongVan => cong_van::body,
        CongDien => cong_dien::body,
        BienBan => bien_ban::body,
        GiayMoi => giay_moi::body,
        GiayGioiThieu => giay_gioi_thieu::body,
        GiayNghiPhep => giay_nghi_phep::body,
        HopDong | BanGhiNho | BanThoaThuan | GiayUyQuyen | PhieuGui | PhieuChuyen | PhieuBao
        | ThuCong => return None,
    })
}

/// Content of the document that its kind's form does not print is an
/// error, never silence: each key written, against the form's parts
/// ([`nd30::forms`]).
fn refuse_unprinted_keys(c: &mut Composer) {
    let plan = &c.doc.plan;
    let serde_json::Value::Object(keys) = serde_json::to_value(plan).expect("a plan serialises")
    else {
        return;
    };
    for (key, value) in keys {
        if written(&value) && !nd30::forms::prints(plan.loai, &key) {
            c.refuse_unprinted(&key, true);
        }
    }
}

/// Whether a serialised value holds anything: the defaults of keys left
/// out (`null`, `[]`, `false`) do not.
fn written(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::Null | Value::Bool(false) => false,
        Value::Array(items) => !items.is_empty(),
        Value::Object(map) => !map.is_empty(),
        _ => true,
    }
}

/// The start of the first word of `text` wider than a line of the page,
/// where no writer can break it alike. Lines break at spaces and after `/`
/// and `-` (so addresses wrap); only pieces longer than a line's worth of
/// the narrowest letters are measured.
fn overlong_word(text: &Inline) -> Option<String> {
    const SHORTEST_OVERLONG: usize = 40;
    let line = PAGE.text_width_mm();
    text.0
        .iter()
        .flat_map(|s| s.text.split(char::is_whitespace))
        .flat_map(|w| w.split_inclusive(['/', '-']))
        .filter(|piece| piece.chars().count() > SHORTEST_OVERLONG)
        .find(|piece| crate::fonts::text_width_mm(piece, 14.0, true, false) > line)
        .map(|piece| piece.chars().take(30).collect::<String>() + "…")
}

/// What a kind's builder works with: the document, its placeholders, the
/// wording, and what has been built so far.
pub(crate) struct Composer<'a> {
    pub doc: &'a Loaded,
    pub vars: Vars<'a>,
    pub templates: &'a Templates,
    pub outline: Outline,
    pub blocks: Vec<Block>,
    /// Every error found, each located by its key; reported together.
    pub errors: Vec<Diagnostic>,
    /// What a kind's form puts in place of the signer's authority lines
    /// (`CHỦ TỌA`), and a second signature on the left (`THƯ KÝ`).
    pub signer_title: Option<String>,
    pub left_signature: Option<crate::model::Signed>,
    /// Outline levels above the headings being built: 0 in the body, 1 in
    /// a phụ lục (under its own `PHỤ LỤC` heading).
    pub outline_under: u8,
    pub warnings: Vec<Diagnostic>,
}

impl<'a> Composer<'a> {
    fn new(doc: &'a Loaded, templates: &'a Templates) -> Composer<'a> {
        let scheme = scheme_of(&doc.plan);
        Composer {
            doc,
            vars: Vars::of(doc),
            templates,
            outline: Outline::new(scheme),
            blocks: Vec::new(),
            errors: Vec::new(),
            signer_title: None,
            left_signature: None,
            outline_under: 0,
            warnings: Vec::new(),
        }
    }

    /// The outline level (1 at the top) of a heading at `depth` of the
    /// numbering being built.
    fn heading_level(&self, depth: usize) -> u8 {
        let level = usize::from(self.outline_under) + depth + 1;
        u8::try_from(level).unwrap_or(u8::MAX)
    }

    /// How the outline is numbered: the document's `danh_so`, or its kind's.
    fn scheme(&self) -> &'a [Mark] {
        scheme_of(&self.doc.plan)
    }

    /// An error about the document's value at `key`.
    fn error(&mut self, key: &str, message: String) -> Diagnostic {
        let d = Diagnostic::error(message)
            .key(key)
            .in_file(&self.doc.plan_path);
        self.errors.push(d.clone());
        d
    }

    fn warning(&mut self, key: &str, message: String) {
        let d = Diagnostic::warning(message)
            .key(key)
            .in_file(&self.doc.plan_path);
        self.warnings.push(d);
    }

    /// The clerk's text at `key`, its emphasis read and placeholders
    /// filled; on error, the text as written (the error is recorded).
    fn text(&mut self, key: &str, raw: &str) -> Inline {
        match inline::inline(raw, &self.vars) {
            Ok(t) => {
                if let Some(word) = overlong_word(&t) {
                    self.error(
                        key,
                        format!(
                            "từ `{word}` dài hơn cả một dòng mà không có chỗ ngắt (dấu cách, `/`, \
                             `-`): không dàn trang được (a word wider than the line)"
                        ),
                    );
                }
                t
            }
            Err(msg) => {
                self.error(key, msg);
                Inline::plain_text(raw)
            }
        }
    }

    /// The trích yếu, placeholders filled; its absence is an error for the
    /// kinds whose form has one (all but the giấy nghỉ phép, which never
    /// asks).
    fn summary(&mut self) -> String {
        match &self.doc.plan.trich_yeu {
            Some(raw) => self.plain("trich_yeu", raw),
            None => {
                let kind = self.doc.plan.loai.title();
                self.error(
                    "trich_yeu",
                    format!("thiếu khóa `trich_yeu` (missing field): {kind} có trích yếu"),
                );
                String::new()
            }
        }
    }

    /// Placeholders filled in plain text (no emphasis): titles, names.
    fn plain(&mut self, key: &str, raw: &str) -> String {
        match crate::text::expand(raw, &self.vars) {
            Ok(t) => t,
            Err(msg) => {
                self.error(key, msg);
                raw.to_string()
            }
        }
    }

    fn push(&mut self, p: Paragraph) {
        self.blocks.push(Block::Paragraph(p));
    }

    /// A paragraph of the clerk's text at `key`.
    fn paragraph(&mut self, style: ParaStyle, label: Option<String>, key: &str, raw: &str) {
        let text = self.text(key, raw);
        self.push(Paragraph::new(style, label, text));
    }

    /// A line of the kind's form: the wording `wording` of `file` around the
    /// clerk's `value`, which is at `key`.
    fn form_line(&mut self, file: &str, wording: &str, key: &str, value: &str) {
        let text = self.wording(file, wording, &views::ValueView { gia_tri: value });
        self.paragraph(ParaStyle::Doan, None, key, &text);
    }

    /// A part the kind's form (`Mẫu 1.9`) cannot do without is missing.
    fn required(&mut self, key: &str, form: &str) {
        let kind = self.doc.plan.loai.title().to_lowercase();
        self.error(
            key,
            format!("{kind} cần khóa `{key}` ({form}) (a {kind} needs it)"),
        );
    }

    /// The wording `key` of the kind's template file, from `view`.
    fn wording(&mut self, file: &str, key: &str, view: &impl serde::Serialize) -> String {
        match self.templates.text(file, key, view) {
            Ok(t) => t,
            Err(d) => {
                self.errors.push(d);
                String::new()
            }
        }
    }

    /// Content of the document that its kind does not print is an error,
    /// never silence.
    fn refuse_unprinted(&mut self, key: &str, present: bool) {
        if present {
            let kind = self.doc.plan.loai.title();
            self.error(
                key,
                format!("{kind} không in phần này (this kind does not print it); hãy bỏ khóa hoặc đổi `loai`"),
            );
        }
    }
}
