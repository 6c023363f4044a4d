//! Opening a Word file a clerk hands vanban, for `import` and `check`: the
//! file read within a size bound, a `.doc` turned into DOCX by LibreOffice
//! in a private temporary folder under a time limit, then read by
//! [`crate::word`]. Every refusal names the file and what is wrong.

use crate::diag::Diagnostic;
use crate::word::{self, Limits, WordDoc};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The largest file read at all: a DOCX of a thousand pages with images is
/// under this.
const MAX_FILE: u64 = 200 << 20;

/// How long LibreOffice may take to convert one `.doc`.
const CONVERT_LIMIT: Duration = Duration::from_secs(120);

pub fn open(path: &Path) -> Result<WordDoc, Diagnostic> {
    let fail = |msg: String| Diagnostic::error(msg).in_file(path);
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("không đọc được tệp: {e}")))?;
    if !meta.is_file() {
        return Err(fail("không phải một tệp (not a file)".into()));
    }
    if meta.len() > MAX_FILE {
        return Err(fail(format!(
            "tệp {} MB, quá lớn cho một văn bản (file too large)",
            meta.len() >> 20
        )));
    }
    let is_doc = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("doc"));
    let bytes = match is_doc {
        true => from_doc(path).map_err(fail)?,
        false => std::fs::read(path).map_err(|e| fail(format!("không đọc được tệp: {e}")))?,
    };
    word::read(bytes, Limits::default()).map_err(|r| fail(r.to_string()))
}

/// A Word 97 file converted by LibreOffice, in a folder of its own with a
/// profile of its own (no settings, macros or files of the user's reach it).
fn from_doc(path: &Path) -> Result<Vec<u8>, String> {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|c| {
        Command::new(c)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok()
    }) else {
        return Err(
            "tệp .doc (Word 97-2003) cần LibreOffice để chuyển sang DOCX, mà máy chưa cài: cài \
             LibreOffice, hoặc mở tệp bằng Word và lưu thành .docx (LibreOffice not installed)"
                .into(),
        );
    };
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let input = dir.path().join("input.doc");
    std::fs::copy(path, &input).map_err(|e| e.to_string())?;
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let mut child = Command::new(soffice)
        .arg(&profile)
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&input)
        .env("HOME", dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("không chạy được LibreOffice: {e}"))?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            if !status.success() {
                return Err("LibreOffice không chuyển được tệp .doc này".into());
            }
            break;
        }
        if started.elapsed() > CONVERT_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!(
                "LibreOffice chưa chuyển xong sau {} giây: dừng (conversion timed out)",
                CONVERT_LIMIT.as_secs()
            ));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    std::fs::read(dir.path().join("input.docx"))
        .map_err(|_| "LibreOffice không tạo ra tệp DOCX".to_string())
}

/// Whether `path` is a Word file rather than YAML, by its name.
pub fn is_word(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["docx", "docm", "doc", "dotx"].contains(&e.to_ascii_lowercase().as_str()))
}
