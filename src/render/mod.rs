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
