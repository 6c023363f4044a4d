//! The folder `vanban serve` edits: the only store it has. Every path a
//! request names is checked here to stay inside it: relative, no `..`, no
//! hidden names, and no symbolic link on the way, so that neither a name
//! nor a link leads out of the folder.

use crate::diag::Diagnostics;
use crate::input::{yaml, SchemaKind};
use serde::Serialize;
use std::path::{Component, Path, PathBuf};

/// How deep the listing looks into sub-folders.
const MAX_DEPTH: usize = 4;
/// The most files listed, so that serving a huge folder stays quick.
const MAX_FILES: usize = 2000;

pub struct Folder {
    root: PathBuf,
}

/// A file of the folder, as the page lists it.
#[derive(Debug, Serialize)]
pub struct Entry {
    /// The path inside the folder, with `/`.
    pub path: String,
    pub kind: SchemaKind,
}

/// A file's text and the version it was read at: the hash of its bytes,
/// which a save must name, so that a change made meanwhile on disk (by
/// another program, or another tab) is never overwritten unseen.
#[derive(Debug, Serialize)]
pub struct Opened {
    pub path: String,
    pub text: String,
    pub version: String,
    pub kind: SchemaKind,
}

/// Why a path or a save was refused.
#[derive(Debug)]
pub enum Refusal {
    /// The path leaves the folder, or names something that is not a file.
    Outside(String),
    NotFound(String),
    /// The file changed on disk since the editor read it.
    Changed(String),
    /// An output the command would not overwrite either.
    Exists(String),
    Unreadable(Diagnostics),
    Io(String),
}

impl Refusal {
    pub fn message(&self) -> String {
        match self {
            Refusal::Outside(m)
            | Refusal::NotFound(m)
            | Refusal::Changed(m)
            | Refusal::Exists(m)
            | Refusal::Io(m) => m.clone(),
            Refusal::Unreadable(d) => d.to_string(),
        }
    }
}

pub fn version_of(bytes: &[u8]) -> String {
    format!("{:032x}", typst::utils::hash128(bytes))
}

