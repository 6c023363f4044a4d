//! The zip a DOCX is, opened without trusting it: the entries are counted,
//! each part read is inflated only up to a bound (the size the zip declares
//! is not believed), a part that inflates far beyond its compressed size is
//! refused as a zip bomb, and entry names are only ever looked up, never
//! used as paths on disk. What is not a DOCX (a Word 97 file, a password-
//! protected DOCX, a text file, a truncated download) is named for what it
//! is.

use std::io::{Cursor, Read};

/// Bounds on what one file may make vanban read. A clerk's largest real
/// plan is a few megabytes of XML; these leave a wide margin and keep a
/// hostile file to a bounded cost in time and memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Entries in the zip (a DOCX has a dozen to a few hundred, with images).
    pub entries: usize,
    /// Inflated bytes of one part read.
    pub part_bytes: u64,
    /// Inflated bytes of all parts read together.
    pub total_bytes: u64,
    /// Inflated size over compressed size, for parts over [`RATIO_FROM`]
    /// bytes: XML deflates about 5–20 times; 200 times is a bomb.
    pub ratio: u64,
    /// Depth of nested XML elements (Word writes about 20).
    pub depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            entries: 5_000,
            part_bytes: 64 << 20,
            total_bytes: 256 << 20,
            ratio: 200,
            depth: 256,
        }
    }
}

/// Below this size a part's ratio is not judged: a tiny part of repeated
/// text may deflate very well and still cost nothing.
const RATIO_FROM: u64 = 1 << 20;

/// Why a file could not be read as a DOCX.
#[derive(Debug, Clone, PartialEq)]
pub enum Refused {
    /// An OLE compound file: a password-protected DOCX.
    Encrypted,
    /// An OLE compound file without an encrypted package: Word 97–2003.
    Word97,
    /// Not a zip at all.
    NotZip,
    /// A zip whose directory cannot be read (cut short, damaged).
    Damaged(String),
    /// A zip without `word/document.xml`.
    NotDocx,
    TooManyEntries(usize),
    /// A part over the size bound, or all parts together over theirs.
    TooLarge(String),
    /// A part inflating beyond the ratio bound.
    Bomb(String),
    /// A part that cannot be inflated (an unsupported method, bad data).
    BadPart(String, String),
    /// XML refused: a DTD, an unknown entity, nesting too deep, or XML
    /// that does not parse.
    Xml(String, String),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Refused::Encrypted => write!(
                f,
                "tệp DOCX có mật khẩu (password-protected): mở bằng Word, bỏ mật khẩu rồi lưu lại"
            ),
            Refused::Word97 => write!(
                f,
                "tệp Word 97-2003 (.doc) chứ không phải DOCX: đổi tên thành .doc để vanban chuyển qua LibreOffice"
            ),
            Refused::NotZip => write!(f, "không phải tệp DOCX (not a zip file)"),
            Refused::Damaged(why) => write!(f, "tệp DOCX hỏng hoặc bị cắt cụt (damaged zip: {why})"),
            Refused::NotDocx => write!(f, "tệp zip này không có word/document.xml: không phải DOCX"),
            Refused::TooManyEntries(n) => write!(f, "tệp zip có {n} mục, quá nhiều cho một DOCX (too many entries)"),
            Refused::TooLarge(part) => write!(f, "phần `{part}` quá lớn khi giải nén (part too large)"),
            Refused::Bomb(part) => write!(
                f,
                "phần `{part}` giải nén ra lớn bất thường so với kích thước nén (zip bomb)"
            ),
            Refused::BadPart(part, why) => write!(f, "không giải nén được phần `{part}` ({why})"),
            Refused::Xml(part, why) => write!(f, "phần `{part}` không phải XML hợp lệ: {why}"),
        }
    }
}

/// An opened DOCX: its entries' names, and its parts read on demand
/// within the limits.
pub struct Package {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    limits: Limits,
    read: u64,
    /// Macros were present (a `.docm`): never run, never kept.
    pub has_macros: bool,
}

/// The first bytes of an OLE compound file (Word 97, or an encrypted DOCX).
const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

