//! `vanban check`: load, compose and check documents; write nothing.

use crate::check;
use crate::cli::CheckArgs;
use crate::diag::Diagnostic;
use crate::{compose, input, templates::Templates};
use anyhow::Result;
use std::process::ExitCode;

pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let templates = match Templates::new(None) {
        Ok(t) => t,
        Err(d) => {
            eprintln!("{d}");
            return Ok(ExitCode::from(1));
        }
    };
    let (mut errors, mut warnings) = (0, 0);
    for file in &args.files {
        let findings = findings(file, args.don_vi.as_deref(), &templates);
        for d in &findings {
            println!("{d}");
        }
        errors += findings.iter().filter(|d| d.is_error()).count();
        warnings += findings.iter().filter(|d| !d.is_error()).count();
    }
    println!(
        "{} tệp: {errors} lỗi, {warnings} cảnh báo ({errors} errors, {warnings} warnings)",
        args.files.len()
    );
    Ok(if errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn findings(
    file: &std::path::Path,
    profile: Option<&std::path::Path>,
    templates: &Templates,
) -> Vec<Diagnostic> {
    let loaded = match input::load(file, profile) {
        Ok(l) => l,
        Err(d) => return d.0,
    };
    match compose::compose(&loaded, templates) {
        Ok(doc) => check::check(&loaded, Some(&doc)),
        Err(mut d) => {
            check::locate(&mut d.0);
            let mut all = d.0;
            all.extend(check::check(&loaded, None));
            all
        }
    }
}
