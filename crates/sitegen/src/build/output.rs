//! The output folder: refused when it would endanger content, built beside it in a staging
//! folder, swapped in only when the whole build has succeeded.
//!
//! sitegen writes only the output folder and, beside it, its own temporary folders named
//! `.<output>.sitegen-new-<pid>` and `.<output>.sitegen-old-<pid>`. It replaces an existing
//! output folder only if it is empty or carries the marker file a previous build left, so a
//! mistyped `--output` never deletes somebody's documents.
//!
//! On Linux the swap is one `renameat2(RENAME_EXCHANGE)`: at every instant the output folder
//! is the whole old site or the whole new one, even for a server reading it during the swap
//! or when the build is killed. Elsewhere, or on a filesystem that refuses the exchange, it
//! is two renames; a build killed between them leaves no output folder until the next build
//! puts the old one back (`swap.rs`).

use std::fs;
use std::hash::BuildHasher;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

mod paths;
mod swap;

use paths::{absolute, context};
pub use swap::PreviousSite;
use swap::{exchange, recover, sibling, swap_by_renames};

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
    /// Folders made in the new site so far (relative paths): each is made once, not asked
    /// for again at every file.
    folders: std::sync::Mutex<std::collections::HashSet<String>>,
}

/// Checks that writing `output` cannot touch `protected` folders (the content folder, the
/// themes), and that an existing output folder is one sitegen made.
pub fn check_output(output: &Path, content: &Path, protected: &[&Path]) -> Result<(), OutputError> {
    let folder = |what: &'static str, path: &Path| {
        let path = path.to_path_buf();
        move |source| OutputError::Folder { what, path, source }
    };
    let refused = |why: Refusal| OutputError::Refused { output: output.to_path_buf(), why };
    let out = absolute(output).map_err(folder("output folder", output))?;
    let content_abs = content.canonicalize().map_err(folder("content folder", content))?;
    if out == content_abs || content_abs.starts_with(&out) {
        return Err(refused(Refusal::HoldsContent { content: content.to_path_buf() }));
    }
    if out.starts_with(&content_abs) {
        return Err(refused(Refusal::InsideContent { content: content.to_path_buf() }));
    }
    for protected in protected {
        if let Ok(folder_abs) = protected.canonicalize()
            && (out == folder_abs || folder_abs.starts_with(&out) || out.starts_with(&folder_abs))
        {
            return Err(refused(Refusal::Overlaps { folder: protected.to_path_buf() }));
        }
    }
    if out.exists() {
        if !out.is_dir() {
            return Err(OutputError::NotAFolder { output: output.to_path_buf() });
        }
        let empty = fs::read_dir(&out).map_err(folder("output folder", output))?.next().is_none();
        if !empty && !is_output(&out) {
            return Err(refused(Refusal::NotMadeBySitegen));
        }
        // The swap could replace a read-only folder (only its parent is written), but could
        // not then empty the old one; and read-only says "do not replace". Refused up front.
        if fs::metadata(&out).is_ok_and(|m| m.permissions().readonly()) {
            return Err(refused(Refusal::ReadOnly));
        }
    }
    Ok(())
}

