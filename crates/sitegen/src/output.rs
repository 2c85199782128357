//! The output folder: refused when it would endanger content, built beside it in a staging
//! folder, swapped in only when the whole build has succeeded.
//!
//! sitegen writes only the output folder and, beside it, its own temporary folders named
//! `.<output>.sitegen-new-<pid>` and `.<output>.sitegen-old-<pid>`. It replaces an existing
//! output folder only if it is empty or carries the marker file a previous build left, so a
//! mistyped `--output` never deletes somebody's documents.

use std::fs;
use std::hash::{Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The file that marks a folder as sitegen's output.
pub const MARKER: &str = ".sitegen-output";

/// A folder being filled with a new site.
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    /// The sum of a hash of each file written (path and bytes), in any order.
    digest: AtomicU64,
    /// The current output folder, when files identical to its own are to be hard-linked from
    /// it rather than written again.
    previous: Option<PathBuf>,
}

fn absolute(path: &Path) -> io::Result<PathBuf> {
    if path.exists() {
        return path.canonicalize();
    }
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().ok_or_else(|| io::Error::other("the output path has no folder name"))?;
    Ok(parent.canonicalize()?.join(name))
}

/// Checks that writing `output` cannot touch `protected` folders (the content folder, the
/// themes), and that an existing output folder is one sitegen made.
pub fn check_output(output: &Path, content: &Path, protected: &[&Path]) -> Result<(), String> {
    let out = absolute(output).map_err(|e| format!("output folder {}: {e}", output.display()))?;
    let content_abs = content.canonicalize().map_err(|e| format!("content folder {}: {e}", content.display()))?;
    if out == content_abs || content_abs.starts_with(&out) {
        return Err(format!(
            "refusing to build into {}: it is or contains the content folder {}",
            output.display(),
            content.display()
        ));
    }
    if out.starts_with(&content_abs) {
        return Err(format!(
            "refusing to build into {}: it is inside the content folder {}",
            output.display(),
            content.display()
        ));
    }
    for folder in protected {
        if let Ok(folder_abs) = folder.canonicalize()
            && (out == folder_abs || folder_abs.starts_with(&out) || out.starts_with(&folder_abs))
        {
            return Err(format!("refusing to build into {}: it overlaps {}", output.display(), folder.display()));
        }
    }
    if out.exists() {
        if !out.is_dir() {
            return Err(format!("output {} exists and is not a folder", output.display()));
        }
        let empty =
            fs::read_dir(&out).map_err(|e| format!("output folder {}: {e}", output.display()))?.next().is_none();
        if !empty && !out.join(MARKER).is_file() {
            return Err(format!(
                "refusing to replace {}: it is not empty and was not made by sitegen (no {MARKER} file); choose another --output or empty it",
                output.display()
            ));
        }
    }
    Ok(())
}

/// A file's share of a site's digest: a hash of its path and bytes.
pub fn file_share(relative: &str, bytes: &[u8]) -> u64 {
    let mut hasher = std::hash::DefaultHasher::new();
    (relative, bytes).hash(&mut hasher);
    hasher.finish()
}

fn sibling(output: &Path, kind: &str, id: u32) -> io::Result<PathBuf> {
    let out = absolute(output)?;
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("site");
    Ok(out.with_file_name(format!(".{name}.sitegen-{kind}-{id}")))
}

/// Puts back an output folder that a build killed mid-swap left aside, and removes the
/// staging folders of dead builds.
fn recover(output: &Path) -> io::Result<()> {
    let out = absolute(output)?;
    let Some(parent) = out.parent() else {
        return Ok(());
    };
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("site");
    let prefix = format!(".{name}.sitegen-");
    let mut entries: Vec<PathBuf> = fs::read_dir(parent)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(&prefix)))
        .collect();
    entries.sort();
    for path in entries {
        let leaf = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let pid: Option<u32> = leaf.rsplit('-').next().and_then(|p| p.parse().ok());
        if pid.is_some_and(|p| p != std::process::id() && Path::new(&format!("/proc/{p}")).exists()) {
            continue; // another build is running
        }
        if leaf.starts_with(&format!("{prefix}old-")) && !out.exists() {
            fs::rename(&path, &out)?;
        } else {
            fs::remove_dir_all(&path)?;
        }
    }
    Ok(())
}

impl Staging {
    /// Creates an empty staging folder beside `output`.
    pub fn create(output: &Path) -> io::Result<Staging> {
        recover(output)?;
        let dir = sibling(output, "new", std::process::id())?;
        fs::create_dir(&dir)?;
        fs::write(dir.join(MARKER), "This folder is generated by sitegen; it is replaced on every build.\n")?;
        Ok(Staging { dir, output: output.to_path_buf(), digest: AtomicU64::new(0), previous: None })
    }

