//! Reuse detection on generated corpora of growing size: time, links and story quality.
//!
//! `cargo bench -p annotate --bench reuse` (or `-- 1000 10000 30000` for other sizes). The
//! corpora come from `corpusgen` (seed 42), mutations of the seed articles grouped in
//! stories whose true membership is known, so the benchmark also reports the links between
//! different true stories (the generator copies a quotation sentence from one story into
//! about 5% of others, so some are real reuse) and how many stories were found. Cleaning the generated text is not
//! timed. Each size is timed three times; the best run is reported.

use std::time::Duration;

use annotate::{ReuseOptions, reuse, stories};

mod common;
use common::best_of;

fn main() {
    let (template, seeds) = common::template_and_seeds();
    println!(
        "| sources | sentences | detect | stories | total | links | links across true stories | stories found / true |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut previous: Option<(usize, Duration)> = None;
    for size in common::sizes() {
        let (generated, corpus) = common::generate(&seeds, &template, size);
        let sentences: usize = corpus.sources.iter().flat_map(|s| &s.blocks).map(|b| b.sentences.len()).sum();
        let (detect_time, links) = best_of(3, || reuse::detect(&corpus, &ReuseOptions::default()));
        let (group_time, found) = best_of(3, || stories::group(&corpus, &links));
        let by_slug: std::collections::HashMap<&str, usize> =
            generated.iter().map(|g| (g.slug.as_str(), g.story)).collect();
        let across: Vec<_> = links
            .iter()
            .filter(|l| {
                by_slug[corpus.sources[l.a.source].slug.as_str()] != by_slug[corpus.sources[l.b.source].slug.as_str()]
            })
            .collect();
        let across_kinds = ["verbatim", "near", "quote"]
            .map(|k| format!("{} {k}", across.iter().filter(|l| l.kind.as_str() == k).count()))
            .join(", ");
        let true_stories = generated.iter().map(|g| g.story).collect::<std::collections::BTreeSet<_>>().len();
        let total = detect_time + group_time;
        let growth = previous.map_or(String::new(), |(n, t)| {
            format!(
                " ({:.1}× the time for {:.0}× the sources)",
                total.as_secs_f64() / t.as_secs_f64(),
                size as f64 / n as f64
            )
        });
        println!(
            "| {size} | {sentences} | {:.3} s | {:.3} s | {:.3} s{growth} | {} | {across_kinds} | {} / {true_stories} |",
            detect_time.as_secs_f64(),
            group_time.as_secs_f64(),
            total.as_secs_f64(),
            links.len(),
            found.len(),
        );
        previous = Some((size, total));
    }
}
