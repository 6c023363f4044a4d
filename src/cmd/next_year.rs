//! `vanban next-year`: write next year's plan beside this year's.

use super::output::write_atomic;
use crate::cli::NextYearArgs;
use crate::diag::Diagnostic;
use crate::next_year;
use anyhow::{bail, Context, Result};
use std::process::ExitCode;

pub fn run(args: &NextYearArgs) -> Result<ExitCode> {
    let loaded = match super::load_or_report(&args.file, None) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let source = std::fs::read_to_string(&args.file)
        .with_context(|| format!("không đọc được {} (cannot read)", args.file.display()))?;
    let rolled = match next_year::roll(&source, &loaded.plan, &loaded.registry) {
        Ok(r) => r,
        Err(msg) => {
            eprintln!("{}", Diagnostic::error(msg).in_file(&args.file));
            return Ok(ExitCode::from(1));
        }
    };
    let out = match &args.output.out {
        Some(p) => p.clone(),
        None => {
            let stem = args
                .file
                .file_stem()
                .context("tên tệp không hợp lệ")?
                .to_string_lossy();
            let name = next_year::next_file_name(&stem, loaded.plan.nam, rolled.year);
            args.file.with_file_name(name)
        }
    };
    if same_file(&out, &args.file) {
        bail!(
            "tệp đích trùng tệp gốc {} (output is the input): tệp năm nay không bị sửa",
            out.display()
        );
    }
    super::output::refuse_overwrite(&out, args.output.force)?;
    write_atomic(&out, rolled.text.as_bytes())?;
    println!("{}: kế hoạch năm {}", out.display(), rolled.year);
    if rolled.findings.is_empty() {
        println!("Không có mục nào cần kiểm tra.");
    } else {
        println!(
            "Cần kiểm tra ({} mục, ghi ở khóa `{}`):",
            rolled.findings.len(),
            next_year::MARKER_KEY
        );
        for f in &rolled.findings {
            println!("  {}:{}: {}", out.display(), f.line, f.what);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
