//! Annotations over a loaded corpus: pure data in, data out, no I/O.
//!
//! [`EntityMatcher`] finds the catalogue's names in text; [`annotate`] runs it over every
//! block of every source, finds reused text ([`reuse`]) and groups the sources into
//! [`stories`], and returns the [`Annotations`] the site is built from.

pub mod candidates;
mod entities;
pub mod quotes;
pub mod reuse;
pub mod stories;

pub use entities::{EntityMatcher, Match, nested_aliases};
pub use reuse::{AlignmentCache, ReuseKind, ReuseLink, ReuseOptions, SentenceRef};
pub use stories::Story;

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
    /// Reused sentences across sources, ordered by position.
    pub reuse: Vec<ReuseLink>,
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
    let per_source: Vec<Vec<Mention>> = corpus
        .sources
        .par_iter()
        .enumerate()
        .map(|(source_index, source)| {
            let mut named = vec![false; corpus.entities.len()];
            let mut mentions = Vec::new();
            for (block_index, block) in source.blocks.iter().enumerate() {
                for found in matcher.find(&block.text, &mut named) {
                    mentions.push(Mention {
                        entity: found.entity,
                        source: source_index,
                        block: block_index,
                        range: found.range,
                    });
                }
            }
            mentions
        })
        .collect();
    per_source.concat()
}

/// Annotates every source of the corpus: mentions, reuse, stories and quotations.
pub fn annotate(corpus: &Corpus, matcher: &EntityMatcher) -> Annotations {
    annotate_cached(corpus, matcher, &mut AlignmentCache::default())
}

/// [`annotate`], reusing the alignments of source pairs that `alignments` kept from the last
/// run and keeping this run's (`sitegen serve`). The annotations are the same.
pub fn annotate_cached(corpus: &Corpus, matcher: &EntityMatcher, alignments: &mut AlignmentCache) -> Annotations {
    let mentions = find_mentions(corpus, matcher);
    let reuse = reuse::detect_cached(corpus, &ReuseOptions::default(), alignments);
    let stories = stories::group(corpus, &reuse);
    let quotations = quotes::extract(corpus, &mentions, &reuse, &stories);
    Annotations { mentions, reuse, stories, quotations }
}
