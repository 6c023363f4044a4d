//! Tera templates turn a document's data into its body, as a script of
//! blocks: one line per block, `@directive text`.
//!
//! The templates choose which parts a kind of document has and in what
//! order; Rust turns the script into the page model (numbering, dashes,
//! punctuation: see [`crate::compose`]). Every value a template prints is
//! escaped so that it stays on its own line: user text can never start a
//! directive, and whatever it contains (Tera, Typst or XML syntax) is text.

use crate::diag::Diagnostic;
use std::io::Write;
use std::path::Path;
use tera::{Context, Tera};

/// The built-in templates, by name.
const BUILTIN: &[(&str, &str)] = &[
    ("ke_hoach.tera", include_str!("../templates/ke_hoach.tera")),
    ("bao_cao.tera", include_str!("../templates/bao_cao.tera")),
];

/// One line of a rendered template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub name: String,
    pub text: String,
    /// Line in the rendered script, for messages about a broken template.
    pub line: usize,
}

/// The parsed built-in templates, with any of them replaced by a file of the
/// same name in `dir` (as mdBook lets a theme override its files).
pub struct Templates {
    tera: Tera,
    /// Where each template came from, for messages.
    origin: std::collections::HashMap<&'static str, std::path::PathBuf>,
}

impl Templates {
    pub fn new(dir: Option<&Path>) -> Result<Templates, Diagnostic> {
        let mut tera = Tera::new();
        tera.set_escape_fn(escape);
        tera.autoescape_on([".tera"]);
        let mut origin = std::collections::HashMap::new();
        for (name, builtin) in BUILTIN {
            let path = dir.map(|d| d.join(name)).filter(|p| p.exists());
            let source = match &path {
                Some(p) => std::fs::read_to_string(p).map_err(|e| {
                    Diagnostic::error(format!("không đọc được mẫu (cannot read template): {e}"))
                        .in_file(p)
                })?,
                None => builtin.to_string(),
            };
            let shown = path.unwrap_or_else(|| Path::new("templates").join(name));
            tera.add_raw_template(name, &source).map_err(|e| {
                Diagnostic::error(format!("mẫu sai cú pháp (template syntax error): {e:#}"))
                    .in_file(&shown)
            })?;
            origin.insert(*name, shown);
        }
        Ok(Templates { tera, origin })
    }

    /// Render `template` with `context` and parse the script it prints.
    pub fn render(&self, template: &str, context: &Context) -> Result<Vec<Directive>, Diagnostic> {
        let shown = self
            .origin
            .get(template)
            .cloned()
            .unwrap_or_else(|| Path::new("templates").join(template));
        let script = self.tera.render(template, context).map_err(|e| {
            Diagnostic::error(format!(
                "lỗi khi dựng mẫu (template error): {}",
                error_chain(&e)
            ))
            .in_file(&shown)
        })?;
        parse_script(&script).map_err(|e| e.in_file(&shown))
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}

/// Escape a value so it cannot break out of its line.
fn escape(input: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let mut rest = input;
    while let Some(at) = rest.find(['\\', '\n', '\r']) {
        out.write_all(&rest.as_bytes()[..at])?;
        out.write_all(match rest.as_bytes()[at] {
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            _ => b"\\r",
        })?;
        rest = &rest[at + 1..];
    }
    out.write_all(rest.as_bytes())
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// Blank lines are layout of the template itself and are skipped.
fn parse_script(script: &str) -> Result<Vec<Directive>, Diagnostic> {
    let mut out = Vec::new();
    for (i, raw) in script.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        let Some(body) = line.strip_prefix('@') else {
            return Err(Diagnostic::error(format!(
                "dòng {} của mẫu không bắt đầu bằng `@` (template line is not a directive): `{line}`",
                i + 1
            )));
        };
        let (name, text) = body.split_once(' ').unwrap_or((body, ""));
        out.push(Directive {
            name: name.to_string(),
            text: unescape(text.trim_start()),
            line: i + 1,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(source: &str, ctx: &Context) -> Vec<Directive> {
        let mut tera = Tera::new();
        tera.set_escape_fn(escape);
        tera.autoescape_on([".tera"]);
        tera.add_raw_template("t.tera", source).unwrap();
        parse_script(&tera.render("t.tera", ctx).unwrap()).unwrap()
    }

    #[test]
    fn user_text_cannot_open_a_directive() {
        let mut ctx = Context::new();
        ctx.insert(
            "x",
            "a\n@muc CHÈN {{ y }} \\n <w:t> & #read(\"/etc/passwd\")",
        );
        let got = render("@doan {{ x }}\n", &ctx);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].name, "doan");
        assert_eq!(
            got[0].text,
            "a\n@muc CHÈN {{ y }} \\n <w:t> & #read(\"/etc/passwd\")"
        );
    }

    #[test]
    fn blank_lines_are_skipped_and_stray_text_is_an_error() {
        assert_eq!(parse_script("\n  \n@muc A\n").unwrap().len(), 1);
        assert!(parse_script("@muc A\nchữ lạc\n").is_err());
    }

    #[test]
    fn builtin_templates_parse() {
        Templates::new(None).unwrap();
    }
}
