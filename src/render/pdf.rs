//! PDF writer: the page model laid out by typst, used as a library.
//!
//! The World here is the only door typst has to the outside (as in typst's
//! own design): it knows the layout file built into the binary, the
//! document's data as `/data.json`, and the bundled fonts. It reads no disk
//! and has no clock, so the same model always gives the same bytes.

use crate::diag::Diagnostic;
use crate::fonts;
use crate::model::Document;
use crate::nd30::{self, ParaStyle, StyleSpec};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

const LAYOUT: &str = include_str!("../../templates/van_ban.typ");

/// Options of the PDF output.
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfSettings {
    /// PDF/A-2b, for archiving.
    pub archival: bool,
}

/// What does not change from one document to the next: the standard
/// library, the fonts and the parsed layout. Built once per process.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    main: Source,
    data_id: FileId,
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("static virtual path is valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = fonts::FILES
            .iter()
            .flat_map(|bytes| Font::iter(Bytes::new(*bytes)))
            .collect();
        Shared {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            main: Source::new(file_id("/van_ban.typ"), LAYOUT.to_string()),
            data_id: file_id("/data.json"),
        }
    })
}

/// Build what all documents share (fonts, standard library, layout) and
/// hash it, so that the first `write` finds it ready. A command calls this
/// on a spare thread while it reads and composes the document.
pub fn prepare() {
    use std::hash::{Hash, Hasher};
    let shared = shared();
    // The hashes are what typst's caches key on; `LazyHash` computes them
    // on first use, which would otherwise fall inside the first compile.
    // A font's hash covers its whole file (1.5 MB for the four), about a
    // millisecond that the first shaped word would otherwise wait for.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    shared.library.hash(&mut hasher);
    shared.book.hash(&mut hasher);
    shared.fonts.hash(&mut hasher);
    let _ = hasher.finish();
}

/// One document's world: the shared parts and its data.
struct DocWorld {
    shared: &'static Shared,
    data: Bytes,
}

impl World for DocWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.shared.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.shared.main.id() {
            Ok(self.shared.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.shared.data_id {
            Ok(self.data.clone())
        } else {
            // Nothing else exists: a `read()` in the layout finds no disk.
            Err(FileError::NotFound(id.vpath().get_without_slash().into()))
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// What the layout file reads from `/data.json`.
#[derive(Serialize)]
struct LayoutData<'a> {
    doc: &'a Document,
    styles: BTreeMap<String, StyleSpec>,
    font: &'static str,
    line: fonts::LineMetrics,
    lang: (&'static str, &'static str),
}

fn style_key(s: ParaStyle) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .expect("styles serialise as names")
}

/// The layout file built into vanban: `/van_ban.typ`, which reads the
/// document from `/data.json` (see [`layout_data`]). With both, the typst
/// command line can compile the same page (the benchmark compares them).
pub const LAYOUT_FILE: &str = LAYOUT;

/// What the layout file reads as `/data.json` for `doc`.
pub fn layout_data(doc: &Document) -> Vec<u8> {
    let data = LayoutData {
        doc,
        styles: ParaStyle::ALL
            .iter()
            .map(|s| (style_key(*s), s.spec()))
            .collect(),
        font: fonts::FAMILY,
        line: fonts::line_metrics(),
        lang: nd30::LANGUAGE,
    };
    serde_json::to_vec(&data).expect("model serialises")
}

/// Render the page model as PDF bytes.
pub fn write(doc: &Document, settings: PdfSettings) -> Result<Vec<u8>, Diagnostic> {
    if settings.archival && doc.issued.is_none() {
        return Err(Diagnostic::error(
            "PDF/A cần ngày của văn bản, mà bản dự thảo chưa có `ngay`: lưu trữ bản đã ban hành \
             (PDF/A needs the document's date; a draft has none)",
        ));
    }
    let document = layout(doc)?;
    let standards = if settings.archival {
        PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|e| Diagnostic::error(format!("PDF/A-2b: {}", e.message())))?
    } else {
        PdfStandards::default()
    };
    // The document's own date, never the clock, so the bytes do not change;
    // a draft has none, and says none.
    let timestamp = doc.issued.and_then(|date| {
        Datetime::from_ymd_hms(date.year.into(), date.month, date.day, 0, 0, 0)
            .map(Timestamp::new_utc)
    });
    let options = PdfOptions {
        ident: Smart::Custom("vanban".into()),
        creator: Smart::Custom(Some(format!("vanban {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| typst_error("xuất PDF", &errors))
}

/// The pages of `doc` as typst lays them out: what the PDF is written from,
/// and the editor's preview ([`super::preview`]).
pub fn layout(doc: &Document) -> Result<PagedDocument, Diagnostic> {
    if let Some(c) = fonts::missing_glyph(&doc.reading_order()) {
        return Err(fonts::missing_glyph_error(c));
    }
    let world = DocWorld {
        shared: shared(),
        data: Bytes::new(layout_data(doc)),
    };
    typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| typst_error("dàn trang", &errors))
}

fn typst_error(stage: &str, errors: &[typst::diag::SourceDiagnostic]) -> Diagnostic {
    let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
    Diagnostic::error(format!(
        "lỗi {stage} PDF (typst): {} — đây là lỗi của vanban, xin báo lại (internal error)",
        messages.join("; ")
    ))
}
