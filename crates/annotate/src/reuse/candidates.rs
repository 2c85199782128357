//! Candidate source pairs: an inverted index of hashed word n-grams with a document
//! frequency cap, as passim does for newspaper reprints. Grams shared by more sources than
//! the cap are stock phrases or boilerplate and propose nothing; a pair of sources becomes a
//! candidate when it shares enough of the remaining, rare grams. The work per gram is
//! bounded by the cap, so the whole step grows with the size of the corpus, not with the
//! number of source pairs.

use rayon::prelude::*;

use super::tokens::{Sentence, hash_gram};

/// Candidate pairs `(a, b)` of source indexes, `a < b`, sorted, that share at least
/// `min_shared` grams of `gram` words, each gram in at most `df_cap` sources.
pub fn candidate_pairs(sentences: &[Sentence], gram: usize, df_cap: usize, min_shared: usize) -> Vec<(u32, u32)> {
    pairs_of(&gram_postings(sentences, gram), df_cap, min_shared)
}

/// Every `(gram hash, source)` of `sentences`, sorted, each once.
///
/// Millions of grams at 10,000 sources. Each slice of sentences hashes its grams into
/// buckets by the top bits of the hash; then each bucket, gathered from every slice, is
/// sorted on its own. A bucket holds a few thousand grams and fits in the cache, where one
/// sort of them all would not, and the buckets in order are the whole list in order.
pub fn gram_postings(sentences: &[Sentence], gram: usize) -> Vec<(u64, u32)> {
    const BUCKET_BITS: u32 = 10;
    const BUCKETS: usize = 1 << BUCKET_BITS;
    const SENTENCES_PER_SLICE: usize = 16_384;
    let bucket = |hash: u64| (hash >> (64 - BUCKET_BITS)) as usize;
    // Each slice's grams, placed by bucket (a counting sort): bucket b's at starts[b]..starts[b + 1].
    let slices: Vec<Bucketed> = sentences
        .par_chunks(SENTENCES_PER_SLICE)
        .map(|slice| {
            let grams: Vec<(u64, u32)> = slice
                .iter()
                .filter(|sentence| sentence.tokens.len() >= gram)
                .flat_map(|sentence| sentence.tokens.windows(gram).map(|w| (hash_gram(w), sentence.source)))
                .collect();
            let mut starts = vec![0; BUCKETS + 1];
            for &(hash, _) in &grams {
                starts[bucket(hash) + 1] += 1;
            }
            for b in 1..=BUCKETS {
                starts[b] += starts[b - 1];
            }
            let mut fill = starts.clone();
            let mut placed = vec![(0, 0); grams.len()];
            for posting in grams {
                let at = &mut fill[bucket(posting.0)];
                placed[*at] = posting;
                *at += 1;
            }
            Bucketed { starts, placed }
        })
        .collect();
    let buckets: Vec<Vec<(u64, u32)>> = (0..BUCKETS)
        .into_par_iter()
        .map(|b| {
            let parts = slices.iter().map(|slice| &slice.placed[slice.starts[b]..slice.starts[b + 1]]);
            let mut postings: Vec<(u64, u32)> = parts.flatten().copied().collect();
            postings.sort_unstable();
            postings.dedup();
            postings
        })
        .collect();
    buckets.concat()
}

/// Postings placed by bucket: bucket `b`'s are `placed[starts[b]..starts[b + 1]]`.
struct Bucketed {
    starts: Vec<usize>,
    placed: Vec<(u64, u32)>,
}

/// [`candidate_pairs`] from the corpus's [`gram_postings`].
pub fn pairs_of(postings: &[(u64, u32)], df_cap: usize, min_shared: usize) -> Vec<(u32, u32)> {
    let mut pairs: Vec<u64> = Vec::new();
    for run in postings.chunk_by(|x, y| x.0 == y.0) {
        if run.len() < 2 || run.len() > df_cap {
            continue;
        }
        for (i, &(_, a)) in run.iter().enumerate() {
            for &(_, b) in &run[i + 1..] {
                pairs.push((u64::from(a) << 32) | u64::from(b));
            }
        }
    }
    pairs.par_sort_unstable();
    pairs
        .chunk_by(|x, y| x == y)
        .filter(|run| run.len() >= min_shared)
        .map(|run| ((run[0] >> 32) as u32, run[0] as u32))
        .collect()
}

/// The gram postings of the last run (`sitegen serve`), with the fingerprint of each
/// source's sentences they were made from: when the sources are the same ones and few
/// changed, only those sources' grams are made again and merged in.
#[derive(Debug, Default)]
pub struct GramCache {
    gram: usize,
    fingerprints: Vec<u64>,
    postings: Vec<(u64, u32)>,
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
    ) -> &[(u64, u32)] {
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
            let mut fresh: Vec<(u64, u32)> = changed
                .iter()
                .flat_map(|&s| &sentences[starts[s]..starts[s + 1]])
                .filter(|sentence| sentence.tokens.len() >= gram)
                .flat_map(|sentence| sentence.tokens.windows(gram).map(|w| (hash_gram(w), sentence.source)))
                .collect();
            fresh.sort_unstable();
            fresh.dedup();
            // The two hold different sources, so no posting is in both.
            let old = std::mem::take(&mut self.postings);
            let mut merged = Vec::with_capacity(old.len() + fresh.len());
            let mut fresh = fresh.into_iter().peekable();
            for posting in old.into_iter().filter(|&(_, source)| !is_changed[source as usize]) {
                while let Some(&next) = fresh.peek().filter(|&&next| next < posting) {
                    merged.push(next);
                    fresh.next();
                }
                merged.push(posting);
            }
            merged.extend(fresh);
            self.postings = merged;
        }
        self.gram = gram;
        self.fingerprints = fingerprints.to_vec();
        &self.postings
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reuse::tokens::hash_bytes;

    #[test]
    fn postings_are_every_gram_of_every_source_sorted_once() {
        // Enough sentences for several slices, with grams repeated within and across sources.
        let sentences: Vec<Sentence> = (0..40_000u32)
            .map(|i| {
                let words: Vec<String> = (0..(3 + i % 9)).map(|w| format!("w{}", (i * 7 + w * 13) % 501)).collect();
                sentence(i / 5, &words.join(" "))
            })
            .collect();
        let mut expected: Vec<(u64, u32)> = sentences
            .iter()
            .flat_map(|s| s.tokens.windows(3).map(|w| (hash_gram(w), s.source)).collect::<Vec<_>>())
            .collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(gram_postings(&sentences, 3), expected);
    }

    fn sentence(source: u32, text: &str) -> Sentence {
        let tokens = text.split(' ').map(|w| hash_bytes(w.as_bytes(), 0)).collect();
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
