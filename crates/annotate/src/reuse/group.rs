//! Texts grouped into copies of one another, in time that grows with the texts, never with
//! pairs of copies.
//!
//! Identical texts (the same tokens) are one *wording*: found by sorting on a hash of the
//! tokens. Wordings are then joined when they are near copies: each wording gets MinHash band
//! keys (`minhash`), and in every band the wordings sharing a key are compared with the
//! first of them (the earliest in the corpus) only, and joined when similar enough. A
//! passage carried by 800 sources in 300 wordings costs about 300 comparisons a band, where
//! comparing every pair would cost 45,000. A group is a connected set of such joins.

use rayon::prelude::*;

use super::minhash::{BANDS, Fingerprint};
use super::similarity::is_near;
use crate::disjoint_sets::DisjointSets;

/// A text to group: its tokens and their fingerprint.
pub type Text<'a> = (&'a [u64], &'a Fingerprint);

/// Groups the texts `texts[i]` (token sequences, given in corpus order) into copies of one
/// another: identical, or `is_near` at `threshold` through a chain of joins. Returns the
/// groups of two texts or more, each sorted, in order of their first text.
pub fn copies(texts: &[Text<'_>], threshold: f32) -> Vec<Vec<usize>> {
    let wordings = wordings(texts);
    let first_text = |w: usize| texts[wordings[w][0] as usize].0;
    let keys = |w: usize| &texts[wordings[w][0] as usize].1.keys;
    let mut candidates: Vec<u64> = (0..BANDS)
        .into_par_iter()
        .flat_map_iter(|band| {
            let mut postings: Vec<(u64, u32)> = (0..wordings.len()).map(|w| (keys(w)[band], w as u32)).collect();
            postings.sort_unstable();
            let pairs: Vec<u64> = postings
                .chunk_by(|x, y| x.0 == y.0)
                .filter(|run| run.len() > 1)
                .flat_map(|run| run[1..].iter().map(move |&(_, w)| (u64::from(run[0].1) << 32) | u64::from(w)))
                .collect();
            pairs
        })
        .collect();
    candidates.par_sort_unstable();
    candidates.dedup();
    let joins: Vec<(usize, usize)> = candidates
        .par_iter()
        .map(|&pair| ((pair >> 32) as usize, pair as u32 as usize))
        .filter(|&(a, b)| is_near(first_text(a), first_text(b), threshold))
        .collect();
    let mut sets = DisjointSets::new(wordings.len());
    for (a, b) in joins {
        sets.union(a, b);
    }
    // Every wording's texts under its set's root; groups of one text are no copies.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); wordings.len()];
    for w in 0..wordings.len() {
        members[sets.find(w)].extend(wordings[w].iter().map(|&i| i as usize));
    }
    let mut groups: Vec<Vec<usize>> = members.into_iter().filter(|m| m.len() > 1).collect();
    groups.par_iter_mut().for_each(|g| g.sort_unstable());
    groups.sort_unstable_by_key(|g| g[0]);
    groups
}

/// The texts as wordings: the indexes of identical texts together, each list in corpus
/// order, the lists in corpus order of their first text.
fn wordings(texts: &[Text<'_>]) -> Vec<Vec<u32>> {
    let mut by_hash: Vec<(u64, u32)> = texts.iter().enumerate().map(|(i, t)| (t.1.hash, i as u32)).collect();
    by_hash.par_sort_unstable();
    let mut wordings: Vec<Vec<u32>> = Vec::new();
    for run in by_hash.chunk_by(|x, y| x.0 == y.0) {
        // Texts of one hash are nearly always one wording; a collision splits the run.
        let start = wordings.len();
        for &(_, i) in run {
            let text = texts[i as usize].0;
            match wordings[start..].iter_mut().find(|w| texts[w[0] as usize].0 == text) {
                Some(wording) => wording.push(i),
                None => wordings.push(vec![i]),
            }
        }
    }
    // In corpus order of their first text, so a band's first wording is its earliest.
    wordings.par_sort_unstable_by_key(|w| w[0]);
    wordings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reuse::tokens::token;

    fn tokens(text: &str) -> Vec<u64> {
        text.split(' ').map(token).collect()
    }

    /// [`copies`] of token sequences at 0.7.
    fn group(texts: &[Vec<u64>]) -> Vec<Vec<usize>> {
        let prints: Vec<Fingerprint> = texts.iter().map(|t| Fingerprint::of(t)).collect();
        let keyed: Vec<Text<'_>> = texts.iter().zip(&prints).map(|(t, p)| (t.as_slice(), p)).collect();
        copies(&keyed, 0.7)
    }

    #[test]
    fn identical_and_near_texts_group_and_others_stay_alone() {
        let texts = [
            tokens(
                "un syria envoy staffan de mistura urged moscow and washington to push for a resumption of the talks",
            ),
            tokens("the diplomat said the names suggested to head the secretariat were riad hijab and ahmad jarba"),
            tokens(
                "un syria envoy staffan de mistura urged russia and the united states to push for a resumption of the talks",
            ),
            tokens(
                "un syria envoy staffan de mistura urged moscow and washington to push for a resumption of the talks",
            ),
            tokens("heavy rain flooded the old town of porto on tuesday closing schools and the metro"),
            tokens("the diplomat said the names suggested to head the secretariat were riad hijab and ahmad jarba"),
        ];
        assert_eq!(group(&texts), [vec![0, 2, 3], vec![1, 5]]);
    }

    #[test]
    fn a_text_carried_by_many_is_one_group_whatever_the_wordings() {
        // 900 copies: a third verbatim, the others each with one word of their own.
        let base = "the conflict which began in eleven has killed more than two hundred thousand people and displaced millions across the region";
        let texts: Vec<Vec<u64>> = (0..900)
            .map(|i| match i % 3 {
                0 => tokens(base),
                1 => tokens(&format!("{base} w{i}")),
                _ => tokens(&base.replace("region", &format!("r{i}"))),
            })
            .collect();
        let groups = group(&texts);
        assert_eq!(groups.len(), 1);
        assert_eq!(groups[0].len(), 900);
    }
}
