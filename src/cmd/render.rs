//! `vanban render`: one YAML document to DOCX and PDF in the output folder.

use super::output::write_atomic;
use crate::cli::RenderArgs;
use crate::diag::Diagnostic;
use crate::render::{self, Format, Outputs, PdfSettings};
use crate::{input, templates::Templates};
use anyhow::{Context, Result};
use std::process::ExitCode;

pub fn run(args: &RenderArgs) -> Result<ExitCode> {
    let formats = match args.format {
        Some(f) => vec![f],
        None => vec![Format::Docx, Format::Pdf],
    };
    if formats.contains(&Format::Pdf) {
        // Fonts and typst's library load on the other core meanwhile.
        std::thread::spawn(render::pdf::prepare);
    }
    // Everything is rendered in memory first: on any error, nothing is written.
    let rendered = match render_all(args, &formats) {
        Ok(r) => r,
        Err(diagnostics) => {
            for d in diagnostics {
                eprintln!("{d}");
            }
            return Ok(ExitCode::from(1));
        }
    };
    std::fs::create_dir_all(&args.out).with_context(|| {
        format!(
            "không tạo được thư mục {} (cannot create folder)",
            args.out.display()
        )
    })?;
    let stem = args
        .file
        .file_stem()
        .context("tên tệp không hợp lệ (bad file name)")?;
    // The file name is the input's stem, so every output stays inside the
    // output folder; each target is vetted before any is written.
    let targets: Vec<_> = rendered
        .into_iter()
        .map(|(format, bytes)| {
            (
                args.out.join(stem).with_extension(format.extension()),
                bytes,
            )
        })
        .collect();
    for (path, _) in &targets {
        super::output::refuse_symlink(path)?;
    }
    for (path, bytes) in targets {
        write_atomic(&path, &bytes)?;
        println!("{}", path.display());
    }
    Ok(ExitCode::SUCCESS)
}

fn render_all(args: &RenderArgs, formats: &[Format]) -> Result<Outputs, Vec<Diagnostic>> {
    let loaded = input::load(&args.file, args.don_vi.as_deref()).map_err(|d| d.0)?;
    let templates = Templates::new(args.templates.as_deref()).map_err(|d| vec![d])?;
    let settings = PdfSettings {
        archival: args.pdfa,
    };
    // The decree's checks first: warnings are shown, errors refuse.
    let (outputs, warnings) =
        super::render_checked(&loaded, &templates, args.max_pages, formats, settings)?;
    for d in warnings {
        eprintln!("{d}");
    }
    Ok(outputs)
}
