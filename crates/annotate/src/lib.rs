//! Annotations over a loaded corpus: pure data in, data out, no I/O.
//!
//! [`EntityMatcher`] finds the catalogue's names in text; [`annotate`] runs it over every
//! block of every source, finds reused text ([`reuse`]) and groups the sources into
//! [`stories`], and returns the [`Annotations`] the site is built from.

#![warn(missing_docs)]

mod annotations;
mod cache;
pub mod candidates;
mod disjoint_sets;
mod entities;
mod mentions;
pub mod quotes;
pub mod reuse;
pub mod stories;

pub use annotations::Annotations;
pub use cache::AnnotationCache;
pub use entities::{EntityMatcher, Match, nested_aliases};
pub use mentions::{Mention, find_mentions};
pub use reuse::{ClusterKind, ClusterMember, ReuseCluster, ReuseKind, ReuseOptions, SentenceRef};
pub use stories::{Role, Story};

use corpus::Corpus;

/// Annotates every source of the corpus: mentions, reuse, stories and quotations.
pub fn annotate(corpus: &Corpus, matcher: &EntityMatcher) -> Annotations {
    use rayon::prelude::*;
    let findings =
        (0..corpus.sources.len()).into_par_iter().map(|s| cache::SourceFindings::of(corpus, matcher, s)).collect();
    annotate_from(corpus, findings)
}

/// [`annotate`], reusing what `cache` kept from the last run (each unchanged source's own
/// mentions, sentences and quotations) and keeping this run's (`sitegen serve`). The
/// annotations are the same.
pub fn annotate_cached(corpus: &Corpus, matcher: &EntityMatcher, cache: &mut AnnotationCache) -> Annotations {
    let findings = cache.findings(corpus, matcher);
    annotate_from(corpus, findings)
}

/// The annotations of the corpus from what each source yields by itself: the sources'
/// sentences are joined into passages carried by several, the sources into stories, and
/// their quotations into quotations reported by several.
fn annotate_from(corpus: &Corpus, findings: Vec<cache::SourceFindings>) -> Annotations {
    let mut mentions = Vec::with_capacity(findings.iter().map(|f| f.mentions.len()).sum());
    let mut sentences = Vec::with_capacity(findings.iter().map(|f| f.sentences.len()).sum());
    let mut per_source_quotes = Vec::with_capacity(findings.len());
    for found in findings {
        mentions.extend(found.mentions);
        sentences.extend(found.sentences);
        per_source_quotes.push(found.quotes);
    }
    let reuse = reuse::detect_in(corpus, &sentences, &ReuseOptions::default());
    let stories = stories::group_in(corpus, &sentences, &reuse);
    let quotations = quotes::group(corpus, per_source_quotes, &reuse, &stories);
    Annotations { mentions, reuse, stories, quotations }
}
