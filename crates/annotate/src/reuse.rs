//! Text reuse: the passages several sources carry, as clusters of their copies.
//!
//! Every sentence is tokenised (`tokens`) and fingerprinted (`sentence`). Stock sentences
//! are left out by their shape (`stock`), and short ones by the settings (`options`). Copies of one sentence are grouped (`group`): identical ones by a hash of their
//! tokens, near ones through MinHash band keys, each compared with the first of its band,
//! and joined when similar enough (`similarity`). Sentences carrying one direct quotation are
//! grouped the same way over their quoted words. Each group becomes a [`ReuseCluster`]
//! (`cluster`) with its origin, the earliest carrier (`assemble`). No step compares pairs of sources or pairs
//! of copies, and no step ignores a passage because many sources carry it: the work grows
//! with the sentences of the corpus.

mod assemble;
mod cluster;
mod group;
mod minhash;
mod options;
pub(crate) mod sentence;
mod similarity;
mod stock;
mod tokens;

pub use cluster::{ClusterKind, ClusterMember, ReuseCluster, ReuseKind, SentenceRef, pairs};
pub use options::{ReuseOptions, Thresholds};
pub(crate) use sentence::{Sentence, source_sentences};
pub use tokens::MIN_QUOTE_TOKENS;

use corpus::Corpus;

use options::is_passage;

/// Finds the passages carried by several sources of `corpus`, in corpus order of their origins.
pub fn detect(corpus: &Corpus, options: &ReuseOptions) -> Vec<ReuseCluster> {
    detect_in(corpus, &sentence::sentences(corpus), options)
}

/// [`detect`], given the corpus's sentences ([`sentence::sentences`], in corpus order).
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
