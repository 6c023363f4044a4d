//! `vanban report`: draft the year-end report of a plan, beside it.

use super::output::write_atomic;
use crate::cli::ReportArgs;
use crate::diag::Diagnostic;
use crate::report;
use anyhow::{Context, Result};
use std::process::ExitCode;

pub fn run(args: &ReportArgs) -> Result<ExitCode> {
    let loaded = match super::load_or_report(&args.file, None) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    if loaded.plan.loai != crate::nd30::DocKind::KeHoach {
        eprintln!(
            "{}",
            Diagnostic::error(
                "chỉ soạn được báo cáo từ một kế hoạch (`loai: ke_hoach`) (not a plan)"
            )
            .key("loai")
            .in_file(&args.file)
        );
        return Ok(ExitCode::from(1));
    }
    let draft = report::draft(&loaded.plan, &loaded.profile);
    let from = args
        .file
        .file_name()
        .context("tên tệp không hợp lệ")?
        .to_string_lossy();
    let out = match &args.output.out {
        Some(p) => p.clone(),
        None => args.file.with_file_name(format!("bao-cao-{from}")),
    };
    super::output::refuse_overwrite(&out, args.output.force)?;
    // Keep the editor's schema hint of the plan, if it has one.
    let source = std::fs::read_to_string(&args.file).unwrap_or_default();
    let hint = source
        .lines()
        .next()
        .filter(|l| l.starts_with("# yaml-language-server:"))
        .map(|l| format!("{l}\n"))
        .unwrap_or_default();
    write_atomic(
        &out,
        format!("{hint}{}", report::to_yaml(&draft, &from)).as_bytes(),
    )?;
    println!(
        "{}: báo cáo với {} nhiệm vụ và {} chỉ tiêu cần điền",
        out.display(),
        draft.ket_qua.len(),
        draft.chi_tieu.len()
    );
    Ok(ExitCode::SUCCESS)
}
