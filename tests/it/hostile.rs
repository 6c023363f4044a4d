//! Word files built to hurt vanban, given to `import` and `check`: each is
//! refused or read safely within seconds and well under a gigabyte, its
//! message names the file, nothing outside it is read into the output and
//! nothing is written outside the output folder. Most are built here from
//! a good DOCX; the encrypted one is a real password-protected file
//! (`tests/fixtures/hostile/README.md`).

use crate::util::{self, measured, Case};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A zip of `entries`, deflated.
fn zipped(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The parts of a good DOCX (vanban's seed plan).
fn good_parts() -> Vec<(String, Vec<u8>)> {
    let (_dir, docx, _) = util::render_fixture("examples/08-tb-tam-dung-tms-cucthue.yaml");
    let bytes = std::fs::read(docx).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut b = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut b).unwrap();
            (f.name().to_string(), b)
        })
        .collect()
}

/// A zip of named parts.
fn zip_parts(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let entries: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    zipped(&entries)
}

/// The good DOCX's `parts` with `part` replaced (or added) by `bytes`.
fn with_part(good: &[(String, Vec<u8>)], part: &str, bytes: &[u8]) -> Vec<u8> {
    let mut parts = good.to_vec();
    match parts.iter_mut().find(|(n, _)| n == part) {
        Some(p) => p.1 = bytes.to_vec(),
        None => parts.push((part.to_string(), bytes.to_vec())),
    }
    zip_parts(&parts)
}

