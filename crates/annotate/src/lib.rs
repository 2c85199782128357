//! Annotations over a loaded corpus: pure data in, data out, no I/O.
//!
//! [`EntityMatcher`] finds the catalogue's names in text; [`annotate`] runs it over every
//! block of every source, finds reused text ([`reuse`]) and groups the sources into
//! [`stories`], and returns the [`Annotations`] the site is built from.

#![warn(missing_docs)]

mod cache;
pub mod candidates;
mod disjoint_sets;
mod entities;
pub mod quotes;
pub mod reuse;
pub mod stories;

pub use cache::AnnotationCache;
pub use entities::{EntityMatcher, Match, nested_aliases};
pub use reuse::{ClusterKind, ClusterMember, ReuseCluster, ReuseKind, ReuseOptions, SentenceRef};
pub use stories::{Role, Story};

use std::ops::Range;

use corpus::Corpus;

/// One place where a source names an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index of the entity in `Corpus::entities`.
    pub entity: usize,
    /// Index of the source in `Corpus::sources`.
    pub source: usize,
    /// Index of the block in the source's `blocks`.
    pub block: usize,
    /// Byte range of the words as written in the block's text.
    pub range: Range<usize>,
}

/// Everything the annotator found in a corpus.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    /// Entity mentions, ordered by source, block and position.
    pub mentions: Vec<Mention>,
    /// Passages carried by several sources, in corpus order of their origins.
    pub reuse: Vec<ReuseCluster>,
    /// The sources grouped into stories.
    pub stories: Vec<Story>,
    /// Direct quotations and quoted phrases.
    pub quotations: quotes::Quotations,
}

impl Annotations {
    /// The indexes into `mentions` for each entity, in the catalogue's order.
    pub fn mentions_by_entity(&self, entity_count: usize) -> Vec<Vec<usize>> {
        let mut by_entity = vec![Vec::new(); entity_count];
        for (i, mention) in self.mentions.iter().enumerate() {
            by_entity[mention.entity].push(i);
        }
        by_entity
    }
}

/// Entity mentions in every block of every source, ordered by source, block and position.
/// Sources are independent (a descriptive alias links only after its entity was named in the
/// same source), so they are searched on every core.
pub fn find_mentions(corpus: &Corpus, matcher: &EntityMatcher) -> Vec<Mention> {
    use rayon::prelude::*;
    let per_source: Vec<Vec<Mention>> =
        (0..corpus.sources.len()).into_par_iter().map(|s| source_mentions(corpus, matcher, s)).collect();
    per_source.concat()
}

/// The mentions of source `s`, ordered by block and position.
fn source_mentions(corpus: &Corpus, matcher: &EntityMatcher, s: usize) -> Vec<Mention> {
    let mut named = vec![false; corpus.entities.len()];
    let mut mentions = Vec::new();
    for (block_index, block) in corpus.sources[s].blocks.iter().enumerate() {
        for found in matcher.find(&block.text, &mut named) {
            mentions.push(Mention { entity: found.entity, source: s, block: block_index, range: found.range });
        }
    }
    mentions
}

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
