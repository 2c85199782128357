//! Paths as the output folder's checks and I/O errors need them: absolute, and named in
//! every error.

use std::io;
use std::path::{Path, PathBuf};

/// `path` made absolute, whether or not it exists yet: its parent must.
pub(super) fn absolute(path: &Path) -> io::Result<PathBuf> {
    if path.exists() {
        return path.canonicalize();
    }
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| io::Error::other("the output path has no folder name"))?;
    Ok(parent.canonicalize()?.join(name))
}

/// `error` with what was being done, and to which path: an OS error alone ("No space left on
/// device") does not say where.
pub(super) fn context(action: &str, path: &Path, error: io::Error) -> io::Error {
    io::Error::new(error.kind(), format!("{action} {}: {error}", path.display()))
}
