//! Helpers shared by the integration tests: paths, reading DOCX parts and
//! paragraphs back, extracting PDF text with poppler, normalising text.

use quick_xml::events::Event;
use quick_xml::Reader;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seed_plan() -> PathBuf {
    root().join("data/ke-hoach-binh-dang-gioi-bat-trang-2026.yaml")
}

/// The national list of communes and wards (3,321 rows), as shipped.
pub fn national_list() -> PathBuf {
    root().join("data/don-vi-hanh-chinh-2025.csv")
}

/// The seed plan's text as issued (a fixture: tests read nothing outside
/// the repository).
pub fn seed_text() -> String {
    let path = root().join("tests/fixtures/seed/ke-hoach-binh-dang-gioi-bat-trang-2026.txt");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Collapse runs of whitespace: the draft blanks and line breaks of an
/// extraction are not part of the text.
pub fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A DOCX read back from its bytes.
pub struct Docx {
    zip: zip::ZipArchive<std::io::Cursor<Vec<u8>>>,
}

impl Docx {
    pub fn new(bytes: Vec<u8>) -> Docx {
        Docx {
            zip: zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("DOCX is a zip"),
        }
    }

    pub fn part(&mut self, name: &str) -> String {
        let mut s = String::new();
        self.zip
            .by_name(name)
            .unwrap_or_else(|_| panic!("DOCX has no part {name}"))
            .read_to_string(&mut s)
            .unwrap();
        // One spelling of empty elements, whatever the writer's.
        s.replace(" />", "/>")
    }

    pub fn names(&self) -> Vec<String> {
        self.zip.file_names().map(str::to_string).collect()
    }

    /// Non-empty paragraphs of document.xml in order, with their style id.
    pub fn paragraphs(&mut self) -> Vec<Para> {
        paragraphs(&self.part("word/document.xml"))
    }
}

#[derive(Debug, Clone)]
pub struct Para {
    pub style: Option<String>,
    pub text: String,
    /// The paragraph's own XML, for checking its properties.
    pub xml: String,
}

pub fn paragraphs(xml: &str) -> Vec<Para> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut current: Option<(Option<String>, String, usize)> = None;
    let mut in_text = false;
    loop {
        let pos = reader.buffer_position() as usize;
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"w:p" => {
                current = Some((None, String::new(), pos))
            }
            Event::Empty(e) if e.name().as_ref() == b"w:pStyle" => {
                if let Some(c) = current.as_mut() {
                    let v = e.try_get_attribute("w:val").unwrap().unwrap();
                    c.0 = Some(String::from_utf8(v.value.to_vec()).unwrap());
                }
            }
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Text(t) if in_text => {
                if let Some(c) = current.as_mut() {
                    c.1.push_str(&t.xml_content().unwrap());
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(c) = current.as_mut() {
                    c.1.push_str(entity(&r));
                }
            }
            Event::End(e) if e.name().as_ref() == b"w:p" => {
                if let Some((style, text, start)) = current.take() {
                    let end = reader.buffer_position() as usize;
                    if !text.trim().is_empty() {
                        out.push(Para {
                            style,
                            text,
                            xml: xml[start..end].to_string(),
                        });
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The value of `attr` on the first `<tag …>` in `xml`.
pub fn attr(xml: &str, tag: &str, attr: &str) -> Option<String> {
    let start = xml
        .find(&format!("<{tag} "))
        .or_else(|| xml.find(&format!("<{tag}/")))?;
    let end = start + xml[start..].find('>')?;
    let element = &xml[start..end];
    let key = format!("{attr}=\"");
    let v = element.find(&key)? + key.len();
    Some(element[v..v + element[v..].find('"')?].to_string())
}

pub fn has_tool(name: &str) -> bool {
    Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {name}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

/// The character an XML entity reference stands for.
fn entity(name: &[u8]) -> &'static str {
    match name {
        b"amp" => "&",
        b"lt" => "<",
        b"gt" => ">",
        b"quot" => "\"",
        b"apos" => "'",
        other => panic!("entity {}", String::from_utf8_lossy(other)),
    }
}

/// Text of a PDF with pdftotext, in content order.
pub fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-raw")
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).unwrap()
}

/// Page sizes in points, from pdfinfo.
pub fn pdf_page_sizes(path: &Path) -> Vec<(f32, f32)> {
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .map(|l| {
            let nums: Vec<f32> = l
                .split_whitespace()
                .filter_map(|w| w.parse().ok())
                .collect();
            (nums[1], nums[2])
        })
        .collect()
}

/// A copy of `data/` in a temporary folder, to edit and render without
/// touching the repository.
pub struct Case {
    pub dir: tempfile::TempDir,
}

pub const PLAN: &str = "ke-hoach-binh-dang-gioi-bat-trang-2026.yaml";

impl Case {
    pub fn new() -> Case {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&root().join("data"), dir.path());
        Case { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Rewrite the plan with `f`; panics if the edit changed nothing.
    pub fn edit(self, f: impl FnOnce(String) -> String) -> Case {
        let path = self.path(PLAN);
        let before = std::fs::read_to_string(&path).unwrap();
        let after = f(before.clone());
        assert_ne!(before, after, "the edit must change the plan");
        std::fs::write(&path, after).unwrap();
        self
    }

    pub fn plan(&self) -> PathBuf {
        self.path(PLAN)
    }

    /// `vanban ARGS…` with the working directory in the case folder.
    pub fn vanban(&self, args: &[&str]) -> std::process::Output {
        Command::new(env!("CARGO_BIN_EXE_vanban"))
            .args(args)
            .current_dir(self.dir.path())
            .output()
            .unwrap()
    }

    /// `vanban ARGS…` that must succeed; its stderr is shown if it does not.
    pub fn vanban_ok(&self, args: &[&str]) -> std::process::Output {
        let out = self.vanban(args);
        assert!(
            out.status.success(),
            "vanban {}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }

    /// The DOCX at `rel`, opened for reading back.
    pub fn docx(&self, rel: &str) -> Docx {
        Docx::new(std::fs::read(self.path(rel)).unwrap_or_else(|e| panic!("{rel}: {e}")))
    }

    /// Text of each non-empty paragraph of the DOCX at `rel`, as written.
    pub fn paragraphs(&self, rel: &str) -> Vec<String> {
        self.docx(rel)
            .paragraphs()
            .into_iter()
            .map(|p| p.text)
            .collect()
    }

    /// The same, with whitespace runs collapsed (draft blanks).
    pub fn norm_paragraphs(&self, rel: &str) -> Vec<String> {
        self.paragraphs(rel).iter().map(|p| norm(p)).collect()
    }

    /// Files in `rel`, sorted (none if it does not exist).
    pub fn files(&self, rel: &str) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(self.path(rel))
            .map(|d| {
                d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Words of a PDF page with their boxes, from `pdftotext -bbox`.
#[derive(Debug, Clone)]
pub struct Word {
    pub text: String,
    pub x_min: f32,
    pub y_min: f32,
    pub x_max: f32,
    pub y_max: f32,
}

pub fn pdf_words(path: &Path, page: usize) -> Vec<Word> {
    let out = Command::new("pdftotext")
        .args(["-bbox", "-f", &page.to_string(), "-l", &page.to_string()])
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    html.split("<word ")
        .skip(1)
        .map(|w| {
            let num = |k: &str| {
                attr(&format!("<word {w}"), "word", k)
                    .unwrap()
                    .parse::<f32>()
                    .unwrap()
            };
            let text = &w[w.find('>').unwrap() + 1..w.find("</word>").unwrap()];
            Word {
                text: text
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&amp;", "&"),
                x_min: num("xMin"),
                y_min: num("yMin"),
                x_max: num("xMax"),
                y_max: num("yMax"),
            }
        })
        .collect()
}

/// Whether a test that needs `tool` can run; prints why not if it cannot.
pub fn need(tool: &str, why: &str) -> bool {
    let ok = has_tool(tool);
    // CI installs every tool; there a missing one is a failure, not a skip.
    if !ok && std::env::var_os("VANBAN_REQUIRE_TOOLS").is_some() {
        panic!("`{tool}` is required ({why}) but not installed");
    }
    if !ok {
        eprintln!("SKIPPED: `{tool}` is not installed ({why}); .ci/run installs it");
    }
    ok
}

/// Compare two word sequences, reporting the first difference in context
/// rather than both sequences whole.
pub fn assert_same_words(got: &[&str], want: &[&str]) {
    if let Some(i) = got.iter().zip(want).position(|(g, w)| g != w) {
        let from = i.saturating_sub(8);
        panic!(
            "word {i} differs:\n  got:  … {}\n  want: … {}",
            got[from..(i + 8).min(got.len())].join(" "),
            want[from..(i + 8).min(want.len())].join(" ")
        );
    }
    assert_eq!(got.len(), want.len(), "word count");
}

/// The DOCX at `docx` as LibreOffice lays it out, as a PDF beside it in
/// `lo/`. LibreOffice is shown vanban's own fonts (Liberation Serif, which
/// it puts in place of Times New Roman), so that it measures the same
/// glyphs as the PDF writer wherever the tests run.
pub fn libreoffice_pdf(docx: &Path) -> PathBuf {
    libreoffice(docx, "pdf", "pdf")
}

/// The DOCX at `docx` converted by LibreOffice with `filter`
/// (`pdf`, `docx:MS Word 2007 XML`), beside it in `lo/` with `extension`,
/// vanban's own fonts shown to it as in [`libreoffice_pdf`].
pub fn libreoffice(docx: &Path, filter: &str, extension: &str) -> PathBuf {
    let dir = docx.parent().unwrap().join("lo");
    std::fs::create_dir_all(&dir).unwrap();
    let conf = dir.join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n\
             <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n\
             <dir>{}</dir>\n<cachedir>{}</cachedir>\n</fontconfig>\n",
            root().join("assets/fonts").display(),
            dir.join("fc-cache").display()
        ),
    )
    .unwrap();
    let out = Command::new("soffice")
        .args(["--headless", "--convert-to", filter, "--outdir"])
        .arg(&dir)
        .arg(docx)
        .env("HOME", &dir)
        .env("FONTCONFIG_FILE", &conf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    dir.join(docx.file_stem().unwrap())
        .with_extension(extension)
}

/// Pages of a PDF, from pdfinfo.
pub fn pdf_pages(path: &Path) -> usize {
    pdf_page_sizes(path).len()
}

/// openxml-audit's report of a DOCX: `Errors: 0` when Word would open it
/// cleanly. None when the tool is missing (and not required).
pub fn audit(docx: &Path) -> Option<String> {
    let available = Command::new("python3")
        .args(["-c", "import openxml_audit"])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    if !available {
        if std::env::var_os("VANBAN_REQUIRE_TOOLS").is_some() {
            panic!("openxml-audit is required");
        }
        eprintln!("SKIPPED: python package openxml-audit is not installed; .ci/run installs it");
        return None;
    }
    let out = Command::new("python3")
        .args(["-m", "openxml_audit", "-m", "0"])
        .arg(docx)
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The runs of a paragraph's XML: text, bold, italic, and whether a line
/// break (`w:br`) comes before the text.
pub fn runs(para_xml: &str) -> Vec<(String, bool, bool)> {
    let mut reader = Reader::from_str(para_xml);
    let mut out = Vec::new();
    let (mut text, mut bold, mut italic, mut in_run, mut in_text) =
        (String::new(), false, false, false, false);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"w:r" => {
                (text, bold, italic, in_run) = (String::new(), false, false, true)
            }
            Event::End(e) if e.name().as_ref() == b"w:r" => {
                out.push((std::mem::take(&mut text), bold, italic));
                in_run = false;
            }
            Event::Empty(e) if in_run && e.name().as_ref() == b"w:b" => bold = true,
            Event::Empty(e) if in_run && e.name().as_ref() == b"w:i" => italic = true,
            Event::Empty(e) if in_run && e.name().as_ref() == b"w:br" => text.push('\n'),
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_text = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_text = false,
            Event::Text(t) if in_text => text.push_str(&t.xml_content().unwrap()),
            Event::GeneralRef(r) if in_text => text.push_str(entity(&r)),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Render `fixture` (under `tests/fixtures/`) into a fresh folder: the
/// folder, and the DOCX and PDF written there.
pub fn render_fixture(fixture: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    render_file(&format!("tests/fixtures/{fixture}"))
}

/// Render the document at `rel` (from the repository's root) into a fresh
/// folder: the folder, and the DOCX and PDF written there.
pub fn render_file(rel: &str) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let input = root().join(rel);
    let out = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .arg("render")
        .arg(&input)
        .arg("-o")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "vanban render {rel}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stem = input.file_stem().unwrap();
    let docx = dir.path().join(stem).with_extension("docx");
    let pdf = dir.path().join(stem).with_extension("pdf");
    (dir, docx, pdf)
}

/// A PDF bookmark: its depth (0 at the top), title and target page.
#[derive(Debug, Clone, PartialEq)]
pub struct Bookmark {
    pub depth: usize,
    pub title: String,
    pub page: usize,
}

/// pdftohtml's XML of a PDF: its outline and its links.
pub fn pdf_xml(pdf: &Path) -> String {
    let out = Command::new("pdftohtml")
        .args(["-xml", "-i", "-stdout"])
        .arg(pdf)
        .output()
        .unwrap();
    assert!(out.status.success(), "pdftohtml {}", pdf.display());
    String::from_utf8(out.stdout).unwrap()
}

pub fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&amp;", "&")
}

/// The bookmarks in order, each with its depth.
pub fn bookmarks(pdf: &Path) -> Vec<Bookmark> {
    let xml = pdf_xml(pdf);
    let Some(start) = xml.find("<outline>") else {
        return Vec::new();
    };
    let mut depth = 0usize;
    let mut out = Vec::new();
    let mut rest = &xml[start..];
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if let Some(r) = rest.strip_prefix("<outline>") {
            depth += 1;
            rest = r;
        } else if let Some(r) = rest.strip_prefix("</outline>") {
            depth -= 1;
            rest = r;
            if depth == 0 {
                break;
            }
        } else if rest.starts_with("<item") {
            let page = attr(rest, "item", "page").unwrap().parse().unwrap();
            let open = rest.find('>').unwrap() + 1;
            let close = rest.find("</item>").unwrap();
            out.push(Bookmark {
                depth: depth - 1,
                title: unescape(&rest[open..close]),
                page,
            });
            rest = &rest[close..];
        } else {
            rest = &rest[1..];
        }
    }
    out
}

/// What one run of vanban did: its status, output, time and peak memory.
pub struct Run {
    pub status: std::process::ExitStatus,
    pub output: String,
    pub wall: std::time::Duration,
    pub peak_mb: f64,
}

/// `vanban ARGS…` in `dir`, measured: wall time and the child's peak
/// resident memory, from `wait4`.
pub fn measured(dir: &Path, args: &[&str]) -> Run {
    let log = dir.join(format!("run-{}.log", args.join("_").replace('/', "_")));
    let file = std::fs::File::create(&log).unwrap();
    let start = std::time::Instant::now();
    #[allow(clippy::zombie_processes)] // reaped by wait4 below
    let child = Command::new(env!("CARGO_BIN_EXE_vanban"))
        .args(args)
        .current_dir(dir)
        .stdout(std::process::Stdio::from(file.try_clone().unwrap()))
        .stderr(std::process::Stdio::from(file))
        .spawn()
        .unwrap();
    let mut status = 0;
    // SAFETY: FFI on our own child; `usage` is filled by the kernel.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
    assert!(pid > 0);
    Run {
        status: std::os::unix::process::ExitStatusExt::from_raw(status),
        output: std::fs::read_to_string(&log).unwrap_or_default(),
        wall: start.elapsed(),
        peak_mb: usage.ru_maxrss as f64 / 1024.0,
    }
}
