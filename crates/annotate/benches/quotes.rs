//! Quotation speed on generated corpora: every source read for its quotations and speakers.
//!
//! `cargo bench -p annotate --bench quotes` (sizes as arguments, default 1000 10000). The
//! corpora come from `corpusgen` (seed 42, the news shape) with the real catalogue of
//! content/. Reuse and stories are left out: this times each source's own reading, which is
//! what grows with the text. The best of three runs is reported.

use annotate::{EntityMatcher, find_mentions, quotes};

mod common;

fn main() {
    let (template, seeds) = common::template_and_seeds();
    let matcher = EntityMatcher::new(&template.entities);
    println!("| sources | text | quotations | time | throughput |");
    println!("| ---: | ---: | ---: | ---: | ---: |");
    for size in common::sizes() {
        let (_, corpus) = common::generate(&seeds, &template, size, corpusgen::Shape::News);
        let bytes: usize = corpus.sources.iter().flat_map(|s| &s.blocks).map(|b| b.text.len()).sum();
        let mentions = find_mentions(&corpus, &matcher);
        let (best, found) = common::best_of(3, || quotes::extract(&corpus, &mentions, &[], &[]).quotes.len());
        let megabytes = bytes as f64 / 1e6;
        println!(
            "| {size} | {megabytes:.1} MB | {found} | {:.3} s | {:.0} MB/s |",
            best.as_secs_f64(),
            megabytes / best.as_secs_f64()
        );
    }
}
