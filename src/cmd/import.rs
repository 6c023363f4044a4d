//! `vanban import FILE.docx`: the document's YAML, its issuer's profile and
//! the registry of what it cites, written beside each other; then the YAML
//! is loaded as `render` would load it, so what was written is known to
//! render.

use super::{word_file, Drafted};
use crate::cli::ImportArgs;
use crate::import::{self, Names};
use crate::word::WordDoc;
use anyhow::Result;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &ImportArgs) -> Result<ExitCode> {
    let doc = match word_file::open(&args.file) {
        Ok(d) => d,
        Err(d) => {
            eprintln!("{d}");
            return Ok(ExitCode::from(1));
        }
    };
    let source = args
        .file
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let plan_path = args.output.out.clone().unwrap_or_else(|| {
        let stem = args.file.file_stem().map(|s| s.to_string_lossy());
        args.file
            .with_file_name(format!("{}.yaml", stem.as_deref().unwrap_or("van-ban")))
    });
    draft(&doc, &source, &plan_path).write(args.output.force)?;
    // What was written must load as render loads it.
    match crate::input::load(&plan_path, None) {
        Ok(_) => Ok(ExitCode::SUCCESS),
        Err(d) => {
            eprintln!("{d}");
            eprintln!(
                "tệp YAML đã ghi nhưng chưa dựng được: sửa các chỗ trên rồi chạy `vanban check` \
                 (written, but does not load yet)"
            );
            Ok(ExitCode::from(1))
        }
    }
}

/// The files an import of `doc` (read from the file named `source`) writes:
/// the document's YAML at `plan_path`, and beside it its issuer's profile,
/// the joint issuer's if any, and the registry of what it cites.
pub fn draft(doc: &WordDoc, source: &str, plan_path: &Path) -> Drafted {
    let dir = plan_path
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let plan_stem = plan_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "van-ban".into());
    let profile_name = format!("{plan_stem}.don-vi.yaml");
    let joint_name = format!("{plan_stem}.lien-tich.yaml");
    let registry_name = format!("{plan_stem}.van-ban.yaml");
    let imported = import::import(
        doc,
        &Names {
            profile: &profile_name,
            joint_profile: &joint_name,
            registry: &registry_name,
            source,
        },
    );
    let mut files = vec![
        (plan_path.to_path_buf(), imported.plan),
        (dir.join(&profile_name), imported.profile),
        (dir.join(&registry_name), imported.registry),
    ];
    if let Some(joint) = imported.joint_profile {
        files.push((dir.join(&joint_name), joint));
    }
    Drafted {
        files,
        said: Vec::new(),
        warnings: (imported.warnings.into_iter())
            .map(|w| w.in_file(plan_path))
            .collect(),
    }
}
