//! One module per subcommand; only these write files.

pub mod batch;
pub mod check;
pub mod don_vi;
pub mod import;
pub mod next_year;
pub mod output;
pub mod render;
pub mod report;
pub mod word_file;

use crate::input::{self, Loaded};
use std::path::Path;
use std::process::ExitCode;

/// Load a document, or print why not: the caller exits with the code.
pub fn load_or_report(path: &Path, profile: Option<&Path>) -> Result<Loaded, ExitCode> {
    input::load(path, profile).map_err(|d| {
        eprintln!("{d}");
        ExitCode::from(1)
    })
}
