//! Reuse detection and story grouping on generated corpora of growing size and both shapes:
//! time, clusters, and the stories' B-cubed precision and recall against the true stories.
//!
//! `cargo bench -p annotate --bench reuse` (or `-- news 1000 10000 100000` for one shape and
//! other sizes). The corpora come from `corpusgen` (seed 42): `seeds` makes stories of one
//! to four versions; `news` makes heavy-tailed story sizes (a few wire stories carried by
//! hundreds of outlets, most by one or two), outlet furniture, stock phrases and background
//! sentences shared by unrelated stories. Cleaning the generated text is not timed. Each
//! size is timed three times (once from 100,000 sources); the best run is reported.

use std::collections::HashMap;
use std::time::Duration;

use annotate::{ReuseOptions, reuse, stories};

mod common;
use common::best_of;

fn main() {
    let (template, seeds) = common::template_and_seeds();
    println!(
        "| shape | sources | sentences | detect | stories | total | clusters (largest) | clusters across true stories | stories found / true | B-cubed precision | B-cubed recall |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    for shape in common::shapes() {
        let mut previous: Option<(usize, Duration)> = None;
        for size in common::sizes() {
            let (generated, corpus) = common::generate(&seeds, &template, size, shape);
            let sentences: usize = corpus.sources.iter().flat_map(|s| &s.blocks).map(|b| b.sentences.len()).sum();
            let runs = if size >= 100_000 { 1 } else { 3 };
            let (detect_time, clusters) = best_of(runs, || reuse::detect(&corpus, &ReuseOptions::default()));
            let (group_time, found) = best_of(runs, || stories::group(&corpus, &clusters));
            let by_slug: HashMap<&str, usize> = generated.iter().map(|g| (g.slug.as_str(), g.story)).collect();
            let truth: Vec<usize> = corpus.sources.iter().map(|s| by_slug[s.slug.as_str()]).collect();
            let mut story_of = vec![0; corpus.sources.len()];
            for (i, story) in found.iter().enumerate() {
                story.sources.iter().for_each(|&s| story_of[s] = i);
            }
            let scores = corpusgen::b_cubed(&truth, &story_of);
            let across = clusters
                .iter()
                .filter(|c| c.members.iter().any(|m| truth[m.sentence.source] != truth[c.origin().sentence.source]))
                .count();
            let largest = clusters.iter().map(|c| c.members.len()).max().unwrap_or(0);
            let true_stories = truth.iter().collect::<std::collections::BTreeSet<_>>().len();
            let total = detect_time + group_time;
            let growth = previous.map_or(String::new(), |(n, t)| {
                format!(
                    " ({:.1}× the time for {:.0}× the sources)",
                    total.as_secs_f64() / t.as_secs_f64(),
                    size as f64 / n as f64
                )
            });
            println!(
                "| {shape:?} | {size} | {sentences} | {:.3} s | {:.3} s | {:.3} s{growth} | {} ({largest}) | {across} | {} / {true_stories} | {:.4} | {:.4} |",
                detect_time.as_secs_f64(),
                group_time.as_secs_f64(),
                total.as_secs_f64(),
                clusters.len(),
                found.len(),
                scores.precision,
                scores.recall,
            );
            previous = Some((size, total));
        }
    }
}
