//! What the generator's integration tests share: the repository's seed texts and content.

use std::path::{Path, PathBuf};

/// The repository's root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The seed texts generated corpora grow from.
pub fn seeds() -> Vec<String> {
    corpusgen::read_seeds(&root().join("content/texts")).expect("seed texts")
}

/// The real content, whose site settings and catalogue generated corpora take.
pub fn template() -> corpus::Corpus {
    corpus::load(&root().join("content")).expect("the real content loads")
}
