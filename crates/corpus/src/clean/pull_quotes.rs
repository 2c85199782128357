//! Pull quotes found by what they repeat: a short unit whose words stand as a run of whole
//! words inside another, longer unit is the quotation an outlet prints again beside the
//! paragraph it comes from. Found in time linear in the text, with rolling window hashes.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::text::{self, fold};

/// A unit repeating a passage of another is a pull quote when it has this many words…
pub(super) const PULL_QUOTE_MIN_WORDS: usize = 6;
/// …and no more than this: a pull quote is a sentence or two set apart. The bound also keeps
/// the search linear in the text: it makes one pass per length of candidate, so at most 75.
pub(super) const PULL_QUOTE_MAX_WORDS: usize = 80;

/// For each unit, whether its words ([`fold`]ed) stand as a run of whole words inside
/// another, longer unit: the pull quote an outlet prints again beside the paragraph it comes
/// from.
///
/// Comparing every unit with every other costs the square of the number of units, which a
/// body of 100,000 one-line paragraphs turns into hours. Instead, every window of
/// [`PULL_QUOTE_MIN_WORDS`] words of the longer units is hashed, in constant time from the
/// unit's prefix hashes, and looked up among the candidates' first words; on a hit, the
/// window of each candidate length starting there is hashed the same way and looked up among
/// the candidates' whole hashes, and a hit there is confirmed on the folded words. A position
/// costs one lookup, or at most one per candidate length (75) where candidates start alike.
pub(super) fn repeats_a_passage(texts: &[&str]) -> Vec<bool> {
    // Each word hashed as it is folded: no folded copy of the text, no table of words.
    let words: Vec<Vec<u64>> = texts.iter().map(|text| text::folded_word_hashes(text)).collect();
    let mut repeats = vec![false; texts.len()];
    let is_candidate = |unit: &Vec<u64>| (PULL_QUOTE_MIN_WORDS..=PULL_QUOTE_MAX_WORDS).contains(&unit.len());
    let Some(shortest) = words.iter().filter(|u| is_candidate(u)).map(Vec::len).min() else {
        return repeats;
    };
    // What the window hashes are taken of: each word's hash mixed over the whole range, once.
    // (Neither is one-to-one, so matches are confirmed on the words.) Then each unit's
    // prefix hashes.
    let prefixes: Vec<Vec<u64>> = words
        .iter()
        .map(|unit| {
            let mut prefix = Vec::with_capacity(unit.len() + 1);
            prefix.push(0);
            for &word in unit {
                let last = *prefix.last().expect("starts with one");
                prefix.push(WindowHash::push(last, WindowHash::word(word)));
            }
            prefix
        })
        .collect();
    let powers = WindowHash::powers(PULL_QUOTE_MAX_WORDS);
    let window = |unit: usize, start: usize, length: usize| WindowHash::window(&prefixes[unit], &powers, start, length);
    // Candidates by the hash of their first words (with the lengths found there), and by
    // length and the hash of all their words.
    let mut starts: HashMap<u64, Vec<usize>, FixedState> = HashMap::default();
    let mut whole: HashMap<(usize, u64), Vec<usize>, FixedState> = HashMap::default();
    for (i, unit) in words.iter().enumerate().filter(|(_, u)| is_candidate(u)) {
        let lengths = starts.entry(window(i, 0, PULL_QUOTE_MIN_WORDS)).or_default();
        if !lengths.contains(&unit.len()) {
            lengths.push(unit.len());
        }
        whole.entry((unit.len(), window(i, 0, unit.len()))).or_default().push(i);
    }
    // A unit of the same length holding the candidate would be the same text.
    for (u, unit) in words.iter().enumerate().filter(|(_, unit)| unit.len() > shortest) {
        for start in 0..=unit.len() - PULL_QUOTE_MIN_WORDS {
            let Some(lengths) = starts.get(&window(u, start, PULL_QUOTE_MIN_WORDS)) else { continue };
            for &length in lengths.iter().filter(|&&length| length < unit.len() && start + length <= unit.len()) {
                let Some(found) = whole.get_mut(&(length, window(u, start, length))) else { continue };
                let passage = &unit[start..start + length];
                found.retain(|&i| {
                    let same = words[i] == passage && {
                        let (quote, text) = (fold(texts[i]), fold(texts[u]));
                        text.split(' ').skip(start).take(length).eq(quote.split(' '))
                    };
                    repeats[i] |= same;
                    !same
                });
            }
        }
    }
    repeats
}

