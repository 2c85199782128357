//! B-cubed precision and recall: how well a clustering of items matches the true one.

use std::collections::HashMap;

/// B-cubed scores of a clustering against the truth, each in `0.0..=1.0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BCubed {
    /// The mean, over items, of the share of an item's found cluster that is in its true
    /// cluster: low when unrelated items are merged.
    pub precision: f64,
    /// The mean, over items, of the share of an item's true cluster that is in its found
    /// cluster: low when a story is split.
    pub recall: f64,
}

impl BCubed {
    /// The harmonic mean of precision and recall (0 when both are 0).
    pub fn f1(&self) -> f64 {
        let sum = self.precision + self.recall;
        if sum == 0.0 { 0.0 } else { 2.0 * self.precision * self.recall / sum }
    }
}

/// Scores the clustering `found` against `truth`: `truth[i]` and `found[i]` are the true and
/// found cluster labels of item `i` (any numbers; only equality matters). Both are 1 for no
/// items.
///
/// An item's found cluster holds, of its true cluster, exactly the items with the same
/// (true, found) pair of labels; so counting the pairs, and the sizes of the clusters, is all
/// it takes, in time linear in the number of items.
///
/// # Panics
///
/// When `truth` and `found` have different lengths.
pub fn b_cubed(truth: &[usize], found: &[usize]) -> BCubed {
    assert_eq!(truth.len(), found.len(), "b_cubed: one true and one found label per item");
    if truth.is_empty() {
        return BCubed { precision: 1.0, recall: 1.0 };
    }
    let mut both: HashMap<(usize, usize), usize> = HashMap::new();
    let mut true_size: HashMap<usize, usize> = HashMap::new();
    let mut found_size: HashMap<usize, usize> = HashMap::new();
    for (&t, &f) in truth.iter().zip(found) {
        *both.entry((t, f)).or_default() += 1;
        *true_size.entry(t).or_default() += 1;
        *found_size.entry(f).or_default() += 1;
    }
    // Summed item by item, in input order, not over the maps: the order of a float sum
    // changes its last bits, and the maps' order changes from run to run.
    let (mut precision, mut recall) = (0.0, 0.0);
    for (&t, &f) in truth.iter().zip(found) {
        let shared = both[&(t, f)] as f64;
        precision += shared / found_size[&f] as f64;
        recall += shared / true_size[&t] as f64;
    }
    let n = truth.len() as f64;
    BCubed { precision: precision / n, recall: recall / n }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    /// The definition, item against item: quadratic, for checking.
    fn pairwise(truth: &[usize], found: &[usize]) -> BCubed {
        let n = truth.len();
        let (mut precision, mut recall) = (0.0, 0.0);
        for i in 0..n {
            let same_found = (0..n).filter(|&j| found[j] == found[i]).count() as f64;
            let same_true = (0..n).filter(|&j| truth[j] == truth[i]).count() as f64;
            let same_both = (0..n).filter(|&j| found[j] == found[i] && truth[j] == truth[i]).count() as f64;
            precision += same_both / same_found;
            recall += same_both / same_true;
        }
        BCubed { precision: precision / n as f64, recall: recall / n as f64 }
    }

    fn close(a: BCubed, b: BCubed) -> bool {
        (a.precision - b.precision).abs() < 1e-12 && (a.recall - b.recall).abs() < 1e-12
    }

    #[test]
    fn matches_the_pairwise_definition_on_random_labelings() {
        let mut rng = Rng::new(17);
        for _ in 0..300 {
            let n = rng.range(1, 40);
            let (kt, kf) = (rng.range(1, 8), rng.range(1, 8));
            let truth: Vec<usize> = (0..n).map(|_| rng.below(kt) * 7).collect();
            let found: Vec<usize> = (0..n).map(|_| 100 + rng.below(kf)).collect();
            let (fast, slow) = (b_cubed(&truth, &found), pairwise(&truth, &found));
            assert!(close(fast, slow), "{truth:?} {found:?}: {fast:?} against {slow:?}");
        }
    }

    #[test]
    fn hand_cases() {
        let stories = [0, 0, 0, 1, 1, 2];
        let perfect = b_cubed(&stories, &[5, 5, 5, 9, 9, 1]);
        assert_eq!((perfect.precision, perfect.recall, perfect.f1()), (1.0, 1.0, 1.0));
        // All singletons: every found cluster is pure; each item finds 1 of its story.
        let singletons = b_cubed(&stories, &[0, 1, 2, 3, 4, 5]);
        assert_eq!(singletons.precision, 1.0);
        assert!((singletons.recall - (3.0 * (1.0 / 3.0) + 2.0 * 0.5 + 1.0) / 6.0).abs() < 1e-12);
        // One cluster: every story whole, mixed with the rest.
        let one = b_cubed(&stories, &[0; 6]);
        assert_eq!(one.recall, 1.0);
        assert!((one.precision - (3.0 * 3.0 + 2.0 * 2.0 + 1.0) / 36.0).abs() < 1e-12);
        let none = b_cubed(&[], &[]);
        assert_eq!((none.precision, none.recall), (1.0, 1.0));
    }
}
