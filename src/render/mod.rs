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
