//! Reading the seed articles the generator samples its sentences from, off disk: the only
//! reading the generator does, kept out of the generation, which is pure.

use std::path::{Path, PathBuf};

/// Reads the seed texts: every `*.txt` under `texts_dir`, sorted by path. Fails when there
/// is none.
pub fn read_seeds(texts_dir: &Path) -> std::io::Result<Vec<String>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in walkdir::WalkDir::new(texts_dir).min_depth(1) {
        let entry = entry.map_err(std::io::Error::other)?;
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "txt") {
            paths.push(path.to_path_buf());
        }
    }
    if paths.is_empty() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("no *.txt seed texts under {}", texts_dir.display()),
        ));
    }
    paths.sort();
    paths.iter().map(std::fs::read_to_string).collect()
}
