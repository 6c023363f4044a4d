//! Writing outputs so that a failed run leaves nothing half-written and an
//! earlier good file untouched: write a temporary file beside the target,
//! then rename it over.

use anyhow::{bail, Context, Result};
use std::io::Write;
use std::path::Path;

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    refuse_symlink(path)?;
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".vanban-");
    // A temporary file is private (0600), and the rename would keep that:
    // the output gets the mode of any new file instead (0666 less the
    // umask), so colleagues on a shared folder can open it.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut tmp = builder.tempfile_in(dir).with_context(|| {
        format!(
            "không tạo được tệp tạm trong {} (cannot create temp file)",
            dir.display()
        )
    })?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .with_context(|| format!("không ghi được {} (cannot write)", path.display()))?;
    tmp.persist(path)
        .with_context(|| format!("không ghi được {} (cannot write)", path.display()))?;
    Ok(())
}

/// Refuse to replace an existing file unless asked to (`--force`).
pub fn refuse_overwrite(path: &Path, force: bool) -> Result<()> {
    if path.exists() && !force {
        bail!(
            "{} đã có; dùng --force để ghi đè (output exists)",
            path.display()
        );
    }
    Ok(())
}

/// An output that is a symbolic link is not written through: the link could
/// point anywhere on the machine. (The rename would replace the link, but a
/// link there is a sign of something wrong, so vanban stops and says so.)
pub fn refuse_symlink(path: &Path) -> Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        bail!(
            "{} là liên kết tượng trưng (symlink); vanban không ghi qua liên kết, hãy xóa nó hoặc chọn thư mục khác",
            path.display()
        );
    }
    Ok(())
}
