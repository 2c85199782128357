//! Reuse detection on generated corpora of growing size: time, links and story quality.
//!
//! `cargo bench -p annotate --bench reuse` (or `-- 1000 10000 30000` for other sizes). The
//! corpora come from `corpusgen` (seed 42), mutations of the seed articles grouped in
//! stories whose true membership is known, so the benchmark also reports the links between
//! different true stories (the generator copies a quotation sentence from one story into
//! about 5% of others, so some are real reuse) and how many stories were found. Cleaning the generated text is not
//! timed. Each size is timed three times; the best run is reported.

use std::path::Path;
use std::time::{Duration, Instant};

use annotate::{ReuseOptions, reuse, stories};

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
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

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![1_000, 10_000] } else { sizes };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let template = corpus::load(&root.join("content")).expect("content/ loads");
    let seeds = corpusgen::read_seeds(&root.join("content/texts")).expect("seed texts");
    println!(
        "| sources | sentences | detect | stories | total | links | links across true stories | stories found / true |"
    );
    println!("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut previous: Option<(usize, Duration)> = None;
    for size in sizes {
        let generated = corpusgen::generate(&seeds, &corpusgen::Options { sources: size, seed: 42 });
        let corpus = corpusgen::to_corpus(&generated, &template);
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
