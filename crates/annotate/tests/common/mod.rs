//! Helpers shared by the annotate integration tests (each test file uses some of them).
#![allow(dead_code)]

use std::path::Path;

use corpus::{Corpus, Date, Source, SourceMeta};

/// The real content/ of the repository.
pub fn seeds() -> Corpus {
    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
    corpus::load(&content).unwrap_or_else(|e| panic!("content/ does not load: {e}"))
}

/// A source made from raw text, cleaned as the loader would.
pub fn source(slug: &str, outlet: &str, published: &str, raw: &str) -> Source {
    let cleaned = corpus::clean(raw, "Untitled");
    Source {
        slug: slug.to_string(),
        path: format!("sources/{slug}.yaml").into(),
        meta: SourceMeta {
            title: slug.to_string(),
            outlet: outlet.to_string(),
            outlet_inferred: false,
            published: Date::parse(published).unwrap(),
            url: None,
            byline: None,
            wire: None,
            language: "en".to_string(),
        },
        blocks: cleaned.blocks,
        dropped: cleaned.dropped,
    }
}

/// A corpus of the given sources and no entities.
pub fn corpus_of(sources: Vec<Source>) -> Corpus {
    let mut corpus = seeds();
    corpus.sources = sources;
    corpus.entities.clear();
    corpus
}
