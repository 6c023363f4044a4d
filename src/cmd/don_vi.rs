//! `vanban don-vi`: find a unit in the national list, write its profile.

use super::output::{refuse_overwrite, write_atomic};
use crate::batch::slug;
use crate::cli::{DonViCommand, ListArgs};
use crate::diag::Diagnostic;
use crate::national::{self, Level, Listed};
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(command: &DonViCommand) -> Result<ExitCode> {
    match command {
        DonViCommand::Tim { ten, list } => with_list(list, |units| find(units, ten, list)),
        DonViCommand::Tao {
            ten,
            list,
            cap,
            out,
            force,
        } => with_list(list, |units| {
            create(
                units,
                ten,
                list.tinh.as_deref(),
                *cap,
                out.as_deref(),
                *force,
            )
        }),
    }
}

/// Run `f` over the built-in list, or the clerk's own.
fn with_list(args: &ListArgs, f: impl FnOnce(&[Listed]) -> Result<ExitCode>) -> Result<ExitCode> {
    match &args.csv {
        None => f(national::built_in()),
        Some(path) => match national::read(path) {
            Ok(own) => f(&own),
            Err(msg) => refuse(msg),
        },
    }
}

fn refuse(msg: String) -> Result<ExitCode> {
    eprintln!("{}", Diagnostic::error(msg));
    Ok(ExitCode::from(1))
}

/// `Gia Lâm (Hà Nội) — trước đây: Xã Dương Xá, …`, one unit a line.
fn find(units: &[Listed], query: &str, args: &ListArgs) -> Result<ExitCode> {
    let found = national::find(units, query, args.tinh.as_deref());
    if found.is_empty() {
        let within = args
            .tinh
            .as_deref()
            .map(|p| format!(" của tỉnh `{p}`"))
            .unwrap_or_default();
        return refuse(format!(
            "không có đơn vị nào{within} có tên giống `{query}` (no unit found)"
        ));
    }
    for unit in found {
        println!(
            "{} ({}) — trước đây (formerly): {}",
            unit.name,
            crate::names::province_title(&unit.province),
            unit.former
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn create(
    units: &[Listed],
    name: &str,
    province: Option<&str>,
    level: Level,
    out: Option<&Path>,
    force: bool,
) -> Result<ExitCode> {
    let unit = match one_unit(units, name, province) {
        Ok(u) => u,
        Err(msg) => return refuse(msg),
    };
    let (word, guessed) = level.of(unit);
    let profile = national::new_profile(unit, word, guessed);
    let path = match out {
        Some(p) => p.to_path_buf(),
        None => PathBuf::from(format!("{}.yaml", slug(&unit.name))),
    };
    refuse_overwrite(&path, force)?;
    let body = serde_norway::to_string(&profile).context("hồ sơ không ghi được ra YAML")?;
    let text = format!(
        "# Hồ sơ đơn vị: Ủy ban nhân dân {} ({}), do `vanban don-vi tao` soạn từ {}.\n\
         # Điền các giá trị «…» (người ký) và xác minh các mục `can_xac_minh`, rồi xóa chúng.\n\n{body}",
        profile.full_name(),
        profile.tinh.as_deref().unwrap_or_default(),
        national::SOURCE,
    );
    write_atomic(&path, text.as_bytes())?;
    println!(
        "{}: hồ sơ đơn vị {} ({})",
        path.display(),
        profile.full_name(),
        profile.tinh.as_deref().unwrap_or_default()
    );
    println!("Cần điền hoặc xác minh (to fill in or confirm):");
    for (key, value) in profile.placeholders() {
        println!("  {key}: {value}");
    }
    for item in &profile.can_xac_minh {
        println!("  can_xac_minh: {item}");
    }
    Ok(ExitCode::SUCCESS)
}

/// The one unit `name` names: its exact spelling wins over names that
/// differ only in tones (Lộc Thành, Lộc Thạnh); several left is an error
/// that lists them.
fn one_unit<'a>(
    units: &'a [Listed],
    name: &str,
    province: Option<&str>,
) -> Result<&'a Listed, String> {
    let folded = crate::names::fold(name);
    let same: Vec<&Listed> = national::find(units, name, province)
        .into_iter()
        .filter(|u| crate::names::fold(&u.name) == folded)
        .collect();
    let spelt: Vec<&Listed> = same
        .iter()
        .copied()
        .filter(|u| u.name.to_lowercase() == name.trim().to_lowercase())
        .collect();
    let candidates = if spelt.is_empty() { same } else { spelt };
    let listing = |units: &[&Listed]| {
        units
            .iter()
            .map(|u| format!("{} ({})", u.name, u.province))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match candidates.as_slice() {
        [one] => Ok(one),
        [] => {
            let near = national::find(units, name, province);
            let hint = if near.is_empty() {
                "dùng `vanban don-vi tim` để tìm".to_string()
            } else {
                format!("có: {}", listing(&near[..near.len().min(8)]))
            };
            Err(format!(
                "không có đơn vị tên `{name}` (no such unit); {hint}"
            ))
        }
        many => Err(format!(
            "có {} đơn vị tên `{name}`: {}; hãy ghi đúng dấu hoặc thêm --tinh (several units)",
            many.len(),
            listing(many)
        )),
    }
}
