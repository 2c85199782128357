//! Figures about a generated corpus, for the command line's report.

use std::collections::BTreeMap;

use crate::generated_source::GeneratedSource;

/// Figures about a generated corpus, for the command line's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Number of sources.
    pub sources: usize,
    /// Number of stories.
    pub stories: usize,
    /// For each number of versions, how many stories have that many.
    pub versions: BTreeMap<usize, usize>,
    /// Total size of the raw bodies, in bytes.
    pub body_bytes: usize,
}

/// Up to this many distinct story sizes, [`Summary::sizes`] prints the whole histogram.
const FULL_HISTOGRAM: usize = 12;

impl Summary {
    /// The sizes of the `n` largest stories, largest first.
    pub fn largest(&self, n: usize) -> Vec<usize> {
        self.versions.iter().rev().flat_map(|(&size, &count)| std::iter::repeat_n(size, count)).take(n).collect()
    }

    /// The story sizes in words: the whole histogram when it is short ("versions per story,
    /// stories: 1: 972, 2: 450"), else, as a heavy-tailed corpus has hundreds of distinct
    /// sizes, the five largest stories and how many have one version.
    pub fn sizes(&self) -> String {
        if self.versions.len() <= FULL_HISTOGRAM {
            let histogram: Vec<String> =
                self.versions.iter().map(|(versions, stories)| format!("{versions}: {stories}")).collect();
            return format!("versions per story, stories: {}", histogram.join(", "));
        }
        let largest: Vec<String> = self.largest(5).iter().map(usize::to_string).collect();
        let single = self.versions.get(&1).copied().unwrap_or(0);
        format!("largest stories: {} versions; {single} with one version", largest.join(", "))
    }
}

/// Counts sources, stories, versions per story and body bytes.
pub fn summarize(sources: &[GeneratedSource]) -> Summary {
    let mut per_story: BTreeMap<usize, usize> = BTreeMap::new();
    for source in sources {
        *per_story.entry(source.story).or_default() += 1;
    }
    let mut versions = BTreeMap::new();
    for &count in per_story.values() {
        *versions.entry(count).or_default() += 1;
    }
    Summary {
        sources: sources.len(),
        stories: per_story.len(),
        versions,
        body_bytes: sources.iter().map(|s| s.body.len()).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(versions: &[(usize, usize)]) -> Summary {
        let stories = versions.iter().map(|(_, n)| n).sum();
        Summary { sources: 0, stories, versions: versions.iter().copied().collect(), body_bytes: 0 }
    }

    #[test]
    fn short_histograms_in_full_long_ones_by_their_largest() {
        assert_eq!(summary(&[(1, 3), (4, 2)]).sizes(), "versions per story, stories: 1: 3, 4: 2");
        let long: Vec<(usize, usize)> = (1..=20).map(|size| (size, if size == 20 { 2 } else { 21 - size })).collect();
        let long = summary(&long);
        assert_eq!(long.largest(4), vec![20, 20, 19, 19]);
        assert_eq!(long.sizes(), "largest stories: 20, 20, 19, 19, 18 versions; 20 with one version");
    }
}
