//! Swapping a staged site in for the output folder, and putting things right after a build
//! killed mid-swap.
//!
//! On Linux the swap is one `renameat2(RENAME_EXCHANGE)`: at every instant the output folder
//! is the whole old site or the whole new one, even for a server reading it during the swap
//! or when the build is killed. Elsewhere, or on a filesystem that refuses the exchange, it
//! is two renames; a build killed between them leaves no output folder until the next build
//! puts the old one back ([`recover`]).

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::paths::{absolute, context};

pub(super) fn sibling(output: &Path, kind: &str, id: u32) -> io::Result<PathBuf> {
    let out = absolute(output)?;
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("site");
    Ok(out.with_file_name(format!(".{name}.sitegen-{kind}-{id}")))
}

/// Puts back an output folder that a build killed mid-swap left aside, and removes the
/// staging folders of dead builds.
pub(super) fn recover(output: &Path) -> io::Result<()> {
    let out = absolute(output)?;
    let Some(parent) = out.parent() else {
        return Ok(());
    };
    let name = out.file_name().and_then(|n| n.to_str()).unwrap_or("site");
    let prefix = format!(".{name}.sitegen-");
    let mut entries: Vec<PathBuf> = fs::read_dir(parent)
        .map_err(|e| context("reading", parent, e))?
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
            // Killed between the two renames of the fallback swap: this is the old site.
            fs::rename(&path, &out)
                .map_err(|e| context(&format!("putting back the previous site as {} from", out.display()), &path, e))?;
        } else if let Err(error) = fs::remove_dir_all(&path) {
            // A leftover is garbage, not a danger: one that cannot be removed (made read-only,
            // say) must not stop every later build.
            eprintln!("warning: output: could not remove {}, left by an earlier build: {error}", path.display());
        }
    }
    Ok(())
}

/// The folder a swap moved the previous site to. Until it is removed, it holds the name the
/// next build stages into: remove it before the next build starts.
#[must_use = "the previous site stays on disk until removed"]
pub struct PreviousSite(pub(super) PathBuf);

impl PreviousSite {
    /// Removes the previous site. The new site is in place by then, so a failure is only a
    /// warning: reporting the build as failed would be false.
    pub fn remove(self) {
        if let Err(error) = fs::remove_dir_all(&self.0) {
            eprintln!(
                "warning: output: the new site is in place, but the previous one could not be removed from {}: {error}",
                self.0.display()
            );
        }
    }
}

/// Swaps the folders `a` and `b` in one step, so that neither path is ever missing.
#[cfg(target_os = "linux")]
pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
pub(super) fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::Error::new(io::ErrorKind::Unsupported, "no atomic exchange of folders on this system"))
}

/// Replaces `output` with `new` by moving it aside, then `new` in. The output folder is
/// missing between the two renames: a reader can see it missing, and a build killed there
/// leaves the previous site at `.<output>.sitegen-old-<pid>`, which the next build's
/// [`recover`] puts back.
pub(super) fn swap_by_renames(new: &Path, output: &Path) -> io::Result<PreviousSite> {
    let old = sibling(output, "old", std::process::id())?;
    fs::rename(output, &old)?;
    if let Err(error) = fs::rename(new, output) {
        return match fs::rename(&old, output) {
            Ok(()) => Err(error),
            Err(back) => Err(io::Error::new(
                error.kind(),
                format!(
                    "{error}; moving the previous site back failed too ({back}): it is at {}, and the next build puts it back",
                    old.display()
                ),
            )),
        };
    }
    Ok(PreviousSite(old))
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

    use super::*;
    use crate::build::output::{MARKER, Staging};

    fn site(dir: &Path, text: &str) {
        fs::create_dir_all(dir).unwrap();
        fs::write(dir.join(MARKER), "").unwrap();
        fs::write(dir.join("index.html"), text).unwrap();
    }

    fn index(dir: &Path) -> String {
        fs::read_to_string(dir.join("index.html")).unwrap()
    }

    fn leftovers(parent: &Path) -> Vec<String> {
        let names = fs::read_dir(parent).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned());
        names.filter(|n| n.contains(".sitegen-")).collect()
    }

    /// The state a build killed between the fallback's two renames leaves: no output folder,
    /// the previous site moved aside, the new one still staged. The next build puts the
    /// previous site back and removes the rest.
    #[test]
    fn a_build_killed_between_the_renames_is_undone_by_the_next() {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        let dead = u32::MAX; // no process has this id
        site(&sibling(&out, "old", dead).unwrap(), "A");
        site(&sibling(&out, "new", dead).unwrap(), "B");
        assert!(!out.exists());
        let staging = Staging::create(&out).unwrap();
        assert_eq!(index(&out), "A");
        staging.write("index.html", b"C").unwrap();
        if let Some(previous) = staging.commit().unwrap() {
            previous.remove();
        }
        assert_eq!(index(&out), "C");
        assert_eq!(leftovers(root.path()), Vec::<String>::new());
    }

    /// Counts how often a reader polling the output folder finds it missing while `swaps`
    /// new sites are swapped in by `swap`.
    fn missing_while_swapping(swap: impl Fn(&Path, &Path) -> io::Result<()>, swaps: usize) -> usize {
        let root = tempfile::tempdir().unwrap();
        let out = root.path().join("out");
        site(&out, "0");
        let done = AtomicBool::new(false);
        std::thread::scope(|scope| {
            let reader = scope.spawn(|| {
                let mut missing = 0;
                while !done.load(Ordering::Relaxed) {
                    missing += usize::from(fs::symlink_metadata(&out).is_err());
                }
                missing
            });
            for i in 0..swaps {
                let new = sibling(&out, "new", std::process::id()).unwrap();
                site(&new, &i.to_string());
                swap(&new, &out).unwrap();
            }
            done.store(true, Ordering::Relaxed);
            reader.join().unwrap()
        })
    }

    /// A server reading the output folder during a build never finds it missing: the swap
    /// is one exchange. (The two renames it replaced leave a gap a reader does hit; the count
    /// is printed, not asserted, as it depends on scheduling.)
    #[cfg(target_os = "linux")]
    #[test]
    fn readers_never_find_the_output_missing() {
        let probe = tempfile::tempdir().unwrap();
        let (a, b) = (probe.path().join("a"), probe.path().join("b"));
        fs::create_dir(&a).unwrap();
        fs::create_dir(&b).unwrap();
        if let Err(error) = exchange(&a, &b) {
            eprintln!("skipped: this filesystem refuses RENAME_EXCHANGE ({error}); builds use two renames here");
            return;
        }
        let commit = |new: &Path, out: &Path| {
            let staging = Staging {
                dir: new.to_path_buf(),
                output: out.to_path_buf(),
                digest: AtomicU64::new(0),
                previous: None,
                folders: Default::default(),
            };
            staging.commit().map(|previous| previous.map_or((), PreviousSite::remove))
        };
        assert_eq!(missing_while_swapping(commit, 300), 0);
        eprintln!(
            "two renames: the reader found the output missing {} time(s) in 300 swaps",
            missing_while_swapping(|new, out| swap_by_renames(new, out).map(PreviousSite::remove), 300)
        );
    }
}
