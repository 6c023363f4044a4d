//! Writers: each turns the page model into the bytes of one format.

pub mod docx;
pub mod pdf;
pub mod preview;

pub use pdf::PdfSettings;

/// An output format of `vanban render`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Docx,
    Pdf,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

/// The pages a document may have unless the clerk raises the limit
/// (`--trang-toi-da`): a plan or a report of a commune is a few dozen; a
/// longer file is most likely a mistake, and laying it out costs time and
/// memory (100,000 khoản: 13 s and 2.6 GB).
pub const MAX_PAGES: usize = 300;

/// Refuse a document estimated longer than `max_pages`, before any layout.
pub fn within(
    doc: &crate::model::Document,
    max_pages: usize,
) -> Result<(), crate::diag::Diagnostic> {
    let pages = doc.estimated_pages();
    if pages > max_pages {
        return Err(crate::diag::Diagnostic::error(format!(
            "văn bản khoảng {pages} trang, quá giới hạn {max_pages} trang; nếu đúng là văn bản \
             dài như vậy, dùng --trang-toi-da {} (document too long)",
            pages.next_multiple_of(100)
        )));
    }
    Ok(())
}

/// The stack a thread laying out a document needs: typst recurses deeply
/// on long documents and nested outlines, beyond a default thread's 2 MB.
pub const LAYOUT_STACK: usize = 32 << 20;

/// Rendered files, each with its format, in the order they were asked for.
pub type Outputs = Vec<(Format, Vec<u8>)>;

/// Render the page model in each of `formats`, in memory. The PDF is laid
/// out on this thread (typst recurses deeply; callers give it a big stack)
/// while the DOCX is written on a second one.
pub fn write_all(
    doc: &crate::model::Document,
    formats: &[Format],
    settings: PdfSettings,
) -> Result<Outputs, crate::diag::Diagnostic> {
    let wanted = |f: Format| formats.contains(&f);
    let (mut docx, mut pdf) = std::thread::scope(|scope| {
        let docx = wanted(Format::Docx).then(|| scope.spawn(|| docx::write(doc)));
        let pdf = wanted(Format::Pdf)
            .then(|| pdf::write(doc, settings))
            .transpose();
        let docx = docx.map(|handle| {
            handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        pdf.map(|pdf| (docx, pdf))
    })?;
    Ok(formats
        .iter()
        .filter_map(|&f| {
            let bytes = match f {
                Format::Docx => docx.take(),
                Format::Pdf => pdf.take(),
            };
            bytes.map(|b| (f, b))
        })
        .collect())
}
