//! `vanban batch`: the document rendered for many units in parallel, each
//! into its own folder; one unit's failure does not stop the others.

use super::output::write_atomic;
use crate::batch::{self, Unit};
use crate::cli::BatchArgs;
use crate::diag::Diagnostic;
use crate::input::{self, Loaded};
use crate::render::{self, Format, PdfSettings};
use crate::{compose, templates::Templates};
use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::process::ExitCode;

pub fn run(args: &BatchArgs) -> Result<ExitCode> {
    let base = match super::load_or_report(&args.file, None) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let units = match (&args.don_vi_dir, &args.csv, &args.tinh) {
        (Some(dir), _, _) => batch::units_from_dir(dir),
        (None, Some(csv), Some(tinh)) => batch::units_from_csv(csv, tinh, args.cap, &base.profile),
        _ => unreachable!("clap requires a source of units"),
    };
    let units = match units {
        Ok(u) => u,
        Err(msg) => {
            eprintln!("{}", Diagnostic::error(msg));
            return Ok(ExitCode::from(1));
        }
    };
    let formats = match args.format {
        Some(f) => vec![f],
        None => vec![Format::Docx, Format::Pdf],
    };
    let templates = Templates::new(None).map_err(|d| anyhow::anyhow!("{d}"))?;
    let stem = args.file.file_stem().context("tên tệp không hợp lệ")?;

    let bar = ProgressBar::new(units.len() as u64).with_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} đơn vị · {elapsed} · còn {eta}")
            .expect("static template"),
    );
    // Typst's layout recurses deeply: rayon's default 2 MB stacks overflow
    // on it in unoptimised builds, so the batch runs on its own pool.
    let pool = rayon::ThreadPoolBuilder::new()
        .stack_size(32 << 20)
        .build()
        .context("không tạo được luồng (thread pool)")?;
    let results: Vec<(String, Result<(), String>)> = pool.install(|| {
        units
            .par_iter()
            .map(|unit| {
                let dir = args.out.join(&unit.slug);
                let result = render_unit(&base, unit, &templates, &formats, &dir, stem);
                bar.inc(1);
                (unit.slug.clone(), result)
            })
            .collect()
    });
    bar.finish_and_clear();

    let failed: Vec<&(String, Result<(), String>)> =
        results.iter().filter(|(_, r)| r.is_err()).collect();
    let guessed: Vec<&str> = units
        .iter()
        .filter(|u| u.note.is_some())
        .map(|u| u.slug.as_str())
        .collect();
    if !guessed.is_empty() {
        eprintln!(
            "cảnh báo (warning): cấp (xã/phường) của {} đơn vị được đoán từ các đơn vị cũ, vì CSV không ghi; \
             dùng --cap để chỉ rõ (level guessed): {}",
            guessed.len(),
            guessed.join(", ")
        );
    }
    println!(
        "Xong {} đơn vị, lỗi {} (done {}, failed {}), vào {}",
        results.len() - failed.len(),
        failed.len(),
        results.len() - failed.len(),
        failed.len(),
        args.out.display()
    );
    for (slug, result) in &failed {
        if let Err(reason) = result {
            println!("  lỗi {slug}: {reason}");
        }
    }
    Ok(if failed.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn render_unit(
    base: &Loaded,
    unit: &Unit,
    templates: &Templates,
    formats: &[Format],
    dir: &std::path::Path,
    stem: &std::ffi::OsStr,
) -> Result<(), String> {
    let (profile, path) = unit.profile.clone()?;
    let loaded = input::for_unit(base, profile, path);
    let doc = compose::compose(&loaded, templates).map_err(|d| d.to_string())?;
    let outputs =
        render::write_all(&doc, formats, PdfSettings::default()).map_err(|d| d.to_string())?;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for (f, bytes) in outputs {
        write_atomic(&dir.join(stem).with_extension(f.extension()), &bytes)
            .map_err(|e| format!("{e:#}"))?;
    }
    Ok(())
}