impl Folder {
    pub fn new(root: &Path) -> std::io::Result<Folder> {
        let root = root.canonicalize()?;
        if !root.is_dir() {
            return Err(std::io::Error::other(format!(
                "{} không phải thư mục (not a folder)",
                root.display()
            )));
        }
        Ok(Folder { root })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Every YAML file of the folder and its sub-folders (hidden ones,
    /// `out` and `target` left out), sorted, with its kind.
    pub fn list(&self) -> Vec<Entry> {
        let mut found = Vec::new();
        self.walk(&self.root, 0, &mut found);
        found.sort_by(|a, b| a.path.cmp(&b.path));
        found
    }

    fn walk(&self, dir: &Path, depth: usize, found: &mut Vec<Entry>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            if found.len() >= MAX_FILES {
                return;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            // `file_type` does not follow links: a link is neither.
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            if kind.is_dir() && depth < MAX_DEPTH && !matches!(name.as_str(), "out" | "target") {
                self.walk(&path, depth + 1, found);
            } else if kind.is_file() && is_yaml(&name) {
                let text = std::fs::read_to_string(&path).unwrap_or_default();
                found.push(Entry {
                    path: self.name_of(&path),
                    kind: SchemaKind::of_text(&text),
                });
            }
        }
    }

    /// The path of `path` inside the folder, with `/`.
    pub fn name_of(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    }

    /// The file `rel` names inside the folder, which need not exist yet:
    /// refused if the name could lead outside, or if anything on the way
    /// (the file itself included) is a symbolic link.
    pub fn resolve(&self, rel: &str) -> Result<PathBuf, Refusal> {
        let outside = || {
            Refusal::Outside(format!(
                "`{rel}` không nằm trong thư mục đang mở (path outside the folder)"
            ))
        };
        let path = Path::new(rel);
        if rel.is_empty() || rel.contains('\\') || rel.contains('\0') {
            return Err(outside());
        }
        let mut at = self.root.clone();
        for part in path.components() {
            match part {
                Component::Normal(name) if !name.to_string_lossy().starts_with('.') => {
                    at.push(name);
                    if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
                        return Err(outside());
                    }
                }
                _ => return Err(outside()),
            }
        }
        Ok(at)
    }

    /// Read a YAML file of the folder.
    pub fn open(&self, rel: &str) -> Result<Opened, Refusal> {
        let (_, text) = self.read(rel)?;
        Ok(Opened {
            path: rel.to_string(),
            version: version_of(text.as_bytes()),
            kind: SchemaKind::of_text(&text),
            text,
        })
    }

    /// Write `text` to `rel` atomically, if the file on disk is still the
    /// version the editor read (`base`); returns the new version.
    pub fn save(&self, rel: &str, text: &str, base: &str) -> Result<String, Refusal> {
        let (path, current) = self.read(rel)?;
        if version_of(current.as_bytes()) != base {
            return Err(Refusal::Changed(format!(
                "`{rel}` đã được sửa ở nơi khác sau khi mở; tải lại tệp rồi sửa tiếp, bản đang soạn \
                 chưa được lưu (the file changed on disk since it was opened; not saved)"
            )));
        }
        crate::cmd::output::write_atomic(&path, text.as_bytes())
            .map_err(|e| Refusal::Io(format!("{e:#}")))?;
        Ok(version_of(text.as_bytes()))
    }

    /// The path and text of the existing YAML file `rel`.
    fn read(&self, rel: &str) -> Result<(PathBuf, String), Refusal> {
        let path = self.resolve(rel)?;
        if !is_yaml(rel) {
            return Err(Refusal::Outside(format!(
                "`{rel}`: chỉ mở được tệp YAML (only YAML files open)"
            )));
        }
        if !path.is_file() {
            return Err(Refusal::NotFound(format!(
                "không có tệp `{rel}` (no such file)"
            )));
        }
        let text = yaml::read(&path).map_err(Refusal::Unreadable)?;
        Ok((path, text))
    }

    /// A new file's path, refused where one exists (the commands' rule
    /// without `--force`).
    pub fn new_file(&self, rel: &str) -> Result<PathBuf, Refusal> {
        let path = self.resolve(rel)?;
        if std::fs::symlink_metadata(&path).is_ok() {
            return Err(Refusal::Exists(format!(
                "`{rel}` đã có; vanban không ghi đè (output exists)"
            )));
        }
        Ok(path)
    }
}

fn is_yaml(name: &str) -> bool {
    name.ends_with(".yaml") || name.ends_with(".yml")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> (tempfile::TempDir, Folder) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.yaml"), "loai: ke_hoach\n").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let folder = Folder::new(dir.path()).unwrap();
        (dir, folder)
    }

    #[test]
    fn paths_stay_inside_the_folder() {
        let (dir, folder) = folder();
        assert!(folder.resolve("a.yaml").is_ok());
        assert!(folder.resolve("sub/b.yaml").is_ok());
        // `.` inside a path names the same folder: harmless, and resolved.
        let same = folder.resolve("sub/./b.yaml").unwrap();
        assert_eq!(same, folder.root().join("sub/b.yaml"));
        for bad in [
            "../a.yaml",
            "sub/../../x",
            "/etc/passwd",
            "",
            ".hidden.yaml",
            "a\\..\\b",
        ] {
            assert!(
                matches!(folder.resolve(bad), Err(Refusal::Outside(_))),
                "{bad}"
            );
        }
        std::os::unix::fs::symlink("/etc", dir.path().join("link")).unwrap();
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join("h.yaml")).unwrap();
        assert!(matches!(
            folder.resolve("link/passwd"),
            Err(Refusal::Outside(_))
        ));
        assert!(matches!(folder.open("h.yaml"), Err(Refusal::Outside(_))));
        assert_eq!(
            folder
                .list()
                .iter()
                .map(|e| e.path.as_str())
                .collect::<Vec<_>>(),
            ["a.yaml"],
            "links are not listed"
        );
    }

    #[test]
    fn a_save_refuses_a_file_changed_since_it_was_read() {
        let (dir, folder) = folder();
        let opened = folder.open("a.yaml").unwrap();
        let v2 = folder
            .save("a.yaml", "loai: bao_cao\n", &opened.version)
            .unwrap();
        std::fs::write(dir.path().join("a.yaml"), "loai: to_trinh\n").unwrap();
        let refused = folder.save("a.yaml", "loai: quyet_dinh\n", &v2);
        assert!(matches!(refused, Err(Refusal::Changed(_))), "{refused:?}");
        let on_disk = std::fs::read_to_string(dir.path().join("a.yaml")).unwrap();
        assert_eq!(on_disk, "loai: to_trinh\n", "the other change is kept");
    }
}