/// A polynomial hash of runs of words, modulo the prime 2^61 − 1: the hash of any window
/// of a unit comes in constant time from the hashes of the unit's prefixes.
struct WindowHash;

impl WindowHash {
    const PRIME: u64 = (1 << 61) - 1;
    const BASE: u64 = 0x1F3D_5B79_A2C4_E681 % Self::PRIME;

    /// `a * b` modulo the prime, for `a`, `b` below it. A Mersenne prime reduces with shifts
    /// and masks: 2^61 is 1 modulo 2^61 − 1, so the high bits fold onto the low ones.
    fn mul(a: u64, b: u64) -> u64 {
        let product = u128::from(a) * u128::from(b);
        let folded = (product as u64 & Self::PRIME) + (product >> 61) as u64;
        let folded = (folded & Self::PRIME) + (folded >> 61);
        if folded >= Self::PRIME { folded - Self::PRIME } else { folded }
    }

    /// A word's hash spread over the whole range, below the prime.
    fn word(id: u64) -> u64 {
        let mut z = id.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        (z ^ (z >> 31)) % Self::PRIME
    }

    /// The hash of a run of words extended by one word (mixed by [`WindowHash::word`]).
    fn push(h: u64, word: u64) -> u64 {
        (Self::mul(h, Self::BASE) + word) % Self::PRIME
    }

    /// BASE to the powers 0 to `max`.
    fn powers(max: usize) -> Vec<u64> {
        std::iter::successors(Some(1), |&p| Some(Self::mul(p, Self::BASE))).take(max + 1).collect()
    }

    /// The hash of the `length` words from `start`, from the hashes of a unit's prefixes
    /// (`prefix[k]` is the hash of its first `k` words): the prefix up to the window's end,
    /// less the prefix before it shifted past the window. `length` is at most the largest
    /// power in `powers`.
    fn window(prefix: &[u64], powers: &[u64], start: usize, length: usize) -> u64 {
        let before = Self::mul(prefix[start], powers[length]);
        (prefix[start + length] + Self::PRIME - before) % Self::PRIME
    }
}

#[cfg(test)]
mod tests {
    use super::WindowHash;

    #[test]
    fn multiplication_modulo_the_prime_is_exact() {
        let p = WindowHash::PRIME;
        let mut x = 0x1234_5678_9abc_def0_u64 % p;
        for b in [0, 1, 2, p - 1, p - 2, 1 << 60, WindowHash::BASE] {
            for a in [0, 1, p - 1, x, WindowHash::BASE] {
                let expected = ((u128::from(a) * u128::from(b)) % u128::from(p)) as u64;
                assert_eq!(WindowHash::mul(a, b), expected, "{a} * {b}");
            }
            x = WindowHash::word(x);
        }
    }

    #[test]
    fn a_window_hashes_as_the_words_it_holds() {
        let words: Vec<u64> = (0..40u64).map(|i| WindowHash::word(i * 7 % 13)).collect();
        let mut prefix = vec![0];
        for &w in &words {
            prefix.push(WindowHash::push(*prefix.last().unwrap(), w));
        }
        let powers = WindowHash::powers(40);
        for start in 0..40 {
            for length in 0..=40 - start {
                let direct = words[start..start + length].iter().fold(0, |h, &w| WindowHash::push(h, w));
                assert_eq!(WindowHash::window(&prefix, &powers, start, length), direct, "{start}+{length}");
            }
        }
    }
}
