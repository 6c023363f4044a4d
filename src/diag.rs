//! Diagnostics: what went wrong, where in which file, in words a clerk can act on.
//!
//! Helpers return a bare message; the caller that knows the file and position
//! adds them (as typst's `At` does), so every printed error is located.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// A position in an input file, 1-based as editors show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub line: Option<usize>,
    pub column: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub location: Option<Box<Location>>,
    /// Where in the data, as a key path (`noi_dung[1].khoan[0]`), when known.
    pub key: Option<String>,
    /// The decree's clause the finding is about (`ND30-PL1-II.3`).
    pub rule: Option<&'static str>,
    pub message: String,
}

impl Diagnostic {
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            location: None,
            key: None,
            rule: None,
            message: message.into(),
        }
    }

    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    /// Attach the file (and line/column, where known).
    pub fn at(mut self, file: &Path, line: Option<usize>, column: Option<usize>) -> Diagnostic {
        self.location = Some(Box::new(Location {
            file: file.to_path_buf(),
            line,
            column,
        }));
        self
    }

    pub fn in_file(self, file: &Path) -> Diagnostic {
        self.at(file, None, None)
    }

    pub fn rule(mut self, rule: &'static str) -> Diagnostic {
        self.rule = Some(rule);
        self
    }

    pub fn key(mut self, key: impl Into<String>) -> Diagnostic {
        self.key = Some(key.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What was found, with the key it is about: the message without the
    /// place and the label, as an editor shows it beside the line.
    pub fn what(&self) -> String {
        match &self.key {
            Some(key) => format!("khóa `{key}`: {}", self.message),
            None => self.message.clone(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = &self.location {
            write!(f, "{}", loc.file.display())?;
            if let Some(line) = loc.line {
                write!(f, ":{line}")?;
                if let Some(col) = loc.column {
                    write!(f, ":{col}")?;
                }
            }
            write!(f, ": ")?;
        }
        let label = match (self.severity, self.rule) {
            (Severity::Error, None) => "lỗi (error)".to_string(),
            (Severity::Warning, None) => "cảnh báo (warning)".to_string(),
            (Severity::Error, Some(rule)) => format!("lỗi [{rule}]"),
            (Severity::Warning, Some(rule)) => format!("cảnh báo [{rule}]"),
        };
        write!(f, "{label}: {}", self.what())
    }
}

/// One or more diagnostics, at least one of them an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

pub type Result<T> = std::result::Result<T, Diagnostics>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prints_file_line_column_severity_and_key() {
        let d = Diagnostic::error("thiếu khóa `nam` (missing field)")
            .at(Path::new("data/kh.yaml"), Some(3), Some(5))
            .key("nguoi_ky");
        assert_eq!(
            d.to_string(),
            "data/kh.yaml:3:5: lỗi (error): khóa `nguoi_ky`: thiếu khóa `nam` (missing field)"
        );
        let w = Diagnostic::warning("x").in_file(Path::new("a.yaml"));
        assert_eq!(w.to_string(), "a.yaml: cảnh báo (warning): x");
        let r =
            Diagnostic::error("y")
                .rule("ND30-PL1-II.3")
                .at(Path::new("a.yaml"), Some(2), Some(7));
        assert_eq!(r.to_string(), "a.yaml:2:7: lỗi [ND30-PL1-II.3]: y");
    }
}
