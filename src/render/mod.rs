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

/// Render the page model in each of `formats`, in memory. The PDF is laid
/// out on this thread (typst recurses deeply; callers give it a big stack)
/// while the DOCX is written on a second one.
pub fn write_all(
    doc: &crate::model::Document,
    formats: &[Format],
    settings: PdfSettings,
) -> Result<Vec<(Format, Vec<u8>)>, crate::diag::Diagnostic> {
    let write = |f: Format| match f {
        Format::Docx => Ok(docx::write(doc)),
        Format::Pdf => pdf::write(doc, settings),
    };
    std::thread::scope(|scope| {
        let side: Vec<_> = formats
            .iter()
            .filter(|&&f| f != Format::Pdf)
            .map(|&f| (f, scope.spawn(move || write(f))))
            .collect();
        let pdf = formats
            .contains(&Format::Pdf)
            .then(|| write(Format::Pdf))
            .transpose()?;
        let mut done: Vec<(Format, Vec<u8>)> = pdf.map(|b| (Format::Pdf, b)).into_iter().collect();
        for (f, handle) in side {
            let bytes = handle
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            done.push((f, bytes));
        }
        done.sort_by_key(|(f, _)| formats.iter().position(|x| x == f));
        Ok(done)
    })
}
