//! Text reuse: the passages several sources carry, as clusters of their copies.
//!
//! Every sentence is tokenised (`tokens`). Stock sentences are left out by their shape
//! (`stock`). Copies of one sentence are grouped (`group`): identical ones by a hash of their
//! tokens, near ones through MinHash band keys, each compared with the first of its band,
//! and joined when similar enough (`similarity`). Sentences carrying one direct quotation are
//! grouped the same way over their quoted words. Each group becomes a [`ReuseCluster`] with
//! its origin, the earliest carrier (`assemble`). No step compares pairs of sources or pairs
//! of copies, and no step ignores a passage because many sources carry it: the work grows
//! with the sentences of the corpus.

mod assemble;
mod group;
mod minhash;
mod similarity;
mod stock;
pub(crate) mod tokens;

pub(crate) use tokens::{Sentence, source_sentences};

use std::ops::Range;

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

/// What a reuse cluster gathers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ClusterKind {
    /// Copies of one sentence, verbatim or lightly edited.
    Sentence,
    /// Otherwise different sentences that carry one direct quotation.
    Quotation,
}

impl ClusterKind {
    /// The name used in JSON and templates.
    pub fn as_str(self) -> &'static str {
        match self {
            ClusterKind::Sentence => "sentence",
            ClusterKind::Quotation => "quotation",
        }
    }
}

/// One sentence of a [`ReuseCluster`], and how it carries the origin's text.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterMember {
    /// Where the sentence is.
    pub sentence: SentenceRef,
    /// Against the origin: `Verbatim` (the origin itself is), `Near` or `Quote` (a
    /// different sentence carrying the origin's quotation).
    pub kind: ReuseKind,
    /// Similarity to the origin, from 0 to 1 (1 for the origin and verbatim copies).
    pub score: f32,
    /// Members with the same words (ignoring case, punctuation and quote style) share a
    /// number: the origin's wording is 0, the others numbered in order of first appearance.
    pub wording: u32,
}

/// A passage carried by several sources: every copy of one sentence, or every sentence
/// carrying one quotation. Its size grows with the copies, never with pairs of them.
#[derive(Debug, Clone, PartialEq)]
pub struct ReuseCluster {
    /// Copies of a sentence, or carriers of a quotation.
    pub kind: ClusterKind,
    /// The members: the origin (the earliest carrier) first, then by position in the corpus.
    /// Members come from at least two sources.
    pub members: Vec<ClusterMember>,
}

impl ReuseCluster {
    /// The origin: the sentence of the earliest source that carries the passage.
    pub fn origin(&self) -> &ClusterMember {
        &self.members[0]
    }

    /// The sources that carry the passage, each once, in order.
    pub fn sources(&self) -> Vec<usize> {
        let mut sources: Vec<usize> = self.members.iter().map(|m| m.sentence.source).collect();
        sources.sort_unstable();
        sources.dedup();
        sources
    }

    /// How many different sources carry the passage.
    pub fn source_count(&self) -> usize {
        self.sources().len()
    }

    /// How members `a` and `b` relate: a shared quotation, the same words, or an edit.
    pub fn pair_kind(&self, a: usize, b: usize) -> ReuseKind {
        match self.kind {
            ClusterKind::Quotation => ReuseKind::Quote,
            ClusterKind::Sentence if self.members[a].wording == self.members[b].wording => ReuseKind::Verbatim,
            ClusterKind::Sentence => ReuseKind::Near,
        }
    }
}

/// Every pair of sentences of different sources that one cluster holds, as `(a, b, kind)`
/// with `a` before `b` in the corpus, and the strongest kind when two clusters hold the
/// pair. Quadratic in a cluster's size: for tests and small corpora, never for pages.
pub fn pairs(clusters: &[ReuseCluster]) -> Vec<(SentenceRef, SentenceRef, ReuseKind)> {
    let mut pairs: Vec<(SentenceRef, SentenceRef, ReuseKind)> = Vec::new();
    for cluster in clusters {
        for (i, x) in cluster.members.iter().enumerate() {
            for (j, y) in cluster.members.iter().enumerate().skip(i + 1) {
                if x.sentence.source == y.sentence.source {
                    continue;
                }
                let (a, b) = if x.sentence.position() <= y.sentence.position() { (x, y) } else { (y, x) };
                pairs.push((a.sentence.clone(), b.sentence.clone(), cluster.pair_kind(i, j)));
            }
        }
    }
    pairs.sort_by_key(|p| (p.0.position(), p.1.position(), p.2));
    pairs.dedup_by(|later, earlier| later.0 == earlier.0 && later.1 == earlier.1);
    pairs
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
    /// Similarity thresholds.
    pub thresholds: Thresholds,
}

