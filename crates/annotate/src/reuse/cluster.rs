//! What text reuse finds: clusters of the sentences that carry one passage, each member
//! placed and scored against the cluster's origin. The pages, the stories and the quotation
//! step all read these, so they stand apart from the steps that make them.

use std::ops::Range;

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