/// A document part wrapping `body` in WordprocessingML.
fn document(body: &str) -> Vec<u8> {
    format!(r#"<?xml version="1.0" encoding="UTF-8"?>{body}"#).into_bytes()
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

/// A zip whose document part inflates to `size` bytes of spaces inside an
/// element: a few hundred kilobytes that would become hundreds of megabytes.
fn zip_bomb(size: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(9));
    zip.start_file("[Content_Types].xml", options).unwrap();
    zip.write_all(b"<Types/>").unwrap();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(format!("<w:document {W}><w:body><w:p><w:r><w:t>").as_bytes())
        .unwrap();
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..size / chunk.len() {
        zip.write_all(&chunk).unwrap();
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>")
        .unwrap();
    zip.finish().unwrap().into_inner()
}

struct Hostile {
    name: &'static str,
    file: &'static str,
    bytes: Vec<u8>,
    /// Refused, with these words; or read (`None`).
    refused_with: Option<&'static str>,
}

fn catalogue() -> Vec<Hostile> {
    // The good DOCX every hostile one is made from, rendered once.
    let good = good_parts();
    let laughs = format!(
        r#"<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]><w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let external = format!(
        r#"<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]><w:document {W}><w:body><w:p><w:r><w:t>&secret;</w:t></w:r></w:p></w:body></w:document>"#
    );
    let deep = format!(
        "<w:document {W}><w:body>{}{}</w:body></w:document>",
        "<w:sdt><w:sdtContent>".repeat(50_000),
        "</w:sdtContent></w:sdt>".repeat(50_000)
    );
    let full = zip_parts(&good);
    let mut truncated = full.clone();
    truncated.truncate(full.len() / 2);
    let macros = {
        let mut parts = good.clone();
        parts.push((
            "word/vbaProject.bin".into(),
            b"\xd0\xcf\x11\xe0 Sub AutoOpen() Shell \"rm -rf ~\" End Sub".to_vec(),
        ));
        for (n, b) in parts.iter_mut() {
            if n == "[Content_Types].xml" {
                *b = String::from_utf8_lossy(b)
                    .replace(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                        "application/vnd.ms-word.document.macroEnabled.main+xml",
                    )
                    .into_bytes();
            }
        }
        zip_parts(&parts)
    };
    let escaping_name = {
        let mut parts = good.clone();
        parts.push(("../../escaped.txt".into(), b"written outside".to_vec()));
        parts.push((
            "/tmp/vanban-absolute.txt".into(),
            b"written outside".to_vec(),
        ));
        zip_parts(&parts)
    };
    let encrypted =
        std::fs::read(util::root().join("tests/fixtures/hostile/encrypted.docx")).unwrap();
    vec![
        Hostile {
            name: "zip bomb (256 MB of spaces)",
            file: "bomb.docx",
            bytes: zip_bomb(256 << 20),
            refused_with: Some("zip bomb"),
        },
        Hostile {
            name: "billion laughs",
            file: "laughs.docx",
            bytes: with_part(&good, "word/document.xml", &document(&laughs)),
            refused_with: Some("DTD"),
        },
        Hostile {
            name: "external entity on a local file",
            file: "xxe.docx",
            bytes: with_part(&good, "word/document.xml", &document(&external)),
            refused_with: Some("DTD"),
        },
        Hostile {
            name: "100,000 nested elements",
            file: "deep.docx",
            bytes: with_part(&good, "word/document.xml", &document(&deep)),
            refused_with: Some("lồng sâu"),
        },
        Hostile {
            name: "garbage XML",
            file: "garbage.docx",
            bytes: with_part(
                &good,
                "word/document.xml",
                b"<w:document><w:body><w:p></w:body>\x00\xff",
            ),
            refused_with: Some("word/document.xml"),
        },
        Hostile {
            name: "truncated zip",
            file: "truncated.docx",
            bytes: truncated,
            refused_with: Some("hỏng"),
        },
        Hostile {
            name: "a text file named .docx",
            file: "text.docx",
            bytes: b"Day la mot tep van ban, khong phai DOCX.\n".to_vec(),
            refused_with: Some("not a zip"),
        },
        Hostile {
            name: "a zip that is not a DOCX",
            file: "notdocx.docx",
            bytes: zipped(&[("hello.txt", b"hi")]),
            refused_with: Some("word/document.xml"),
        },
        Hostile {
            name: "an encrypted DOCX",
            file: "encrypted.docx",
            bytes: encrypted,
            refused_with: Some("mật khẩu"),
        },
        Hostile {
            name: "a .docm with macros",
            file: "macros.docm",
            bytes: macros,
            refused_with: None,
        },
        Hostile {
            name: "entries named ../../x and /tmp/x",
            file: "escape.docx",
            bytes: escaping_name,
            refused_with: None,
        },
    ]
}

#[test]
fn hostile_word_files_are_refused_or_read_safely() {
    let case = Case::new();
    let dir = case.path("hostile");
    std::fs::create_dir_all(&dir).unwrap();
    let mut failures = Vec::new();
    for h in catalogue() {
        std::fs::write(dir.join(h.file), &h.bytes).unwrap();
        for command in ["check", "import"] {
            let run = measured(&dir, &[command, h.file]);
            let what = format!("{} ({command})", h.name);
            if run.output.contains("panicked") {
                failures.push(format!("{what}: panicked:\n{}", run.output));
            }
            if run.wall > Duration::from_secs(20) {
                failures.push(format!("{what}: took {:?}", run.wall));
            }
            if run.peak_mb > 512.0 {
                failures.push(format!("{what}: peak {:.0} MB", run.peak_mb));
            }
            match h.refused_with {
                Some(words) => {
                    let named = run.output.contains(h.file);
                    if run.status.success() || !run.output.contains(words) || !named {
                        failures.push(format!(
                            "{what}: want a refusal naming the file and saying {words:?}, got:\n{}",
                            run.output
                        ));
                    }
                }
                None if command == "import" && !run.status.success() => {
                    failures.push(format!("{what}: should import:\n{}", run.output));
                }
                None => {}
            }
        }
    }
    // Nothing was written outside the folder, nothing read into the output.
    assert!(!case.path("escaped.txt").exists() && !case.path("../escaped.txt").exists());
    assert!(!Path::new("/tmp/vanban-absolute.txt").exists());
    let imported = std::fs::read_to_string(dir.join("macros.yaml")).unwrap_or_default();
    assert!(
        imported.contains("macro"),
        "the macros are mentioned:\n{imported}"
    );
    assert!(!imported.contains("AutoOpen"), "macros are never kept");
    let written: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    for p in &written {
        let text = std::fs::read_to_string(p).unwrap();
        assert!(
            !text.contains("root:x:0"),
            "{} holds /etc/passwd",
            p.display()
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
