//! `vanban check`: load, compose and check documents; write nothing.

use crate::check;
use crate::cli::CheckArgs;
use crate::diag::Diagnostic;
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

/// What kind of input a file is, from its top-level keys, so that `check
/// data/*.yaml` checks profiles and registries as what they are.
enum FileKind {
    Document,
    Profile,
    Registry,
}

fn kind_of(file: &Path) -> FileKind {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let Ok(serde_norway::Value::Mapping(map)) =
        serde_norway::from_str::<serde_norway::Value>(&text)
    else {
        return FileKind::Document;
    };
    let has = |k: &str| map.contains_key(k);
    if has("loai") {
        FileKind::Document
    } else if has("ten_co_quan") {
        FileKind::Profile
    } else if !map.is_empty() && map.values().all(|v| v.get("so").is_some()) {
        FileKind::Registry
    } else {
        FileKind::Document
    }
}

fn findings(file: &Path, profile: Option<&Path>, templates: &Templates) -> Vec<Diagnostic> {
    if super::word_file::is_word(file) {
        return match super::word_file::open(file) {
            Ok(doc) => crate::lint::lint(&doc, file),
            Err(d) => vec![d],
        };
    }
    match kind_of(file) {
        FileKind::Profile => {
            return match input::yaml::load::<input::Profile>(file) {
                Ok(p) => {
                    let mut found = compose::placeholder_warnings(&p, file);
                    check::locate(&mut found);
                    found
                }
                Err(d) => d.0,
            };
        }
        FileKind::Registry => {
            return match input::yaml::load::<input::Registry>(file) {
                Ok(_) => Vec::new(),
                Err(d) => d.0,
            };
        }
        FileKind::Document => {}
    }
    let loaded = match input::load(file, profile) {
        Ok(l) => l,
        Err(d) => return d.0,
    };
    match compose::compose(&loaded, templates) {
        Ok(composed) => check::check(&loaded, Some(&composed)),
        Err(mut d) => {
            check::locate(&mut d.0);
            let mut all = d.0;
            all.extend(check::check(&loaded, None));
            all
        }
    }
}
