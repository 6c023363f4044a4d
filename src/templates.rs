//! The wording a clerk may change: each kind's fixed texts (a report's
//! section titles, the headings of the targets table …), one small Tera
//! template per key in `templates/<kind>.yaml`.
//!
//! A file of the same name in `--templates DIR` replaces the keys it gives
//! (as mdBook lets a theme override its files). Templates render from typed
//! views (see the `*View` structs of [`crate::compose`]); what they print is
//! text of the document like any other, never a script read back.

use crate::diag::Diagnostic;
use crate::input::spans::Spans;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use tera::Tera;

/// The built-in wording, by file name.
const BUILTIN: &[(&str, &str)] = &[
    ("ke_hoach.yaml", include_str!("../templates/ke_hoach.yaml")),
    ("bao_cao.yaml", include_str!("../templates/bao_cao.yaml")),
    (
        "quyet_dinh.yaml",
        include_str!("../templates/quyet_dinh.yaml"),
    ),
    ("bien_ban.yaml", include_str!("../templates/bien_ban.yaml")),
    ("giay_moi.yaml", include_str!("../templates/giay_moi.yaml")),
    (
        "giay_gioi_thieu.yaml",
        include_str!("../templates/giay_gioi_thieu.yaml"),
    ),
    (
        "giay_nghi_phep.yaml",
        include_str!("../templates/giay_nghi_phep.yaml"),
    ),
];

/// The wording of every kind, parsed.
pub struct Templates {
    tera: Tera,
    /// Where each template (`bao_cao.yaml#ket_qua`) was written, for messages.
    origin: HashMap<String, (PathBuf, Option<(usize, usize)>)>,
}

impl Templates {
    /// The built-in wording, with the keys of any file of the same name in
    /// `dir` in place of the built-in ones.
    pub fn new(dir: Option<&Path>) -> Result<Templates, Diagnostic> {
        let mut templates = Templates {
            tera: Tera::default(),
            origin: HashMap::new(),
        };
        // Values are the document's text, never markup.
        templates.tera.autoescape_on(Vec::<&'static str>::new());
        for (file, text) in BUILTIN {
            let shown = Path::new("templates").join(file);
            let builtin = parse(text, &shown)?;
            templates.add(file, &builtin, &shown, text)?;
            let Some(path) = dir.map(|d| d.join(file)).filter(|p| p.exists()) else {
                continue;
            };
            let own_text = std::fs::read_to_string(&path).map_err(|e| {
                Diagnostic::error(format!("không đọc được mẫu (cannot read template): {e}"))
                    .in_file(&path)
            })?;
            let own = parse(&own_text, &path)?;
            if let Some(key) = own.keys().find(|k| !builtin.contains_key(*k)) {
                let known: Vec<&str> = builtin.keys().map(String::as_str).collect();
                let at = Spans::of(&own_text).find(key);
                return Err(Diagnostic::error(format!(
                    "mẫu không có khóa này (unknown key); các khóa có: {}",
                    known.join(", ")
                ))
                .key(key.clone())
                .at(&path, at.map(|p| p.0), at.map(|p| p.1)));
            }
            templates.add(file, &own, &path, &own_text)?;
        }
        Ok(templates)
    }

    fn add(
        &mut self,
        file: &str,
        entries: &BTreeMap<String, String>,
        path: &Path,
        text: &str,
    ) -> Result<(), Diagnostic> {
        let spans = Spans::of(text);
        for (key, source) in entries {
            let name = format!("{file}#{key}");
            let at = spans.find(key);
            self.tera.add_raw_template(&name, source).map_err(|e| {
                Diagnostic::error(format!(
                    "mẫu sai cú pháp (template syntax error): {}",
                    error_chain(&e)
                ))
                .key(key.clone())
                .at(path, at.map(|p| p.0), at.map(|p| p.1))
            })?;
            self.origin.insert(name, (path.to_path_buf(), at));
        }
        Ok(())
    }

    /// The wording `key` of `file` (`bao_cao.yaml`), rendered from `view`.
    pub fn text(&self, file: &str, key: &str, view: &impl Serialize) -> Result<String, Diagnostic> {
        let name = format!("{file}#{key}");
        let context = tera::Context::from_serialize(view)
            .map_err(|e| Diagnostic::error(format!("dữ liệu không dựng được mẫu: {e}")))?;
        self.tera.render(&name, &context).map_err(|e| {
            let (path, at) = self
                .origin
                .get(&name)
                .cloned()
                .unwrap_or_else(|| (Path::new("templates").join(file), None));
            Diagnostic::error(format!(
                "lỗi khi dựng mẫu (template error): {}",
                error_chain(&e)
            ))
            .key(key)
            .at(&path, at.map(|p| p.0), at.map(|p| p.1))
        })
    }
}

/// A wording file: keys and their templates.
fn parse(text: &str, path: &Path) -> Result<BTreeMap<String, String>, Diagnostic> {
    crate::input::yaml::parse(text, path).map_err(|mut d| d.0.remove(0))
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

/// A view with nothing in it, for wording that takes no data.
#[derive(Serialize)]
pub struct NoView {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_wording_parses_and_renders() {
        let t = Templates::new(None).unwrap();
        assert_eq!(
            t.text("bao_cao.yaml", "muc_ket_qua", &NoView {}).unwrap(),
            "Kết quả đạt được"
        );
        #[derive(Serialize)]
        struct R<'a> {
            ket_qua: &'a str,
        }
        assert_eq!(
            t.text(
                "bao_cao.yaml",
                "ket_qua",
                &R {
                    ket_qua: "Đạt {{ x }} <w:t>"
                }
            )
            .unwrap(),
            "Kết quả: Đạt {{ x }} <w:t>",
            "values print as written"
        );
    }

    #[test]
    fn an_override_replaces_only_its_keys_and_unknown_keys_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("bao_cao.yaml"),
            "muc_ket_qua: Kết quả nổi bật\n",
        )
        .unwrap();
        let t = Templates::new(Some(dir.path())).unwrap();
        assert_eq!(
            t.text("bao_cao.yaml", "muc_ket_qua", &NoView {}).unwrap(),
            "Kết quả nổi bật"
        );
        assert_eq!(
            t.text("bao_cao.yaml", "muc_ton_tai", &NoView {}).unwrap(),
            "Tồn tại, hạn chế, nguyên nhân"
        );
        std::fs::write(dir.path().join("bao_cao.yaml"), "# x\nmuc_ket_quaa: A\n").unwrap();
        let e = Templates::new(Some(dir.path())).err().unwrap();
        assert!(e.to_string().contains("bao_cao.yaml:2:"), "{e}");
        assert!(e.message.contains("unknown key"), "{e}");
    }
}
