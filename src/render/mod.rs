//! Writers: each turns the page model into the bytes of one format.

pub mod docx;
pub mod pdf;

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

/// Render the page model in each of `formats`, in memory.
pub fn write_all(
    doc: &crate::model::Document,
    formats: &[Format],
    settings: PdfSettings,
) -> Result<Vec<(Format, Vec<u8>)>, crate::diag::Diagnostic> {
    formats
        .iter()
        .map(|&f| {
            let bytes = match f {
                Format::Docx => docx::write(doc),
                Format::Pdf => pdf::write(doc, settings)?,
            };
            Ok((f, bytes))
        })
        .collect()
}
