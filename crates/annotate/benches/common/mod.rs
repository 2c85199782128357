//! What the benchmarks share: the sizes asked for, the generated corpora and best-of timing.
#![allow(dead_code)]

use std::path::Path;
use std::time::{Duration, Instant};

/// The corpus sizes given on the command line, or 1,000 and 10,000.
pub fn sizes() -> Vec<usize> {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() { vec![1_000, 10_000] } else { sizes }
}

/// The corpus shapes named on the command line (`seeds`, `news`), or both.
pub fn shapes() -> Vec<corpusgen::Shape> {
    let named: Vec<corpusgen::Shape> = std::env::args()
        .skip(1)
        .filter_map(|a| match a.as_str() {
            "seeds" => Some(corpusgen::Shape::Seeds),
            "news" => Some(corpusgen::Shape::News),
            _ => None,
        })
        .collect();
    if named.is_empty() { vec![corpusgen::Shape::Seeds, corpusgen::Shape::News] } else { named }
}

/// The real content (for its catalogue and site) and the seed texts generated corpora grow from.
pub fn template_and_seeds() -> (corpus::Corpus, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let template = corpus::load(&root.join("content")).expect("content/ loads");
    let seeds = corpusgen::read_seeds(&root.join("content/texts")).expect("seed texts");
    (template, seeds)
}

/// `size` sources of `shape` generated from `seeds` (seed 42), and the corpus they make.
pub fn generate(
    seeds: &[String],
    template: &corpus::Corpus,
    size: usize,
    shape: corpusgen::Shape,
) -> (Vec<corpusgen::GeneratedSource>, corpus::Corpus) {
    let generated = corpusgen::generate(seeds, &corpusgen::Options { shape, ..corpusgen::Options::new(size, 42) });
    let corpus = corpusgen::to_corpus(&generated, template);
    (generated, corpus)
}

/// Runs `f` `runs` times; the fastest time, with its result.
pub fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut best: Option<(Duration, T)> = None;
    for _ in 0..runs {
        let started = Instant::now();
        let value = f();
        let elapsed = started.elapsed();
        if best.as_ref().is_none_or(|(b, _)| elapsed < *b) {
            best = Some((elapsed, value));
        }
    }
    best.expect("at least one run")
}
