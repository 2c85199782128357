//! Entity matching speed on generated corpora: throughput and growth with text size.
//!
//! `cargo bench -p annotate --bench entities` (sizes as arguments, default 1000 10000). The
//! corpora come from `corpusgen` (seed 42) with the real catalogue of content/. The best of
//! three runs is reported.

use std::path::Path;
use std::time::{Duration, Instant};

use annotate::{EntityMatcher, find_mentions};

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![1_000, 10_000] } else { sizes };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let template = corpus::load(&root.join("content")).expect("content/ loads");
    let seeds = corpusgen::read_seeds(&root.join("content/texts")).expect("seed texts");
    let matcher = EntityMatcher::new(&template.entities);
    println!("| sources | text | mentions | time | throughput |");
    println!("| ---: | ---: | ---: | ---: | ---: |");
    for size in sizes {
        let generated = corpusgen::generate(&seeds, &corpusgen::Options { sources: size, seed: 42 });
        let corpus = corpusgen::to_corpus(&generated, &template);
        let bytes: usize = corpus.sources.iter().flat_map(|s| &s.blocks).map(|b| b.text.len()).sum();
        let mut best = Duration::MAX;
        let mut mentions = 0;
        for _ in 0..3 {
            let started = Instant::now();
            mentions = find_mentions(&corpus, &matcher).len();
            best = best.min(started.elapsed());
        }
        let megabytes = bytes as f64 / 1e6;
        println!(
            "| {size} | {megabytes:.1} MB | {mentions} | {:.3} s | {:.0} MB/s |",
            best.as_secs_f64(),
            megabytes / best.as_secs_f64()
        );
    }
}
