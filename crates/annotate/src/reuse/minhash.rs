//! MinHash band keys over a sentence's content words (locality-sensitive hashing): two
//! sentences whose sets of content words overlap much share a band key with high
//! probability, sentences that overlap little rarely do. Each sentence gets a fixed number
//! of keys, whatever the corpus, so finding near copies costs the same per sentence whether
//! a passage is carried by two outlets or by eight hundred.
//!
//! With `ROWS` minima a band and `BANDS` bands, sentences of content-word Jaccard `j` share a
//! key with probability `1 - (1 - j^ROWS)^BANDS`: 0.99 at 0.6, 0.93 at 0.5, 0.43 at 0.3.
//! Near copies (similarity 0.7 and more) have a Jaccard of about 0.55 or more; candidates
//! that are not near copies cost one comparison each and are refused.

use super::tokens::weight;

/// Minima per band.
const ROWS: usize = 3;
/// Bands per sentence.
pub const BANDS: usize = 20;

/// A strong mix of a token, once per token (SplitMix64's finaliser).
fn mix(token: u64) -> u64 {
    let mut x = token;
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The hash functions of the family, made once: on a mixed token, multiply by an odd
/// constant and add (a bijection of 64-bit words whose high bits, which decide the minimum,
/// depend on every bit of the token).
fn family() -> &'static [(u64, u64); ROWS * BANDS] {
    static FAMILY: std::sync::OnceLock<[(u64, u64); ROWS * BANDS]> = std::sync::OnceLock::new();
    FAMILY.get_or_init(|| std::array::from_fn(|i| (mix(i as u64 * 2 + 1) | 1, mix(i as u64 * 2 + 2))))
}

/// The band keys of a sentence's `tokens`, over its content words (function words are in
/// every sentence and tell nothing), or over all its words when it has no content word.
/// Each key also hashes its band's number, so keys of different bands never meet.
pub fn band_keys(tokens: &[u64]) -> [u64; BANDS] {
    let mut words: Vec<u64> = tokens.iter().copied().filter(|&t| weight(t) == 1.0).map(mix).collect();
    if words.is_empty() {
        words = tokens.iter().copied().map(mix).collect();
    }
    let family = family();
    let mut minima = [u64::MAX; ROWS * BANDS];
    for &word in &words {
        for (minimum, &(a, b)) in minima.iter_mut().zip(family) {
            *minimum = (*minimum).min(word.wrapping_mul(a).wrapping_add(b));
        }
    }
    std::array::from_fn(|band| {
        let rows = &minima[band * ROWS..(band + 1) * ROWS];
        rows.iter().fold(mix(band as u64 ^ 0x5bd1_e995), |acc, &m| mix(acc ^ m))
    })
}

/// What grouping reads of a text besides its tokens, made once per text (and kept with a
/// source's findings between rebuilds): the hash of its tokens and its band keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// A hash of the tokens: identical texts have the same.
    pub hash: u64,
    /// The MinHash band keys ([`band_keys`]).
    pub keys: [u64; BANDS],
}

impl Fingerprint {
    /// The fingerprint of a text of `tokens`.
    pub fn of(tokens: &[u64]) -> Fingerprint {
        use std::hash::BuildHasher;
        let hash = foldhash::fast::FixedState::with_seed(0x00c0_91e5).hash_one(tokens);
        Fingerprint { hash, keys: band_keys(tokens) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reuse::tokens::token;

    fn keys(text: &str) -> [u64; BANDS] {
        band_keys(&text.split(' ').map(token).collect::<Vec<_>>())
    }

    fn shared(a: &[u64; BANDS], b: &[u64; BANDS]) -> usize {
        a.iter().zip(b).filter(|(x, y)| x == y).count()
    }

    #[test]
    fn near_copies_share_keys_and_other_sentences_do_not() {
        let a = keys(
            "un syria envoy staffan de mistura urged moscow and washington to push for a resumption of the talks next month",
        );
        let b = keys(
            "un syria envoy staffan de mistura urged russia and the united states to push for a resumption of the talks next month",
        );
        let c = keys("the diplomat said the names suggested to head the secretariat were riad hijab and ahmad jarba");
        assert_eq!(
            a,
            keys(
                "un syria envoy staffan de mistura urged moscow and washington to push for a resumption of the talks next month"
            )
        );
        assert!(shared(&a, &b) > 0, "near copies meet in some band");
        assert_eq!(shared(&a, &c), 0);
        // Function words alone change nothing.
        assert_eq!(
            a,
            keys("un syria envoy staffan de mistura urged moscow washington push resumption talks next month")
        );
    }
}
