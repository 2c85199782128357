//! How alike two sentences are.
//!
//! The score is the Dice coefficient of the heaviest common token subsequence,
//! `2·LCS / (|a| + |b|)` with function words weighing a quarter of content words: it stays
//! high under substitutions, insertions and deletions of a few words, and low for paraphrase
//! and for different sentences built on the same skeleton of function words.

use super::sentence::Sentence;
use super::tokens::{hash_gram, weight};

const TRIGRAM: usize = 3;
/// Above this many cells, an LCS table is too costly: fall back to trigram Dice.
const MAX_LCS_CELLS: usize = 40_000;

/// Weight of the heaviest common subsequence of `a` and `b`, each token weighing
/// [`weight`] (function words little).
///
/// A common first token is in some heaviest subsequence: one that leaves it out can match
/// the two copies to each other instead, losing nothing. So the common prefix and suffix
/// are counted whole and only the middle needs the table; near copies, which differ in a
/// word or two, leave a small one. (Weights are quarters: every sum is exact in `f32`.)
fn weighted_lcs(a: &[u64], b: &[u64]) -> f32 {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b, head) = (&a[prefix..], &b[prefix..], &a[..prefix]);
    let suffix = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let (a, b, tail) = (&a[..a.len() - suffix], &b[..b.len() - suffix], &a[a.len() - suffix..]);
    total_weight(head) + total_weight(tail) + table_lcs(a, b)
}

/// [`weighted_lcs`] by the dynamic-programming table, one row at a time.
fn table_lcs(a: &[u64], b: &[u64]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut previous = vec![0f32; b.len() + 1];
    let mut current = vec![0f32; b.len() + 1];
    for &x in a {
        let wx = weight(x);
        for (j, &y) in b.iter().enumerate() {
            current[j + 1] = if x == y { previous[j] + wx } else { previous[j + 1].max(current[j]) };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The weight of the tokens `a` and `b` share, counted with repeats, from their tokens
/// sorted: no common subsequence weighs more. A merge, where the table costs a product.
fn shared_weight(a_sorted: &[u64], b_sorted: &[u64]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0.0);
    while i < a_sorted.len() && j < b_sorted.len() {
        match a_sorted[i].cmp(&b_sorted[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += weight(a_sorted[i]);
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// A sentence's tokens, sorted, for [`shared_weight`].
fn sorted(tokens: &[u64]) -> Vec<u64> {
    let mut sorted = tokens.to_vec();
    sorted.sort_unstable();
    sorted
}

fn trigram_dice(a: &[u64], b: &[u64]) -> f32 {
    let grams = |t: &[u64]| -> Vec<u64> {
        let mut g: Vec<u64> = t.windows(TRIGRAM).map(hash_gram).collect();
        g.sort_unstable();
        g.dedup();
        g
    };
    let (ga, gb) = (grams(a), grams(b));
    let shared = ga.iter().filter(|g| gb.binary_search(g).is_ok()).count();
    if ga.is_empty() || gb.is_empty() { 0.0 } else { 2.0 * shared as f32 / (ga.len() + gb.len()) as f32 }
}

/// Similarity of two token sequences, from 0 to 1.
pub fn similarity(a: &[u64], b: &[u64]) -> f32 {
    similarity_weighed(a, b, total_weight(a), total_weight(b))
}

/// The summed [`weight`] of the tokens. Weights are quarters, so sums are exact in `f32`.
fn total_weight(tokens: &[u64]) -> f32 {
    tokens.iter().map(|&x| weight(x)).sum()
}

/// [`similarity`], given each side's [`total_weight`].
fn similarity_weighed(a: &[u64], b: &[u64], weight_a: f32, weight_b: f32) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a.len() * b.len() > MAX_LCS_CELLS {
        return trigram_dice(a, b);
    }
    2.0 * weighted_lcs(a, b) / (weight_a + weight_b)
}

/// Whether `a` and `b`, of total weights `weights`, can be `near` copies: a common
/// subsequence weighs at most the lighter side, and at most the tokens the two share, counted
/// as bags. Most candidates that are not copies share little, and are told apart without
/// the table. (Long sentences, compared by trigrams, are not bounded.)
fn may_be_near(a: &[u64], b: &[u64], weights: (f32, f32), near: f32) -> bool {
    let total = weights.0 + weights.1;
    if a.len() * b.len() > MAX_LCS_CELLS || total == 0.0 {
        return true;
    }
    let score = |shared: f32| 2.0 * shared / total;
    score(weights.0.min(weights.1)) >= near && score(shared_weight(&sorted(a), &sorted(b))) >= near
}

/// True when `needle` stands in `haystack` as a contiguous run of tokens.
fn contains_run(haystack: &[u64], needle: &[u64]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// How closely `b` carries a quotation of `a`: 1 when it holds the quoted words, else the
/// best similarity of a quotation of each (0 when either has none).
pub fn quote_similarity(a: &Sentence, b: &Sentence) -> f32 {
    let mut best = 0.0f32;
    for qa in &a.quotes {
        let quoted = &a.tokens[qa.clone()];
        if contains_run(&b.tokens, quoted) {
            return 1.0;
        }
        for qb in &b.quotes {
            best = best.max(similarity(quoted, &b.tokens[qb.clone()]));
        }
    }
    best
}

/// True when `a` and `b` are copies at `threshold`: identical, or as [`similarity`] as that.
/// Pairs that cannot reach it are told apart without the table.
pub fn is_near(a: &[u64], b: &[u64], threshold: f32) -> bool {
    if a == b {
        return true;
    }
    let (weight_a, weight_b) = (total_weight(a), total_weight(b));
    may_be_near(a, b, (weight_a, weight_b), threshold) && similarity_weighed(a, b, weight_a, weight_b) >= threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn similarity_tolerates_small_edits_and_rejects_other_text() {
        let t = |s: &str| -> Vec<u64> { s.split(' ').map(super::super::tokens::token).collect() };
        let a = t(
            "un syria envoy staffan de mistura urged moscow and washington to push for a resumption of the talks next month",
        );
        let b = t(
            "un syria envoy staffan de mistura urged russia and the united states to push for a resumption of the talks next month",
        );
        assert!(similarity(&a, &b) > 0.8);
        let c = t("the diplomat said the names suggested to head the secretariat were riad hijab and ahmad jarba");
        assert!(similarity(&a, &c) < 0.3);
        assert_eq!(similarity(&a, &a), 1.0);
    }

    #[test]
    fn trimming_the_common_ends_and_the_shared_bound_agree_with_the_table() {
        // Sequences over a small vocabulary, half of it function words, with ends in common.
        let vocabulary: Vec<u64> = ["the", "of", "and", "to", "syria", "talks", "kerry", "moscow"]
            .into_iter()
            .map(super::super::tokens::token)
            .collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((state >> 33) % n) as usize
        };
        for _ in 0..2_000 {
            let mut run = |longest: u64| -> Vec<u64> { (0..next(longest)).map(|_| vocabulary[next(8)]).collect() };
            let (head, tail) = (run(4), run(4));
            let (middle_a, middle_b) = (run(12), run(12));
            let a: Vec<u64> = [&head[..], &middle_a, &tail].concat();
            let b: Vec<u64> = [&head[..], &middle_b, &tail].concat();
            let lcs = weighted_lcs(&a, &b);
            assert_eq!(lcs, table_lcs(&a, &b), "{a:?} {b:?}");
            assert!(shared_weight(&sorted(&a), &sorted(&b)) >= lcs);
        }
    }
}
