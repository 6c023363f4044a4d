//! `vanban next-year`: write next year's plan beside this year's.

use super::Drafted;
use crate::cli::NextYearArgs;
use crate::diag::Diagnostic;
use crate::input::Loaded;
use crate::next_year;
use anyhow::Result;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &NextYearArgs) -> Result<ExitCode> {
    let loaded = match super::load_or_report(&args.file, None) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    match draft(&loaded, args.output.out.as_deref()) {
        Ok(drafted) => drafted.write(args.output.force),
        Err(d) => {
            eprintln!("{d}");
            Ok(ExitCode::from(1))
        }
    }
}

/// Next year's plan from `loaded`, as it was read from disk (the roll keeps
/// the file's own comments and layout): written to `out`, or beside it
/// under the next year's name. This year's file is never the output.
pub fn draft(loaded: &Loaded, out: Option<&Path>) -> Result<Drafted, Diagnostic> {
    let file = &loaded.plan_path;
    let rolled = next_year::roll(&loaded.plan_text, &loaded.plan, &loaded.registry)
        .map_err(|msg| Diagnostic::error(msg).in_file(file))?;
    let out = match out {
        Some(p) => p.to_path_buf(),
        None => {
            let stem = file
                .file_stem()
                .ok_or_else(|| Diagnostic::error("tên tệp không hợp lệ (bad file name)"))?
                .to_string_lossy();
            let name = next_year::next_file_name(&stem, loaded.plan.nam, rolled.year);
            file.with_file_name(name)
        }
    };
    if same_file(&out, file) {
        return Err(Diagnostic::error(format!(
            "tệp đích trùng tệp gốc {} (output is the input): tệp năm nay không bị sửa",
            out.display()
        )));
    }
    let mut said = vec![format!("kế hoạch năm {}", rolled.year)];
    if rolled.findings.is_empty() {
        said.push("Không có mục nào cần kiểm tra.".into());
    } else {
        said.push(format!(
            "Cần kiểm tra ({} mục, ghi ở khóa `{}`):",
            rolled.findings.len(),
            next_year::MARKER_KEY
        ));
        for f in &rolled.findings {
            said.push(format!("  {}:{}: {}", out.display(), f.line, f.what));
        }
    }
    Ok(Drafted {
        files: vec![(out, rolled.text)],
        said,
        warnings: Vec::new(),
    })
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
