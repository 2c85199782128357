//! Text reuse: which sentences of one source are copies of another's.
//!
//! Three steps, each linear in the size of the corpus for a bounded number of versions per
//! story: tokenise every sentence (`tokens`); find candidate source pairs through an
//! inverted index of rare word 5-grams (`candidates`); align the sentences of each
//! candidate pair (`align`). No step compares all pairs of sources.

mod align;
mod candidates;
mod tokens;

pub(crate) use tokens::{Sentence, source_sentences};

use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::Range;

use foldhash::fast::FixedState;

use corpus::Corpus;

/// Quotations shorter than this many words are phrases ("constructive"), not quotations.
pub const MIN_QUOTE_TOKENS: usize = 6;

/// How a sentence was reused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReuseKind {
    /// The same words in the same order, ignoring case, punctuation and quote style.
    Verbatim,
    /// The same sentence lightly edited.
    Near,
    /// Different sentences sharing a direct quotation.
    Quote,
}

impl ReuseKind {
    /// The name used in JSON and templates.
    pub fn as_str(self) -> &'static str {
        match self {
            ReuseKind::Verbatim => "verbatim",
            ReuseKind::Near => "near",
            ReuseKind::Quote => "quote",
        }
    }
}

/// Where a sentence is: source, block and byte range in the block's text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SentenceRef {
    /// Index of the source in the corpus.
    pub source: usize,
    /// Index of the block in the source.
    pub block: usize,
    /// Byte range of the sentence in the block's text.
    pub range: Range<usize>,
}

impl SentenceRef {
    /// A key that orders sentences by position.
    pub fn position(&self) -> (usize, usize, usize) {
        (self.source, self.block, self.range.start)
    }
}

/// Two sentences of different sources that carry the same text.
#[derive(Debug, Clone, PartialEq)]
pub struct ReuseLink {
    /// The sentence in the source that comes first in the corpus.
    pub a: SentenceRef,
    /// The sentence in the other source.
    pub b: SentenceRef,
    /// Similarity from 0 to 1 (of the sentences, or of the shared quotation).
    pub score: f32,
    /// Verbatim, near or quote.
    pub kind: ReuseKind,
}

/// Similarity thresholds of the sentence alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Sentences at least this similar are a near copy.
    pub near: f32,
    /// Quotations at least this similar are the same quotation.
    pub quote: f32,
    /// Sentences shorter than this many words are never linked as wholes ("he said.").
    pub min_tokens: usize,
}

/// Settings of reuse detection.
#[derive(Debug, Clone, PartialEq)]
pub struct ReuseOptions {
    /// Words per gram in the candidate index.
    pub gram: usize,
    /// Grams found in more sources than this are stock phrases and ignored.
    pub df_cap: usize,
    /// Rare grams two sources must share to be aligned.
    pub min_shared_grams: usize,
    /// Alignment thresholds.
    pub thresholds: Thresholds,
}

impl Default for ReuseOptions {
    fn default() -> Self {
        ReuseOptions {
            gram: 5,
            df_cap: 100,
            min_shared_grams: 3,
            thresholds: Thresholds { near: 0.7, quote: 0.8, min_tokens: 5 },
        }
    }
}

/// Finds reused sentences across the sources of `corpus`, ordered by sentence position.
pub fn detect(corpus: &Corpus, options: &ReuseOptions) -> Vec<ReuseLink> {
    detect_with(corpus, options, None)
}

/// The alignments of pairs of sources kept between runs of [`detect_cached`] (`sitegen
/// serve`): a pair whose two sources tokenise to the same sentences is not aligned again.
/// It keeps the pairs of the last run only.
#[derive(Debug, Default)]
pub struct AlignmentCache {
    /// The links of each pair, by the fingerprints of its two sources, with sentences
    /// numbered within their source.
    pairs: HashMap<(u64, u64), Vec<align::SentenceLink>, FixedState>,
    /// Pairs the last run took from the cache.
    pub reused: usize,
    /// The n-grams the candidate pairs of the last run came from.
    grams: candidates::GramCache,
}

/// [`detect`], reusing the alignments `cache` holds for pairs whose sources did not change,
/// and keeping this run's. The links are the ones [`detect`] finds.
pub fn detect_cached(corpus: &Corpus, options: &ReuseOptions, cache: &mut AlignmentCache) -> Vec<ReuseLink> {
    detect_with(corpus, options, Some(cache))
}

