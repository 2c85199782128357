//! Sentence alignment inside one candidate pair of sources.
//!
//! Each sentence of one source is compared with the sentences of the other that share a
//! word trigram with it. The score is the Dice coefficient of the heaviest common token
//! subsequence, `2·LCS / (|a| + |b|)` with function words weighing a quarter of content
//! words: it stays high under substitutions, insertions and deletions of a few words, and
//! low for paraphrase and for different sentences built on the same skeleton of function
//! words. Pairs are then chosen one to one, best
//! first. A quotation shared by two sentences links them even when the rest differs.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::tokens::{Sentence, hash_gram, weight};
use super::{ReuseKind, Thresholds};

/// A link between two sentences, by index into the sentence list.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceLink {
    pub a: usize,
    pub b: usize,
    pub score: f32,
    pub kind: ReuseKind,
}

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
/// as bags. `sorted` gives each side's tokens sorted, asked only when the first bound passes:
/// most sentences that share a trigram share little else, and are told apart without the
/// table. (Long sentences, compared by trigrams, are not bounded.)
fn may_be_near<'s>(
    a: &[u64],
    b: &[u64],
    weights: (f32, f32),
    near: f32,
    sorted: impl FnOnce() -> (&'s [u64], &'s [u64]),
) -> bool {
    let total = weights.0 + weights.1;
    if a.len() * b.len() > MAX_LCS_CELLS || total == 0.0 {
        return true;
    }
    let score = |shared: f32| 2.0 * shared / total;
    score(weights.0.min(weights.1)) >= near && {
        let (a_sorted, b_sorted) = sorted();
        score(shared_weight(a_sorted, b_sorted)) >= near
    }
}

/// True when `needle` stands in `haystack` as a contiguous run of tokens.
fn contains_run(haystack: &[u64], needle: &[u64]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// The best similarity of a quotation of `a` with a quotation of `b` (or with `b`'s text
/// when `b` carries the quoted words unmarked).
fn quote_score(a: &Sentence, b: &Sentence, thresholds: &Thresholds) -> Option<f32> {
    let mut best: Option<f32> = None;
    for qa in &a.quotes {
        let quoted = &a.tokens[qa.clone()];
        if contains_run(&b.tokens, quoted) {
            best = Some(1.0);
            break;
        }
        for qb in &b.quotes {
            let score = similarity(quoted, &b.tokens[qb.clone()]);
            if score >= thresholds.quote && best.is_none_or(|s| score > s) {
                best = Some(score);
            }
        }
    }
    best
}

/// Aligns the sentences `a_range` of one source with `b_range` of another.
pub fn align(
    sentences: &[Sentence],
    a_range: std::ops::Range<usize>,
    b_range: std::ops::Range<usize>,
    thresholds: &Thresholds,
) -> Vec<SentenceLink> {
    let grams: usize = b_range.clone().map(|j| sentences[j].tokens.len().saturating_sub(TRIGRAM - 1)).sum();
    let mut by_trigram: HashMap<u64, Vec<usize>, FixedState> =
        HashMap::with_capacity_and_hasher(grams, FixedState::default());
    let b_weights: Vec<f32> = b_range.clone().map(|j| total_weight(&sentences[j].tokens)).collect();
    for j in b_range.clone() {
        for gram in sentences[j].tokens.windows(TRIGRAM) {
            let list = by_trigram.entry(hash_gram(gram)).or_default();
            if list.last() != Some(&j) {
                list.push(j);
            }
        }
    }
    let mut scored: Vec<SentenceLink> = Vec::new();
    // Sorted tokens of b's sentences, made when first needed.
    let mut b_sorted: Vec<Option<Vec<u64>>> = vec![None; b_range.len()];
    for i in a_range.clone() {
        let a = &sentences[i];
        if a.tokens.len() < thresholds.min_tokens && a.quotes.is_empty() {
            continue;
        }
        let a_weight = total_weight(&a.tokens);
        let mut targets: Vec<usize> =
            a.tokens.windows(TRIGRAM).filter_map(|g| by_trigram.get(&hash_gram(g))).flatten().copied().collect();
        targets.sort_unstable();
        targets.dedup();
        let mut a_sorted: Option<Vec<u64>> = None;
        for j in targets {
            let b = &sentences[j];
            let long_enough = a.tokens.len() >= thresholds.min_tokens && b.tokens.len() >= thresholds.min_tokens;
            let verbatim = long_enough && a.tokens == b.tokens;
            let b_weight = b_weights[j - b_range.start];
            // Sentences that cannot be near copies get no table.
            let (a_slot, b_slot) = (&mut a_sorted, &mut b_sorted[j - b_range.start]);
            let can_be_near = long_enough
                && !verbatim
                && may_be_near(&a.tokens, &b.tokens, (a_weight, b_weight), thresholds.near, move || {
                    let a_sorted = a_slot.get_or_insert_with(|| sorted(&a.tokens));
                    (a_sorted.as_slice(), b_slot.get_or_insert_with(|| sorted(&b.tokens)).as_slice())
                });
            let score = if verbatim {
                // What the table would give: the whole weight over itself, exactly 1.
                1.0
            } else if can_be_near {
                similarity_weighed(&a.tokens, &b.tokens, a_weight, b_weight)
            } else {
                0.0
            };
            let kind = if verbatim {
                Some(ReuseKind::Verbatim)
            } else if long_enough && score >= thresholds.near {
                Some(ReuseKind::Near)
            } else {
                None
            };
            if let Some(kind) = kind {
                scored.push(SentenceLink { a: i, b: j, score, kind });
            } else if let Some(quote) = quote_score(a, b, thresholds).or_else(|| quote_score(b, a, thresholds)) {
                scored.push(SentenceLink { a: i, b: j, score: quote, kind: ReuseKind::Quote });
            }
        }
    }
    // One to one, best first; sentence-level matches before quote-only ones.
    scored.sort_by(|x, y| {
        (x.kind == ReuseKind::Quote)
            .cmp(&(y.kind == ReuseKind::Quote))
            .then(y.score.total_cmp(&x.score))
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    let (mut used_a, mut used_b) = (vec![false; a_range.len()], vec![false; b_range.len()]);
    let mut links: Vec<SentenceLink> = scored
        .into_iter()
        .filter(|l| {
            let (a, b) = (&mut used_a[l.a - a_range.start], &mut used_b[l.b - b_range.start]);
            let free = !*a && !*b;
            if free {
                (*a, *b) = (true, true);
            }
            free
        })
        .collect();
    links.sort_by_key(|l| (l.a, l.b));
    links
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

    #[test]
    fn a_sentence_whose_best_match_is_taken_links_to_its_next_best() {
        let sentence = |text: &str| {
            let tokens: Vec<u64> = text.split(' ').map(super::super::tokens::token).collect();
            Sentence { source: 0, block: 0, range: 0..0, tokens, quotes: Vec::new() }
        };
        let sentences = [
            sentence("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10"),
            sentence("w1 w2 w3 w4 w5 w6 w7 w8 w9 y"),
            sentence("w1 w2 w3 w4 w5 w6 w7 w8 w9 w10"),
            sentence("w1 w2 w3 w4 w5 w6 w7 w8 z q"),
        ];
        let thresholds = Thresholds { near: 0.7, quote: 0.8, min_tokens: 5 };
        // Sentence 1 is nearest to 2, which 0 takes word for word; 1 then goes with 3.
        let links: Vec<(usize, usize)> =
            align(&sentences, 0..2, 2..4, &thresholds).iter().map(|l| (l.a, l.b)).collect();
        assert_eq!(links, [(0, 2), (1, 3)]);
    }
}
