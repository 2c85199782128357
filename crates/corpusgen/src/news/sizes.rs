//! Story sizes: a discrete Pareto law, so that most stories have one or two versions and a
//! few wire stories are carried by hundreds of outlets.
//!
//! A story has at least `k` versions with probability `SCALE / (SCALE + k − 1)`: a Lomax
//! law with tail exponent 1 (Zipf's law), rounded down. 53% of stories have one version,
//! 69% at most two, and about 1 in 550 has 500 or more. At 10,000 sources that gives about
//! 1,700 stories, 900 with one version, a largest story of 600 to 1,000 versions and a
//! second of 400 to 550 (the two largest of a Zipf law differ by a factor of about two).

use crate::rng::mix;

/// The scale of the law: it sets the share of single-version stories, `1 / (1 + SCALE)`.
const SCALE: f64 = 0.9;
/// A story takes at most one in this many of the sources still to generate, so that a corpus
/// is never one story, and the corpus ends with small stories rather than a cut-off giant.
const SHARE_OF_REMAINING: usize = 10;

/// 2^64 divided by the golden ratio: the step of the sequence of uniform variates.
const GOLDEN_STEP: u64 = 0x9E37_79B9_7F4A_7C15;

/// The sizes of successive stories.
///
/// The uniform variate behind each size steps by the golden ratio (modulo 1) from a seeded
/// start, instead of being drawn independently: that sequence spreads its values evenly
/// over (0, 1], so the few smallest, which make the largest stories, vary little with the
/// seed. With independent draws the largest of 2,000 stories ranges over a factor of three
/// from seed to seed.
#[derive(Debug, Clone)]
pub struct Sizes {
    state: u64,
}

impl Sizes {
    /// The sizes for one corpus.
    pub fn new(seed: u64) -> Sizes {
        Sizes { state: mix(seed) }
    }

    /// The size of the next story: at most `most` and a tenth of the `remaining` sources, but
    /// at least 1.
    pub fn next(&mut self, remaining: usize, most: usize) -> usize {
        self.state = self.state.wrapping_add(GOLDEN_STEP);
        // In (0, 1]: never 0, whose size would be infinite.
        let u = ((self.state >> 11) + 1) as f64 / (1u64 << 53) as f64;
        // The inverse of the law's tail. Saturates for the tiniest u; the caps apply anyway.
        let drawn = 1 + (SCALE * (1.0 / u - 1.0)) as usize;
        drawn.min(most).min((remaining / SHARE_OF_REMAINING).max(1)).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_respect_the_caps_and_are_mostly_small() {
        let mut sizes = Sizes::new(1);
        let drawn: Vec<usize> = (0..5000).map(|_| sizes.next(100_000, 3000)).collect();
        assert!(drawn.iter().all(|&k| (1..=3000).contains(&k)));
        let small = drawn.iter().filter(|&&k| k <= 2).count();
        assert!((3000..3700).contains(&small), "{small}");
        assert!(drawn.iter().any(|&k| k >= 500));
        assert_eq!(Sizes::new(1).next(9, 3000), 1);
        assert!(Sizes::new(1).next(50, 3000) <= 5);
    }
}