impl Default for ReuseOptions {
    fn default() -> Self {
        ReuseOptions { thresholds: Thresholds { near: 0.7, quote: 0.8, min_tokens: 5 } }
    }
}

/// True when a sentence of `tokens` can be a passage: long enough, and not stock text.
pub(crate) fn is_passage(tokens: &[u64], thresholds: &Thresholds) -> bool {
    tokens.len() >= thresholds.min_tokens && !stock::is_stock(tokens)
}

/// Finds the passages carried by several sources of `corpus`, in corpus order of their origins.
pub fn detect(corpus: &Corpus, options: &ReuseOptions) -> Vec<ReuseCluster> {
    detect_in(corpus, &tokens::sentences(corpus), options)
}

/// [`detect`], given the corpus's sentences ([`tokens::sentences`], in corpus order).
pub(crate) fn detect_in(corpus: &Corpus, sentences: &[Sentence], options: &ReuseOptions) -> Vec<ReuseCluster> {
    use rayon::prelude::*;
    let thresholds = &options.thresholds;
    // Sentence copies, among the sentences that can be passages.
    let passages: Vec<usize> = (0..sentences.len())
        .into_par_iter()
        .filter(|&i| !sentences[i].caption && is_passage(&sentences[i].tokens, thresholds))
        .collect();
    // Fingerprints are made with the sentences, for passages by the default thresholds.
    let made: Vec<Option<minhash::Fingerprint>> = passages
        .par_iter()
        .map(|&i| sentences[i].print.is_none().then(|| minhash::Fingerprint::of(&sentences[i].tokens)))
        .collect();
    let texts: Vec<group::Text<'_>> = passages
        .iter()
        .zip(&made)
        .map(|(&i, made)| {
            (sentences[i].tokens.as_slice(), made.as_ref().or(sentences[i].print.as_ref()).expect("made"))
        })
        .collect();
    let copies: Vec<Vec<usize>> = group::copies(&texts, thresholds.near)
        .into_iter()
        .map(|g| g.into_iter().map(|k| passages[k]).collect())
        .collect();
    // Quotations: every quoted span, grouped over its words.
    let spans: Vec<(usize, group::Text<'_>)> = sentences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.quotes.iter().zip(&s.quote_prints).map(move |(q, p)| (i, (&s.tokens[q.clone()], p))))
        .collect();
    let quoted: Vec<group::Text<'_>> = spans.iter().map(|&(_, t)| t).collect();
    let mut group_of = vec![u32::MAX; sentences.len()];
    for (g, members) in copies.iter().enumerate() {
        members.iter().for_each(|&i| group_of[i] = g as u32);
    }
    let carriers: Vec<Vec<usize>> = group::copies(&quoted, thresholds.quote)
        .into_iter()
        .filter_map(|g| {
            let mut members: Vec<usize> = g.into_iter().map(|k| spans[k].0).collect();
            members.dedup();
            // Carriers that are all copies of one sentence add nothing to that sentence's cluster.
            let first = group_of[members[0]];
            let one_sentence = first != u32::MAX && members.iter().all(|&m| group_of[m] == first);
            (!one_sentence).then_some(members)
        })
        .collect();
    let mut clusters: Vec<ReuseCluster> = copies
        .par_iter()
        .filter_map(|g| assemble::cluster(corpus, sentences, ClusterKind::Sentence, g))
        .chain(carriers.par_iter().filter_map(|g| assemble::cluster(corpus, sentences, ClusterKind::Quotation, g)))
        .collect();
    assemble::sort(&mut clusters);
    clusters
}
