//! One module per subcommand; only these write files.

pub mod batch;
pub mod check;
pub mod don_vi;
pub mod import;
pub mod next_year;
pub mod output;
pub mod render;
pub mod report;
pub mod serve;
pub mod word_file;

use crate::compose;
use crate::diag::Diagnostic;
use crate::input::{self, Loaded};
use crate::model::Document;
use crate::render::{within, write_all, Format, Outputs, PdfSettings};
use crate::templates::Templates;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A document composed and checked: its page model where it composes, and
/// every finding, errors and warnings, located.
pub struct Checked {
    pub page: Option<Document>,
    pub findings: Vec<Diagnostic>,
}

impl Checked {
    /// The page model, if nothing the clerk must fix was found; otherwise
    /// every finding, to print. (`render` and the editor's downloads.)
    pub fn page_or_findings(self) -> Result<(Document, Vec<Diagnostic>), Vec<Diagnostic>> {
        match self.page {
            Some(page) if !self.findings.iter().any(Diagnostic::is_error) => {
                Ok((page, self.findings))
            }
            _ => Err(self.findings),
        }
    }
}

/// `render`'s rules from a loaded document to its files, in memory: the
/// outputs and the warnings to show, or, where the decree's checks find an
/// error or the document is longer than `max_pages`, every finding.
pub fn render_checked(
    loaded: &Loaded,
    templates: &Templates,
    max_pages: usize,
    formats: &[Format],
    settings: PdfSettings,
) -> Result<(Outputs, Vec<Diagnostic>), Vec<Diagnostic>> {
    let (page, mut warnings) = compose_and_check(loaded, templates).page_or_findings()?;
    let rendered = within(&page, max_pages).and_then(|()| write_all(&page, formats, settings));
    match rendered {
        Ok(outputs) => Ok((outputs, warnings)),
        Err(d) => {
            warnings.push(d.in_file(&loaded.plan_path));
            Err(warnings)
        }
    }
}

/// Compose `loaded` and run the decree's checks over what the clerk typed
/// and what composing found: every finding of the file at once.
pub fn compose_and_check(loaded: &Loaded, templates: &Templates) -> Checked {
    match compose::compose(loaded, templates) {
        Ok(composed) => Checked {
            findings: crate::check::check(loaded, Some(&composed)),
            page: Some(composed.output),
        },
        Err(mut d) => {
            crate::check::locate(&mut d.0, &[loaded.source()]);
            d.0.extend(crate::check::check(loaded, None));
            Checked {
                page: None,
                findings: d.0,
            }
        }
    }
}

/// What a drafting command (`next-year`, `report`, `import`) makes: new
/// files with their text, what to tell the clerk, and what to check.
pub struct Drafted {
    pub files: Vec<(PathBuf, String)>,
    pub said: Vec<String>,
    pub warnings: Vec<Diagnostic>,
}

impl Drafted {
    /// Write every file atomically, none if any exists already (unless
    /// `force`), then say what was written.
    pub fn write(&self, force: bool) -> anyhow::Result<ExitCode> {
        for (path, _) in &self.files {
            output::refuse_overwrite(path, force)?;
        }
        for (path, text) in &self.files {
            output::write_atomic(path, text.as_bytes())?;
        }
        let mut said = self.said.iter();
        for (path, _) in &self.files {
            // The first line says what the first file is.
            match (path == &self.files[0].0).then(|| said.next()).flatten() {
                Some(what) => println!("{}: {what}", path.display()),
                None => println!("{}", path.display()),
            }
        }
        for line in said {
            println!("{line}");
        }
        for w in &self.warnings {
            eprintln!("{w}");
        }
        Ok(ExitCode::SUCCESS)
    }
}

/// Load a document, or print why not: the caller exits with the code.
pub fn load_or_report(path: &Path, profile: Option<&Path>) -> Result<Loaded, ExitCode> {
    input::load(path, profile).map_err(|d| {
        eprintln!("{d}");
        ExitCode::from(1)
    })
}
