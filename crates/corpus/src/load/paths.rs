//! Paths inside the content folder: every file the loader reads must resolve (through any
//! symbolic links) to a place inside it, so that content cannot publish a file from outside
//! (a key, another project's data).

use std::path::{Component, Path, PathBuf};

/// `a/sources/../texts/x.txt` as `a/texts/x.txt`, without touching the file system.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// True when `path` resolves (through any links) to a place inside `root`.
pub(crate) fn resolve_inside(path: &Path, root: &Path) -> Result<PathBuf, String> {
    let resolved = path.canonicalize().map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => "file not found".to_string(),
        _ => format!("cannot open: {error}"),
    })?;
    if resolved.starts_with(root) { Ok(resolved) } else { Err("resolves outside the content folder".to_string()) }
}