impl Package {
    pub fn open(bytes: Vec<u8>, limits: Limits) -> Result<Package, Refused> {
        if bytes.starts_with(&OLE_MAGIC) {
            // An encrypted OOXML file keeps its package in a stream named
            // `EncryptedPackage` (MS-OFFCRYPTO), its name in UTF-16.
            let name: Vec<u8> = "EncryptedPackage"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect();
            let encrypted = bytes.windows(name.len()).any(|w| w == name);
            return Err(if encrypted {
                Refused::Encrypted
            } else {
                Refused::Word97
            });
        }
        if !bytes.starts_with(b"PK") {
            return Err(Refused::NotZip);
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| Refused::Damaged(e.to_string()))?;
        if zip.len() > limits.entries {
            return Err(Refused::TooManyEntries(zip.len()));
        }
        let has_macros = zip
            .file_names()
            .any(|n| n.to_ascii_lowercase().ends_with("vbaproject.bin"));
        let mut package = Package {
            zip,
            limits,
            read: 0,
            has_macros,
        };
        if package.index("word/document.xml").is_none() {
            return Err(Refused::NotDocx);
        }
        Ok(package)
    }

    /// The entry named `name`, its name compared as Word does (case
    /// ignored, a leading `/` allowed).
    fn index(&mut self, name: &str) -> Option<usize> {
        let want = name.trim_start_matches('/');
        (0..self.zip.len()).find(|&i| {
            self.zip
                .name_for_index(i)
                .is_some_and(|n| n.trim_start_matches('/').eq_ignore_ascii_case(want))
        })
    }

    /// The part at `name`, or none if the package has none.
    pub fn part(&mut self, name: &str) -> Result<Option<Vec<u8>>, Refused> {
        let Some(i) = self.index(name) else {
            return Ok(None);
        };
        let limits = self.limits;
        let budget = limits.part_bytes.min(limits.total_bytes - self.read);
        let mut file = self
            .zip
            .by_index(i)
            .map_err(|e| Refused::BadPart(name.into(), e.to_string()))?;
        if file.encrypted() {
            return Err(Refused::Encrypted);
        }
        let compressed = file.compressed_size().max(1);
        // A bomb that declares its size is refused before inflating a
        // byte; one that lies about it is stopped by the bounds below.
        let declared = file.size();
        if declared > RATIO_FROM && declared / compressed > limits.ratio {
            return Err(Refused::Bomb(name.into()));
        }
        if declared > budget {
            return Err(Refused::TooLarge(name.into()));
        }
        let mut out = Vec::new();
        // One byte over the budget tells a part too large from one that
        // fills it exactly; the declared size is not trusted.
        let mut bounded = (&mut file).take(budget + 1);
        let mut chunk = [0u8; 64 << 10];
        loop {
            let n = bounded
                .read(&mut chunk)
                .map_err(|e| Refused::BadPart(name.into(), e.to_string()))?;
            if n == 0 {
                break;
            }
            out.extend_from_slice(&chunk[..n]);
            let size = out.len() as u64;
            if size > RATIO_FROM && size / compressed > limits.ratio {
                return Err(Refused::Bomb(name.into()));
            }
            if size > budget {
                return Err(Refused::TooLarge(name.into()));
            }
        }
        self.read += out.len() as u64;
        Ok(Some(out))
    }

    /// The relationship targets of `part` (`word/document.xml`) of `kind`
    /// (the end of its type URI: `footnotes`, `header`), resolved against
    /// the part's folder.
    pub fn related(&mut self, part: &str, kind: &str) -> Result<Vec<(String, String)>, Refused> {
        let (folder, file) = part.rsplit_once('/').unwrap_or(("", part));
        let rels_name = format!("{folder}/_rels/{file}.rels");
        let Some(bytes) = self.part(&rels_name)? else {
            return Ok(Vec::new());
        };
        let root = super::xml::parse(&bytes, &rels_name, self.limits.depth)?;
        Ok(root
            .children_named("Relationship")
            .filter(|r| {
                r.attr("Type")
                    .is_some_and(|t| t.rsplit('/').next() == Some(kind))
                    && r.attr("TargetMode") != Some("External")
            })
            .filter_map(|r| {
                let id = r.attr("Id")?.to_string();
                let target = r.attr("Target")?;
                Some((id, resolve(folder, target)))
            })
            .collect())
    }
}

/// `target` relative to `folder`, as a name inside the package: `..`
/// climbs within the package only and never out of it.
fn resolve(folder: &str, target: &str) -> String {
    let mut parts: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        folder.split('/').filter(|p| !p.is_empty()).collect()
    };
    for p in target.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_stay_inside_the_package() {
        assert_eq!(resolve("word", "footnotes.xml"), "word/footnotes.xml");
        assert_eq!(
            resolve("word", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("word", "../../../etc/passwd"), "etc/passwd");
        assert_eq!(resolve("word", "/word/header1.xml"), "word/header1.xml");
    }
}
