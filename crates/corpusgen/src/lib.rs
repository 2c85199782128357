//! A deterministic generator of synthetic news corpora, for benchmarks.
//!
//! [`generate`] turns the seed articles (`content/texts/*.txt`) into any number of sources
//! that look like a real news corpus. In the default shape, [`Shape::Seeds`]:
//!
//! - Sources come in *stories*, one event each. A story's base article is 12–30 sentences
//!   sampled from the seeds, in paragraphs of one to three sentences, rewritten with a
//!   story-specific substitution: about a third of the words longer than three letters
//!   become pseudo-words ("kestavo"), always the same for the same word within the story.
//!   Different stories therefore share function words and stock phrases, while the versions
//!   of one story share long passages.
//! - A story has one to four versions (about 40% have one). The first is the origin; the
//!   others are republications: paragraphs dropped, merged and moved, words changed, quotes
//!   restyled, paragraphs glued ("State.Putin").
//! - Every source carries boilerplate of the kinds the seeds have (a URL line, the headline,
//!   "4 min read", "Advertisement", photo captions printed twice, a copyright line, wire
//!   tags), all of it of shapes the cleaner removes.
//! - About 5% of stories quote a sentence verbatim from another story.
//!
//! [`Shape::News`] makes a corpus shaped like a news feed instead: story sizes are
//! heavy-tailed (most stories have one or two versions, the largest hundreds), thousands of
//! outlets each print their own page furniture, half the versions carry the wire text
//! verbatim, and stock sentences and wire sign-offs recur across unrelated stories (see the
//! `news` module).
//!
//! The same seeds and [`Options`] give byte-identical output. [`to_corpus`] loads the result
//! in memory; [`write_content`] writes a content folder for `sitegen`, and [`write_hugo`] the
//! same sources as a Hugo site, for a speed comparison. Every source knows its true story, and
//! [`b_cubed`] scores a clustering of the sources against it.

#![warn(missing_docs)]

mod boilerplate;
mod date;
mod eval;
mod generated_source;
mod mutate;
mod news;
mod options;
mod rng;
mod seed_texts;
mod seeds;
mod summary;
mod vocab;
mod write;

use rng::{Rng, hash};

pub use eval::{BCubed, b_cubed};
pub use generated_source::{GeneratedSource, to_corpus};
pub use options::{Options, Shape};
pub use seed_texts::read_seeds;
pub use summary::{Summary, summarize};
pub use write::{write_content, write_hugo, write_truth};

/// Generates exactly `options.sources` sources from the seed texts, deterministically for
/// (seeds, options), in the shape `options.shape`. Sources are shuffled, so the versions of a
/// story are spread over the corpus, and named `s000000`, `s000001`, … in order.
///
/// # Panics
///
/// When the seeds hold no usable sentence (five words or more, ending with a full stop).
pub fn generate(seeds: &[String], options: &Options) -> Vec<GeneratedSource> {
    if options.sources == 0 {
        return Vec::new();
    }
    let pool = mutate::sentence_pool(seeds);
    assert!(!pool.is_empty(), "the seed texts hold no usable sentence");
    let mut out = match options.shape {
        Shape::Seeds => seeds::generate(&pool, options),
        Shape::News => news::generate(&pool, options),
    };
    Rng::new(hash(&[options.seed, 3])).shuffle(&mut out);
    for (i, source) in out.iter_mut().enumerate() {
        source.slug = format!("s{i:06}");
    }
    out
}