fn detect_with(corpus: &Corpus, options: &ReuseOptions, cache: Option<&mut AlignmentCache>) -> Vec<ReuseLink> {
    detect_in(corpus, &tokens::sentences(corpus), options, cache)
}

/// [`detect_with`], given the corpus's sentences ([`tokens::sentences`]).
pub(crate) fn detect_in(
    corpus: &Corpus,
    sentences: &[Sentence],
    options: &ReuseOptions,
    mut cache: Option<&mut AlignmentCache>,
) -> Vec<ReuseLink> {
    let mut starts = vec![0usize; corpus.sources.len() + 1];
    for sentence in sentences {
        starts[sentence.source as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    // Pairs are aligned independently, on every core; the links are sorted below.
    use rayon::prelude::*;
    // A source's fingerprint, when alignments are kept: everything alignment reads of it
    // (its sentences, their positions, tokens and quotations) and the thresholds.
    let fingerprints: Vec<u64> = match cache {
        None => Vec::new(),
        Some(_) => (0..corpus.sources.len())
            .into_par_iter()
            .map(|s| {
                let state = FixedState::with_seed(u64::from(options.thresholds.min_tokens as u32));
                state.hash_one((
                    options.thresholds.near.to_bits(),
                    options.thresholds.quote.to_bits(),
                    sentences[starts[s]..starts[s + 1]]
                        .iter()
                        .map(|x| (x.block, &x.range, &x.tokens, &x.quotes))
                        .collect::<Vec<_>>(),
                ))
            })
            .collect(),
    };
    let (df_cap, min_shared) = (options.df_cap, options.min_shared_grams);
    let pairs = match cache.as_deref_mut() {
        None => candidates::candidate_pairs(sentences, options.gram, df_cap, min_shared),
        Some(cache) => candidates::pairs_of(
            cache.grams.update(sentences, &starts, &fingerprints, options.gram),
            corpus.sources.len(),
            df_cap,
            min_shared,
        ),
    };
    let align_pair = |(a, b): (u32, u32)| {
        let (a, b) = (a as usize, b as usize);
        align::align(sentences, starts[a]..starts[a + 1], starts[b]..starts[b + 1], &options.thresholds)
    };
    let aligned: Vec<Vec<align::SentenceLink>> = match cache {
        None => pairs.par_iter().map(|&pair| align_pair(pair)).collect(),
        Some(cache) => {
            let kept = std::mem::take(&mut cache.pairs);
            // Cached links number sentences within their source; `to_corpus` turns them into
            // indexes of `sentences`, and back when false.
            let shift = |links: &[align::SentenceLink],
                         a: usize,
                         b: usize,
                         to_corpus: bool|
             -> Vec<align::SentenceLink> {
                let (a, b) = (starts[a], starts[b]);
                let moved = |i: usize, by: usize| if to_corpus { i + by } else { i - by };
                links.iter().map(|l| align::SentenceLink { a: moved(l.a, a), b: moved(l.b, b), ..l.clone() }).collect()
            };
            let relative: Vec<(Vec<align::SentenceLink>, bool)> = pairs
                .par_iter()
                .map(|&(a, b)| match kept.get(&(fingerprints[a as usize], fingerprints[b as usize])) {
                    Some(links) => (links.clone(), true),
                    None => (shift(&align_pair((a, b)), a as usize, b as usize, false), false),
                })
                .collect();
            cache.reused = relative.iter().filter(|(_, reused)| *reused).count();
            pairs
                .iter()
                .zip(relative)
                .map(|(&(a, b), (relative, _))| {
                    let (a, b) = (a as usize, b as usize);
                    let links = shift(&relative, a, b, true);
                    cache.pairs.insert((fingerprints[a], fingerprints[b]), relative);
                    links
                })
                .collect()
        }
    };
    let mut links: Vec<ReuseLink> = aligned
        .into_iter()
        .flatten()
        .map(|link| {
            let at = |i: usize| {
                let s = &sentences[i];
                SentenceRef { source: s.source as usize, block: s.block as usize, range: s.range.clone() }
            };
            ReuseLink { a: at(link.a), b: at(link.b), score: link.score, kind: link.kind }
        })
        .collect();
    // Hundreds of thousands at 10,000 sources: sorted on every core (stable, like the rest).
    links.par_sort_by_key(|l| (l.a.position(), l.b.position()));
    links
}
