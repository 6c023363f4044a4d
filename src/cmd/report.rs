//! `vanban report`: draft the year-end report of a plan, beside it.

use super::Drafted;
use crate::cli::ReportArgs;
use crate::diag::Diagnostic;
use crate::input::Loaded;
use crate::report;
use anyhow::Result;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &ReportArgs) -> Result<ExitCode> {
    let loaded = match super::load_or_report(&args.file, None) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let source = std::fs::read_to_string(&args.file).unwrap_or_default();
    match draft(&loaded, &source, args.output.out.as_deref()) {
        Ok(drafted) => drafted.write(args.output.force),
        Err(d) => {
            eprintln!("{d}");
            Ok(ExitCode::from(1))
        }
    }
}

/// The report of the plan `loaded` (read from `source`): written to `out`,
/// or beside the plan as `bao-cao-<plan's name>`.
pub fn draft(loaded: &Loaded, source: &str, out: Option<&Path>) -> Result<Drafted, Diagnostic> {
    let file = &loaded.plan_path;
    if loaded.plan.loai != crate::nd30::DocKind::KeHoach {
        return Err(Diagnostic::error(
            "chỉ soạn được báo cáo từ một kế hoạch (`loai: ke_hoach`) (not a plan)",
        )
        .key("loai")
        .in_file(file));
    }
    let draft = report::draft(&loaded.plan, &loaded.profile);
    let from = file
        .file_name()
        .ok_or_else(|| Diagnostic::error("tên tệp không hợp lệ (bad file name)"))?
        .to_string_lossy();
    let out = match out {
        Some(p) => p.to_path_buf(),
        None => file.with_file_name(format!("bao-cao-{from}")),
    };
    // Keep the editor's schema hint of the plan, if it has one.
    let hint = source
        .lines()
        .next()
        .filter(|l| l.starts_with("# yaml-language-server:"))
        .map(|l| format!("{l}\n"))
        .unwrap_or_default();
    let said = format!(
        "báo cáo với {} nhiệm vụ và {} chỉ tiêu cần điền",
        draft.ket_qua.len(),
        draft.chi_tieu.len()
    );
    Ok(Drafted {
        files: vec![(out, format!("{hint}{}", report::to_yaml(&draft, &from)))],
        said: vec![said],
        warnings: Vec::new(),
    })
}
