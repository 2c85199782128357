//! Where the sources name the catalogue's entities. The quotation step finds speakers among
//! the mentions and the cache keeps them per source, so they stand apart from the entry
//! points that run every step.

use std::ops::Range;

use corpus::Corpus;

use crate::entities::EntityMatcher;

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
pub(crate) fn source_mentions(corpus: &Corpus, matcher: &EntityMatcher, s: usize) -> Vec<Mention> {
    let mut named = vec![false; corpus.entities.len()];
    let mut mentions = Vec::new();
    for (block_index, block) in corpus.sources[s].blocks.iter().enumerate() {
        for found in matcher.find(&block.text, &mut named) {
            mentions.push(Mention { entity: found.entity, source: s, block: block_index, range: found.range });
        }
    }
    mentions
}
