//! Entity matching speed on generated corpora: throughput and growth with text size.
//!
//! `cargo bench -p annotate --bench entities` (sizes as arguments, default 1000 10000). The
//! corpora come from `corpusgen` (seed 42) with the real catalogue of content/. The best of
//! three runs is reported.

use annotate::{EntityMatcher, find_mentions};

mod common;

fn main() {
    let (template, seeds) = common::template_and_seeds();
    let matcher = EntityMatcher::new(&template.entities);
    println!("| sources | text | mentions | time | throughput |");
    println!("| ---: | ---: | ---: | ---: | ---: |");
    for size in common::sizes() {
        let (_, corpus) = common::generate(&seeds, &template, size, corpusgen::Shape::Seeds);
        let bytes: usize = corpus.sources.iter().flat_map(|s| &s.blocks).map(|b| b.text.len()).sum();
        let (best, mentions) = common::best_of(3, || find_mentions(&corpus, &matcher).len());
        let megabytes = bytes as f64 / 1e6;
        println!(
            "| {size} | {megabytes:.1} MB | {mentions} | {:.3} s | {:.0} MB/s |",
            best.as_secs_f64(),
            megabytes / best.as_secs_f64()
        );
    }
}