    /// From now on, a file whose bytes equal those of the same regular file in the current
    /// output folder is hard-linked from there instead of written: a rebuild after a small
    /// edit then creates few new files, which is most of what writing a site costs. The new
    /// site is the same; the old folder is removed at the swap as before, and its files live
    /// on only as the new site's.
    pub fn link_unchanged(&mut self) {
        self.previous = self.output.canonicalize().ok().filter(|p| p.join(MARKER).is_file());
    }

    /// Hard-links `path` from the previous output when the file there holds `bytes`.
    fn linked(&self, relative: &str, bytes: &[u8], path: &Path) -> bool {
        let Some(previous) = &self.previous else {
            return false;
        };
        let old = previous.join(relative);
        let same_size = fs::symlink_metadata(&old).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64);
        same_size && fs::read(&old).is_ok_and(|old_bytes| old_bytes == bytes) && fs::hard_link(&old, path).is_ok()
    }

    /// Writes `bytes` at `relative` (a `/`-separated path made by sitegen) inside the new site.
    /// Returns the file's share of the digest (a hash of its path and bytes).
    pub fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<u64> {
        let path = self.dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        let share = file_share(relative, bytes);
        self.digest.fetch_add(share, Ordering::Relaxed);
        if self.linked(relative, bytes, &path) {
            return Ok(share);
        }
        fs::write(&path, bytes).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        Ok(share)
    }

    /// Writes a file derived from the pages (the search bundle): like [`Staging::write`], but
    /// not counted in the digest, which the pages already determine.
    pub fn write_derived(&self, relative: &str, bytes: &[u8]) -> io::Result<()> {
        let share = file_share(relative, bytes);
        self.write(relative, bytes)?;
        self.digest.fetch_sub(share, Ordering::Relaxed);
        Ok(())
    }

    /// Hard-links `relative` from the previous output, where a file of `len` bytes whose share
    /// of the digest was `share` is expected, without reading it: the caller knows it holds
    /// what would be written. False when there is no such file; nothing is linked then.
    pub fn link_previous(&self, relative: &str, len: u64, share: u64) -> bool {
        let Some(previous) = &self.previous else {
            return false;
        };
        let old = previous.join(relative);
        if !fs::symlink_metadata(&old).is_ok_and(|m| m.is_file() && m.len() == len) {
            return false;
        }
        let path = self.dir.join(relative);
        let parent_made = path.parent().is_none_or(|parent| fs::create_dir_all(parent).is_ok());
        if !parent_made || fs::hard_link(&old, &path).is_err() {
            return false;
        }
        self.digest.fetch_add(share, Ordering::Relaxed);
        true
    }

    /// Hard-links every file of the previous output whose relative path `keep` accepts
    /// (the search bundle of the last site while a new one is built, or all the pages while
    /// only the search bundle changes). These files do not count in the digest. Returns the
    /// number of files linked.
    pub fn link_previous_files(&self, keep: impl Fn(&str) -> bool) -> io::Result<usize> {
        let Some(previous) = &self.previous else {
            return Ok(0);
        };
        let mut linked = 0;
        for entry in walkdir::WalkDir::new(previous).sort_by_file_name() {
            let entry = entry.map_err(io::Error::other)?;
            let relative = entry.path().strip_prefix(previous).expect("walked below previous");
            let Some(relative) = relative.to_str().map(|r| r.replace('\\', "/")) else {
                continue;
            };
            if !entry.file_type().is_file() || relative == MARKER || !keep(&relative) {
                continue;
            }
            let path = self.dir.join(&relative);
            if let Some(parent) = path.parent() {
                fs::create_dir_all(parent)?;
            }
            fs::hard_link(entry.path(), &path)
                .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
            linked += 1;
        }
        Ok(linked)
    }

    /// True when the previous output holds `relative` (a file or a folder).
    pub fn previous_has(&self, relative: &str) -> bool {
        self.previous.as_ref().is_some_and(|previous| previous.join(relative).exists())
    }

    /// Reads back a text file written at `relative` (the search index reads the staged pages).
    pub fn read(&self, relative: &str) -> io::Result<String> {
        let path = self.dir.join(relative);
        fs::read_to_string(&path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
    }

    /// A fingerprint of the files written so far: equal for the same paths and bytes, whatever
    /// the order they were written in.
    pub fn digest(&self) -> u64 {
        self.digest.load(Ordering::Relaxed)
    }

    /// Replaces the output folder with the new site.
    pub fn commit(self) -> io::Result<()> {
        let old = sibling(&self.output, "old", std::process::id())?;
        let had_output = self.output.exists();
        if had_output {
            fs::rename(&self.output, &old)?;
        }
        if let Err(error) = fs::rename(&self.dir, &self.output) {
            if had_output {
                fs::rename(&old, &self.output)?;
            }
            return Err(error);
        }
        if had_output {
            fs::remove_dir_all(&old)?;
        }
        Ok(())
    }

    /// Abandons the new site, leaving the output folder as it was.
    pub fn discard(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}
