//! Reusing sources between loads (`sitegen serve` rebuilds on every save). A source whose
//! YAML file and body file still have the resolved path, modification time and length they
//! had when it was last loaded is taken from memory instead of being parsed and cleaned
//! again. Sources that had errors are never kept, so their errors are found again.
//!
//! Each stamp is taken before its file is read: a file changed while it was being read gets a
//! new stamp, so it is read again next time rather than kept stale.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::paths::{normalize, resolve_inside};
use crate::Source;

/// Sources kept from the previous load, by YAML path. See [`crate::load_with`].
#[derive(Debug, Default)]
pub struct LoadCache {
    root: Option<PathBuf>,
    sources: HashMap<PathBuf, Cached>,
    reused: usize,
}

#[derive(Debug)]
struct Cached {
    yaml: Stamp,
    body: Option<BodyDep>,
    source: Source,
}

/// What a file looked like: where it resolves to, when it was modified, how long it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Stamp {
    canonical: PathBuf,
    modified: SystemTime,
    len: u64,
}

impl Stamp {
    /// The stamp of `path` now, or None when it cannot be had (then nothing is reused).
    pub(crate) fn of(path: &Path) -> Option<Stamp> {
        let meta = fs::metadata(path).ok()?;
        Some(Stamp { canonical: path.canonicalize().ok()?, modified: meta.modified().ok()?, len: meta.len() })
    }
}

/// A source's body file: the path as the YAML names it (joined to the YAML's folder) and its
/// stamp, taken just before it was read.
#[derive(Debug, Clone)]
pub(crate) struct BodyDep {
    /// The path as written, so that a body file later moved outside the content folder (or
    /// linked out of it) is refused again rather than reused.
    pub(crate) target: PathBuf,
    /// None when the file could not be stamped: then the source is never reused.
    pub(crate) stamp: Option<Stamp>,
}

impl LoadCache {
    /// How many sources the last load took from memory.
    pub fn reused(&self) -> usize {
        self.reused
    }

    /// The source loaded from `yaml` last time, if none of its files changed since.
    pub(crate) fn get(&self, yaml: &Path, root: &Path) -> Option<Source> {
        if self.root.as_deref() != Some(root) {
            return None;
        }
        let cached = self.sources.get(yaml)?;
        if Stamp::of(yaml)? != cached.yaml || !cached.yaml.canonical.starts_with(root) {
            return None;
        }
        if let Some(body) = &cached.body {
            let stamp = body.stamp.as_ref()?;
            resolve_inside(&body.target, root).ok()?;
            if Stamp::of(&normalize(&body.target))? != *stamp {
                return None;
            }
        }
        Some(cached.source.clone())
    }

    /// Keeps what this load found, one entry per source file: the sources reused stay, the
    /// ones loaded again replace theirs, and files that failed or are gone are forgotten.
    pub(crate) fn update(&mut self, root: &Path, loaded: Vec<Keep>) {
        if self.root.as_deref() != Some(root) {
            self.sources.clear();
        }
        self.root = Some(root.to_path_buf());
        let mut old = std::mem::take(&mut self.sources);
        self.reused = 0;
        for keep in loaded {
            match keep {
                Keep::Reused(path) => {
                    if let Some(cached) = old.remove(&path) {
                        self.reused += 1;
                        self.sources.insert(path, cached);
                    }
                }
                Keep::Loaded(loaded) => {
                    let (path, yaml, body, source) = *loaded;
                    self.sources.insert(path, Cached { yaml, body, source });
                }
                Keep::Nothing => {}
            }
        }
    }
}

/// What one source file of a load leaves in the cache.
pub(crate) enum Keep {
    /// Taken from the cache: keep its entry.
    Reused(PathBuf),
    /// Loaded afresh without errors: its YAML path and stamp, its body file, the source.
    Loaded(Box<(PathBuf, Stamp, Option<BodyDep>, Source)>),
    /// Failed to load, or could not be stamped: keep nothing.
    Nothing,
}
