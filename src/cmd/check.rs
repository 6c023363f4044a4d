//! `vanban check`: load, compose and check documents; write nothing.

use crate::check;
use crate::cli::CheckArgs;
use crate::diag::Diagnostic;
use crate::input::SchemaKind;
use crate::{compose, input, templates::Templates};
use anyhow::Result;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &CheckArgs) -> Result<ExitCode> {
    let templates = match Templates::new(args.templates.as_deref()) {
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

fn findings(file: &Path, profile: Option<&Path>, templates: &Templates) -> Vec<Diagnostic> {
    if super::word_file::is_word(file) {
        return match super::word_file::open(file) {
            Ok(doc) => crate::lint::lint(&doc, file),
            Err(d) => vec![d],
        };
    }
    let text = match input::yaml::read(file) {
        Ok(t) => t,
        Err(d) => return d.0,
    };
    match SchemaKind::of_text(&text) {
        SchemaKind::VanBan => match input::load_text(&text, file, profile) {
            Ok(loaded) => super::compose_and_check(&loaded, templates).findings,
            Err(d) => d.0,
        },
        kind => side_file_findings(kind, &text, file),
    }
}

/// The findings of a unit profile or a registry, from its text: what the
/// YAML reader finds, and in a profile the placeholders left to fill in.
/// (A document's are [`super::compose_and_check`]'s.)
pub fn side_file_findings(kind: SchemaKind, text: &str, file: &Path) -> Vec<Diagnostic> {
    match kind {
        SchemaKind::DonVi => match input::yaml::parse::<input::Profile>(text, file) {
            Ok(p) => {
                let mut found = compose::placeholder_warnings(&p, file);
                check::locate(&mut found, &[(file, text)]);
                found
            }
            Err(d) => d.0,
        },
        SchemaKind::DanhMuc => match input::yaml::parse::<input::Registry>(text, file) {
            Ok(_) => Vec::new(),
            Err(d) => d.0,
        },
        SchemaKind::VanBan => Vec::new(),
    }
}
