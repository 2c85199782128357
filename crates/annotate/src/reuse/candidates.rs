//! Candidate source pairs: an inverted index of hashed word n-grams with a document
//! frequency cap, as passim does for newspaper reprints. Grams shared by more sources than
//! the cap are stock phrases or boilerplate and propose nothing; a pair of sources becomes a
//! candidate when it shares enough of the remaining, rare grams. The work per gram is
//! bounded by the cap, so the whole step grows with the size of the corpus, not with the
//! number of source pairs.
//!
//! Millions of grams at 10,000 sources: they are kept in buckets by the top bits of their
//! hash, each bucket sorted on its own. A bucket holds a few thousand grams and fits in the
//! cache, where one sort of them all would not; the sources sharing a gram are all in its
//! bucket, so the buckets are read on every core, and never copied into one list.

use rayon::prelude::*;

use super::tokens::{Sentence, hash_gram};

const BUCKET_BITS: u32 = 10;
const BUCKETS: usize = 1 << BUCKET_BITS;

fn bucket(hash: u64) -> usize {
    (hash >> (64 - BUCKET_BITS)) as usize
}

/// Every `(gram hash, source)` of some sentences, each once, by bucket: the buckets in order
/// are all of them sorted.
#[derive(Debug, Default)]
pub struct GramPostings {
    buckets: Vec<Vec<(u64, u32)>>,
}

impl GramPostings {
    /// All the postings, sorted.
    #[cfg(test)]
    fn sorted(&self) -> Vec<(u64, u32)> {
        self.buckets.concat()
    }
}

/// Candidate pairs `(a, b)` of source indexes, `a < b`, sorted, that share at least
/// `min_shared` grams of `gram` words, each gram in at most `df_cap` sources.
pub fn candidate_pairs(sentences: &[Sentence], gram: usize, df_cap: usize, min_shared: usize) -> Vec<(u32, u32)> {
    let sources = sentences.iter().map(|s| s.source as usize + 1).max().unwrap_or(0);
    pairs_of(&gram_postings(sentences, gram), sources, df_cap, min_shared)
}

/// The `(gram hash, source)` of every gram of `sentences`.
fn grams<'s>(sentences: impl Iterator<Item = &'s Sentence>, gram: usize) -> impl Iterator<Item = (u64, u32)> {
    sentences
        .filter(move |sentence| sentence.tokens.len() >= gram)
        .flat_map(move |sentence| sentence.tokens.windows(gram).map(|w| (hash_gram(w), sentence.source)))
}

/// `items` placed by bucket (a counting sort): bucket `b`'s at `starts[b]..starts[b + 1]`.
struct Bucketed<T> {
    starts: Vec<usize>,
    placed: Vec<T>,
}

impl<T: Copy + Default> Bucketed<T> {
    fn new(items: Vec<T>, bucket: impl Fn(&T) -> usize, buckets: usize) -> Self {
        let mut starts = vec![0; buckets + 1];
        for item in &items {
            starts[bucket(item) + 1] += 1;
        }
        for b in 1..=buckets {
            starts[b] += starts[b - 1];
        }
        let mut fill = starts.clone();
        let mut placed = vec![T::default(); items.len()];
        for item in items {
            let at = &mut fill[bucket(&item)];
            placed[*at] = item;
            *at += 1;
        }
        Bucketed { starts, placed }
    }

    fn bucket(&self, b: usize) -> &[T] {
        &self.placed[self.starts[b]..self.starts[b + 1]]
    }
}

/// Every `(gram hash, source)` of `sentences`, each once: each slice of sentences places its
/// grams by bucket, then each bucket, gathered from every slice, is sorted on its own.
pub fn gram_postings(sentences: &[Sentence], gram: usize) -> GramPostings {
    const SENTENCES_PER_SLICE: usize = 16_384;
    let slices: Vec<Bucketed<(u64, u32)>> = sentences
        .par_chunks(SENTENCES_PER_SLICE)
        .map(|slice| Bucketed::new(grams(slice.iter(), gram).collect(), |&(hash, _)| bucket(hash), BUCKETS))
        .collect();
    let buckets = (0..BUCKETS)
        .into_par_iter()
        .map(|b| {
            let mut postings: Vec<(u64, u32)> = slices.iter().flat_map(|slice| slice.bucket(b)).copied().collect();
            postings.sort_unstable();
            postings.dedup();
            postings
        })
        .collect();
    GramPostings { buckets }
}

/// [`candidate_pairs`] from the [`gram_postings`] of a corpus of `sources` sources. The
/// pairs each bucket proposes are placed by their first source's range, and each range is
/// counted on its own, so no step runs on one core.
pub fn pairs_of(postings: &GramPostings, sources: usize, df_cap: usize, min_shared: usize) -> Vec<(u32, u32)> {
    const RANGES: usize = 64;
    let range_of = |pair: &u64| ((pair >> 32) as usize * RANGES) / sources.max(1);
    let proposed: Vec<Bucketed<u64>> = postings
        .buckets
        .par_iter()
        .map(|bucket| {
            let mut pairs: Vec<u64> = Vec::new();
            for run in bucket.chunk_by(|x, y| x.0 == y.0) {
                if run.len() < 2 || run.len() > df_cap {
                    continue;
                }
                for (i, &(_, a)) in run.iter().enumerate() {
                    for &(_, b) in &run[i + 1..] {
                        pairs.push((u64::from(a) << 32) | u64::from(b));
                    }
                }
            }
            Bucketed::new(pairs, range_of, RANGES)
        })
        .collect();
    let ranges: Vec<Vec<(u32, u32)>> = (0..RANGES)
        .into_par_iter()
        .map(|r| {
            let mut pairs: Vec<u64> = proposed.iter().flat_map(|p| p.bucket(r)).copied().collect();
            pairs.sort_unstable();
            pairs
                .chunk_by(|x, y| x == y)
                .filter(|run| run.len() >= min_shared)
                .map(|run| ((run[0] >> 32) as u32, run[0] as u32))
                .collect()
        })
        .collect();
    ranges.concat()
}

