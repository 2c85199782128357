//! What annotation keeps between runs (`sitegen serve`): what each source yields by itself,
//! found by a fingerprint of its text and of the catalogue. An edit to one source then costs
//! that source's mentions, sentences and quotations; what joins the sources together
//! (passages carried by several, stories, quotations across sources) is done again whole,
//! in time linear in the corpus.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use rayon::prelude::*;

use corpus::Corpus;

use crate::entities::EntityMatcher;
use crate::mentions::{Mention, source_mentions};
use crate::quotes::{self, SourceQuotes};
use crate::reuse::{self, Sentence};

/// What [`crate::annotate_cached`] keeps from one run to the next.
#[derive(Debug, Default)]
pub struct AnnotationCache {
    /// Each source's findings, by the fingerprint of its blocks and of the catalogue.
    sources: HashMap<u64, SourceFindings, FixedState>,
    /// Sources of the last run whose findings were taken from here.
    reused: usize,
}

/// What one source yields whatever the other sources say.
#[derive(Debug, Clone)]
pub(crate) struct SourceFindings {
    /// The source's number when these were found: numbers change as sources come and go.
    number: usize,
    /// The catalogue's names found in the source's blocks.
    pub(crate) mentions: Vec<Mention>,
    /// The source's sentences, tokenised and fingerprinted for finding reused text.
    pub(crate) sentences: Vec<Sentence>,
    /// Its quotations and quoted phrases, read from this source alone.
    pub(crate) quotes: SourceQuotes,
}

impl SourceFindings {
    /// The findings of source `s`.
    pub(crate) fn of(corpus: &Corpus, matcher: &EntityMatcher, s: usize) -> SourceFindings {
        let mentions = source_mentions(corpus, matcher, s);
        let sentences = reuse::source_sentences(&corpus.sources[s], s);
        let quotes = quotes::of_source(corpus, s, &mentions);
        SourceFindings { number: s, mentions, sentences, quotes }
    }

    /// The same findings, for the source numbered `s`.
    fn renumbered(mut self, s: usize) -> SourceFindings {
        if self.number != s {
            self.number = s;
            self.mentions.iter_mut().for_each(|m| m.source = s);
            self.sentences.iter_mut().for_each(|x| x.source = s as u32);
            self.quotes.renumber(s);
        }
        self
    }
}

impl AnnotationCache {
    /// Sources of the last run whose findings were kept from the run before.
    pub fn reused_sources(&self) -> usize {
        self.reused
    }

    /// The findings of every source, in order: kept ones where the source and the catalogue
    /// are as they were, the others found now, on every core. Keeps this run's only.
    pub(crate) fn findings(&mut self, corpus: &Corpus, matcher: &EntityMatcher) -> Vec<SourceFindings> {
        let state = FixedState::with_seed(0xa770);
        let catalogue = state.hash_one(&corpus.entities);
        let keys: Vec<u64> =
            corpus.sources.par_iter().map(|source| state.hash_one((catalogue, &source.blocks))).collect();
        let findings: Vec<SourceFindings> = (0..corpus.sources.len())
            .into_par_iter()
            .map(|s| match self.sources.get(&keys[s]) {
                Some(kept) => kept.clone().renumbered(s),
                None => SourceFindings::of(corpus, matcher, s),
            })
            .collect();
        let current: HashSet<u64, FixedState> = keys.iter().copied().collect();
        self.reused = keys.iter().filter(|key| self.sources.contains_key(key)).count();
        self.sources.retain(|key, _| current.contains(key));
        for (key, found) in keys.into_iter().zip(&findings) {
            self.sources.entry(key).or_insert_with(|| found.clone());
        }
        findings
    }
}
