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

/// Why a path inside the content folder cannot be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum PathError {
    /// Nothing is there.
    #[error("file not found")]
    NotFound,
    /// The path cannot be resolved (a loop of links, no permission).
    #[error("cannot open: {0}")]
    Unreadable(#[source] std::io::Error),
    /// The path, or a link on it, leads out of the content folder.
    #[error("resolves outside the content folder")]
    Outside,
}

/// The place `path` resolves to (through any links), when it is inside `root`.
pub(crate) fn resolve_inside(path: &Path, root: &Path) -> Result<PathBuf, PathError> {
    let resolved = path.canonicalize().map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => PathError::NotFound,
        _ => PathError::Unreadable(error),
    })?;
    if resolved.starts_with(root) { Ok(resolved) } else { Err(PathError::Outside) }
}