/// Why the output folder cannot be built into, or could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output or content folder could not be resolved or read.
    #[error("{what} {}: {source}", path.display())]
    Folder { what: &'static str, path: PathBuf, source: io::Error },
    /// The output folder is refused: writing it could damage something else.
    #[error("{}", refusal_message(output, why))]
    Refused { output: PathBuf, why: Refusal },
    /// The output path exists and is a file.
    #[error("output {} exists and is not a folder", output.display())]
    NotAFolder { output: PathBuf },
    /// Writing the staging folder failed (the error names the file).
    #[error("{0}")]
    Write(#[from] io::Error),
    /// The staging folder could not be swapped in.
    #[error("replacing {}: {source}", output.display())]
    Swap { output: PathBuf, source: io::Error },
}

/// Why an output folder is refused.
#[derive(Debug)]
pub enum Refusal {
    /// It is or holds the content folder.
    HoldsContent { content: PathBuf },
    /// It is inside the content folder.
    InsideContent { content: PathBuf },
    /// It overlaps a folder the build reads (the themes).
    Overlaps { folder: PathBuf },
    /// It is a folder with files sitegen did not make.
    NotMadeBySitegen,
    /// It is read-only.
    ReadOnly,
}

fn refusal_message(output: &Path, why: &Refusal) -> String {
    let output = output.display();
    match why {
        Refusal::HoldsContent { content } => {
            format!("refusing to build into {output}: it is or contains the content folder {}", content.display())
        }
        Refusal::InsideContent { content } => {
            format!("refusing to build into {output}: it is inside the content folder {}", content.display())
        }
        Refusal::Overlaps { folder } => format!("refusing to build into {output}: it overlaps {}", folder.display()),
        Refusal::NotMadeBySitegen => format!(
            "refusing to replace {output}: it is not empty and was not made by sitegen (no {MARKER} file); choose another --output or empty it"
        ),
        Refusal::ReadOnly => {
            format!("refusing to replace {output}: it is read-only; make it writable or choose another --output")
        }
    }
}

/// A writer that writes and hashes in blocks of a fixed size, so that the hash depends only on
/// the bytes, not on how the writes that made them were cut.
struct BlockWriter {
    file: fs::File,
    block: Vec<u8>,
    hasher: foldhash::quality::FoldHasher<'static>,
    len: u64,
}

impl BlockWriter {
    const BLOCK: usize = 1 << 16;

    fn new(file: fs::File, relative: &str) -> BlockWriter {
        let mut hasher = foldhash::quality::FixedState::with_seed(0).build_hasher();
        std::hash::Hasher::write(&mut hasher, relative.as_bytes());
        BlockWriter { file, block: Vec::with_capacity(Self::BLOCK), hasher, len: 0 }
    }

    /// Writes and hashes the block so far (also what is left at the end).
    fn flush_block(&mut self) -> io::Result<()> {
        std::hash::Hasher::write(&mut self.hasher, &self.block);
        self.len += self.block.len() as u64;
        io::Write::write_all(&mut self.file, &self.block)?;
        self.block.clear();
        Ok(())
    }

    /// The file's share of the digest, once finished.
    fn share(&self) -> u64 {
        let mut hasher = self.hasher.clone();
        std::hash::Hasher::write_u64(&mut hasher, self.len);
        std::hash::Hasher::finish(&hasher)
    }
}

impl io::Write for BlockWriter {
    fn write(&mut self, mut buf: &[u8]) -> io::Result<usize> {
        let written = buf.len();
        while !buf.is_empty() {
            let room = Self::BLOCK - self.block.len();
            let (now, rest) = buf.split_at(room.min(buf.len()));
            self.block.extend_from_slice(now);
            buf = rest;
            if self.block.len() == Self::BLOCK {
                self.flush_block()?;
            }
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// True when `output` is a folder sitegen made (it holds the [`MARKER`] file).
pub fn is_output(output: &Path) -> bool {
    output.join(MARKER).is_file()
}

/// A file's share of a site's digest: a hash of its path and bytes (foldhash with a fixed
/// seed: the same on every run, and several times faster than SipHash over 300 MB of pages).
pub fn file_share(relative: &str, bytes: &[u8]) -> u64 {
    foldhash::quality::FixedState::with_seed(0).hash_one((relative, bytes))
}

impl Staging {
    /// Creates an empty staging folder beside `output`.
    pub fn create(output: &Path) -> io::Result<Staging> {
        recover(output)?;
        let dir = sibling(output, "new", std::process::id())?;
        fs::create_dir(&dir).map_err(|e| context("creating", &dir, e))?;
        let marker = dir.join(MARKER);
        if let Err(error) = fs::write(&marker, "This folder is generated by sitegen; it is replaced on every build.\n")
        {
            let _ = fs::remove_dir_all(&dir);
            return Err(context("writing", &marker, error));
        }
        Ok(Staging {
            dir,
            output: output.to_path_buf(),
            digest: AtomicU64::new(0),
            previous: None,
            folders: Default::default(),
        })
    }

    /// From now on, a file whose bytes equal those of the same regular file in the current
    /// output folder is hard-linked from there instead of written: a rebuild after a small
    /// edit then creates few new files, which is most of what writing a site costs. The new
    /// site is the same; the old folder is removed at the swap as before, and its files live
    /// on only as the new site's.
    pub fn link_unchanged(&mut self) {
        self.previous = self.output.canonicalize().ok().filter(|p| is_output(p));
    }

    /// Hard-links `path` from the previous output when the file there holds `bytes`.
    fn linked(&self, relative: &str, bytes: &[u8], path: &Path) -> bool {
        self.previous_file(relative, bytes.len() as u64).is_some_and(|old| {
            fs::read(&old).is_ok_and(|old_bytes| old_bytes == bytes) && fs::hard_link(&old, path).is_ok()
        })
    }

    /// The file at `relative` in the previous output, when there is one and it is a regular
    /// file of `len` bytes.
    fn previous_file(&self, relative: &str, len: u64) -> Option<PathBuf> {
        let old = self.previous.as_ref()?.join(relative);
        fs::symlink_metadata(&old).is_ok_and(|m| m.is_file() && m.len() == len).then_some(old)
    }

    /// Writes `bytes` at `relative` (a `/`-separated path made by sitegen) inside the new site.
    /// Returns the file's share of the digest (a hash of its path and bytes).
    /// Hard-linked from the previous output instead when the file there holds `bytes`.
    pub fn write(&self, relative: &str, bytes: &[u8]) -> io::Result<u64> {
        let share = file_share(relative, bytes);
        self.digest.fetch_add(share, Ordering::Relaxed);
        let path = self.path_for(relative)?;
        if !self.linked(relative, bytes, &path) {
            fs::write(&path, bytes).map_err(|e| context("writing", &path, e))?;
        }
        Ok(share)
    }

    /// Writes the file at `relative` as `fill` makes it, without holding it whole (a large
    /// export). Never hard-linked from the previous output. Returns the file's share of the
    /// digest: a hash of its path and bytes, taken in fixed blocks as they are written.
    pub fn write_streamed(
        &self,
        relative: &str,
        fill: impl FnOnce(&mut dyn io::Write) -> io::Result<()>,
    ) -> io::Result<u64> {
        let path = self.path_for(relative)?;
        let file = fs::File::create(&path).map_err(|e| context("creating", &path, e))?;
        let mut writer = BlockWriter::new(file, relative);
        fill(&mut writer).and_then(|()| writer.flush_block()).map_err(|e| context("writing", &path, e))?;
        let share = writer.share();
        self.digest.fetch_add(share, Ordering::Relaxed);
        Ok(share)
    }

    /// Where the file at `relative` goes in the new site, its folder made.
    fn path_for(&self, relative: &str) -> io::Result<PathBuf> {
        let path = self.dir.join(relative);
        if let Some((folder, _)) = relative.rsplit_once('/')
            && !self.folders.lock().expect("no thread panics holding it").contains(folder)
        {
            let parent = path.parent().expect("a path with a folder");
            fs::create_dir_all(parent).map_err(|e| context("creating", parent, e))?;
            self.folders.lock().expect("no thread panics holding it").insert(folder.to_string());
        }
        Ok(path)
    }

    /// Hard-links `relative` from the previous output, where a file of `len` bytes whose share
    /// of the digest was `share` is expected, without reading it: the caller knows it holds
    /// what would be written. False when there is no such file; nothing is linked then.
    pub fn link_previous(&self, relative: &str, len: u64, share: u64) -> bool {
        let Some(old) = self.previous_file(relative, len) else {
            return false;
        };
        let Ok(path) = self.path_for(relative) else {
            return false;
        };
        if fs::hard_link(&old, &path).is_err() {
            return false;
        }
        self.digest.fetch_add(share, Ordering::Relaxed);
        true
    }

    /// A fingerprint of the files written so far: equal for the same paths and bytes, whatever
    /// the order they were written in.
    pub fn digest(&self) -> u64 {
        self.digest.load(Ordering::Relaxed)
    }

    /// Replaces the output folder with the new site. On failure the output folder is as it was
    /// and the staging folder is removed. The previous site, moved aside, is left for the
    /// caller to remove ([`PreviousSite::remove`]) when it suits: `sitegen serve` removes it
    /// while the reloaded page is already being served.
    pub fn commit(self) -> io::Result<Option<PreviousSite>> {
        let swapped = self.swap();
        if swapped.is_err() {
            let _ = fs::remove_dir_all(&self.dir);
        }
        swapped
    }

    /// Swaps the new site in. Returns where the previous site now is, if there was one.
    fn swap(&self) -> io::Result<Option<PreviousSite>> {
        if !self.output.exists() {
            return fs::rename(&self.dir, &self.output).map(|()| None);
        }
        // Any failure of the exchange falls back to the two renames: where it is unsupported
        // (EINVAL from the filesystem, ENOSYS, another system) they work; where the reason is
        // real (permissions, an immutable folder) the first rename fails too, changing nothing.
        if exchange(&self.dir, &self.output).is_ok() {
            return Ok(Some(PreviousSite(self.dir.clone()))); // the staging folder holds it now
        }
        swap_by_renames(&self.dir, &self.output).map(Some)
    }

    /// Abandons the new site, leaving the output folder as it was.
    pub fn discard(self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A streamed file's share depends on its path and bytes only, not on how the writes
    /// were cut; its bytes land whole.
    #[test]
    fn streamed_files_hash_their_bytes_whatever_the_writes() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::create(&dir.path().join("site")).unwrap();
        let bytes: Vec<u8> = (0..200_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let mut shares = Vec::new();
        for (name, cut) in [("a.json", 1), ("b.json", 1000), ("c.json", 65_536), ("d.json", 200_000), ("a.json", 333)] {
            let share = staging
                .write_streamed(name, |out| bytes.chunks(cut).try_for_each(|chunk| out.write_all(chunk)))
                .unwrap();
            assert_eq!(std::fs::read(staging.dir.join(name)).unwrap(), bytes);
            shares.push((name, share));
        }
        assert_eq!(shares[0].1, shares[4].1, "same path, same bytes, other cuts");
        assert_ne!(shares[0].1, shares[1].1, "another path");
        let short = staging.write_streamed("a.json", |out| out.write_all(&bytes[..199_999])).unwrap();
        assert_ne!(short, shares[0].1, "other bytes");
        staging.discard();
    }
}