/// The gram postings of the last run (`sitegen serve`), with the fingerprint of each
/// source's sentences they were made from: when the sources are the same ones and few
/// changed, only those sources' grams are made again and merged in.
#[derive(Debug, Default)]
pub struct GramCache {
    gram: usize,
    fingerprints: Vec<u64>,
    postings: GramPostings,
}

impl GramCache {
    /// The [`gram_postings`] of `sentences` (source `s`'s at `starts[s]..starts[s + 1]`),
    /// whose sources have `fingerprints`.
    pub fn update(
        &mut self,
        sentences: &[Sentence],
        starts: &[usize],
        fingerprints: &[u64],
        gram: usize,
    ) -> &GramPostings {
        let same_sources = self.gram == gram && self.fingerprints.len() == fingerprints.len();
        let changed: Vec<usize> = if same_sources {
            (0..fingerprints.len()).filter(|&s| self.fingerprints[s] != fingerprints[s]).collect()
        } else {
            Vec::new()
        };
        if !same_sources || changed.len() * 4 > fingerprints.len() {
            self.postings = gram_postings(sentences, gram);
        } else if !changed.is_empty() {
            let mut is_changed = vec![false; fingerprints.len()];
            changed.iter().for_each(|&s| is_changed[s] = true);
            let changed_sentences = changed.iter().flat_map(|&s| &sentences[starts[s]..starts[s + 1]]);
            let mut fresh: Vec<(u64, u32)> = grams(changed_sentences, gram).collect();
            fresh.sort_unstable();
            fresh.dedup();
            let fresh = Bucketed::new(fresh, |&(hash, _)| bucket(hash), BUCKETS);
            // The two hold different sources, so no posting is in both.
            self.postings.buckets.par_iter_mut().enumerate().for_each(|(b, postings)| {
                let old = std::mem::take(postings);
                let mut fresh = fresh.bucket(b).iter().copied().peekable();
                let mut merged = Vec::with_capacity(old.len() + fresh.len());
                for posting in old.into_iter().filter(|&(_, source)| !is_changed[source as usize]) {
                    while let Some(next) = fresh.next_if(|&next| next < posting) {
                        merged.push(next);
                    }
                    merged.push(posting);
                }
                merged.extend(fresh);
                *postings = merged;
            });
        }
        self.gram = gram;
        self.fingerprints = fingerprints.to_vec();
        &self.postings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reuse::tokens::token;

    #[test]
    fn postings_are_every_gram_of_every_source_sorted_once() {
        // Enough sentences for several slices, with grams repeated within and across sources.
        let sentences: Vec<Sentence> = (0..40_000u32)
            .map(|i| {
                let words: Vec<String> = (0..(3 + i % 9)).map(|w| format!("w{}", i % 3001 * 100 + w)).collect();
                sentence(i / 5, &words.join(" "))
            })
            .collect();
        let mut expected: Vec<(u64, u32)> = sentences
            .iter()
            .flat_map(|s| s.tokens.windows(3).map(|w| (hash_gram(w), s.source)).collect::<Vec<_>>())
            .collect();
        expected.sort_unstable();
        expected.dedup();
        let postings = gram_postings(&sentences, 3);
        assert_eq!(postings.sorted(), expected);
        // Pairs, by their definition over the sorted list.
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for run in expected.chunk_by(|x, y| x.0 == y.0).filter(|run| run.len() <= 20) {
            for (i, &(_, a)) in run.iter().enumerate() {
                pairs.extend(run[i + 1..].iter().map(|&(_, b)| (a, b)));
            }
        }
        pairs.sort_unstable();
        let shared: Vec<(u32, u32)> =
            pairs.chunk_by(|x, y| x == y).filter(|run| run.len() >= 2).map(|run| run[0]).collect();
        assert!(shared.len() > 100, "{}", shared.len());
        assert_eq!(pairs_of(&postings, 8_000, 20, 2), shared);
    }

    fn sentence(source: u32, text: &str) -> Sentence {
        let tokens = text.split(' ').map(token).collect();
        Sentence { source, block: 0, range: 0..0, tokens, quotes: Vec::new() }
    }

    #[test]
    fn pairs_sources_sharing_rare_grams_only() {
        let shared = "the talks in geneva were long and very difficult for both sides";
        let stock = "the views expressed here are those of the author alone";
        let mut sentences =
            vec![sentence(0, shared), sentence(1, shared), sentence(2, "something else entirely written here today")];
        for s in 0..4 {
            sentences.push(sentence(s, stock));
        }
        // The stock sentence is in four sources: over a cap of three, it proposes nothing.
        assert_eq!(candidate_pairs(&sentences, 5, 3, 3), [(0, 1)]);
        // With a higher cap, it pairs everything.
        assert_eq!(candidate_pairs(&sentences, 5, 10, 3).len(), 6);
    }
}
