//! The article extraction benchmark's own metric (scrapinghub/article-extraction-benchmark,
//! `evaluate.py`), so that our figures compare with the published ones:
//!
//! - tokens are the runs of word characters (Python's `\w` on text: letters, digits and
//!   `_`), case kept;
//! - each text becomes the multiset of its token 4-grams; a text of 1 to 3 tokens gives one
//!   shingle of all of them, an empty text none (as `evaluate.py` slices);
//! - per page, tp (shingles in both, with multiplicity), fp and fn are divided by their sum;
//! - precision is the mean of tp / (tp + fp) over pages with tp + fp > 0, recall the mean of
//!   tp / (tp + fn) over pages with tp + fn > 0; a page with fp = fn = 0 scores 1 on both;
//!   F1 is computed from the two means.

use std::collections::HashMap;

const NGRAM: usize = 4;

/// Python's `\w` for text: alphanumeric or `_` (combining marks are not word characters
/// there, and the published figures were made with Python).
fn is_word_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !is_word_char(c)).filter(|t| !t.is_empty()).collect()
}

fn shingles(text: &str) -> HashMap<Vec<&str>, u32> {
    let tokens = tokens(text);
    let mut map: HashMap<Vec<&str>, u32> = HashMap::new();
    if tokens.is_empty() {
        return map;
    }
    for i in 0..tokens.len().saturating_sub(NGRAM - 1).max(1) {
        *map.entry(tokens[i..(i + NGRAM).min(tokens.len())].to_vec()).or_insert(0) += 1;
    }
    map
}

/// One page's tp, fp and fn, each divided by their sum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageScore {
    tp: f64,
    fp: f64,
    fn_: f64,
}

impl PageScore {
    /// Scores the predicted text of a page against its true body.
    pub fn new(truth: &str, predicted: &str) -> PageScore {
        let (truth, predicted) = (shingles(truth), shingles(predicted));
        let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
        for (shingle, &t) in &truth {
            let p = predicted.get(shingle).copied().unwrap_or(0);
            tp += u64::from(t.min(p));
            fn_ += u64::from(t.saturating_sub(p));
            fp += u64::from(p.saturating_sub(t));
        }
        fp += predicted.iter().filter(|(s, _)| !truth.contains_key(*s)).map(|(_, &p)| u64::from(p)).sum::<u64>();
        let sum = (tp + fp + fn_) as f64;
        if sum == 0.0 {
            return PageScore { tp: 0.0, fp: 0.0, fn_: 0.0 };
        }
        PageScore { tp: tp as f64 / sum, fp: fp as f64 / sum, fn_: fn_ as f64 / sum }
    }

    fn exact(&self) -> bool {
        self.fp == 0.0 && self.fn_ == 0.0
    }

    /// tp / (tp + fp), or `None` for a page that counts in no precision mean.
    pub fn precision(&self) -> Option<f64> {
        if self.exact() { Some(1.0) } else { (self.tp + self.fp > 0.0).then(|| self.tp / (self.tp + self.fp)) }
    }

    /// tp / (tp + fn), or `None` for a page that counts in no recall mean.
    pub fn recall(&self) -> Option<f64> {
        if self.exact() { Some(1.0) } else { (self.tp + self.fn_ > 0.0).then(|| self.tp / (self.tp + self.fn_)) }
    }
}

/// Precision, recall and F1 over pages.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// The benchmark's means over `pages`.
pub fn summarize(pages: &[PageScore]) -> Summary {
    let mean = |values: Vec<f64>| values.iter().sum::<f64>() / values.len().max(1) as f64;
    let precision = mean(pages.iter().filter_map(PageScore::precision).collect());
    let recall = mean(pages.iter().filter_map(PageScore::recall).collect());
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    Summary { precision, recall, f1 }
}

#[test]
fn scores_as_the_benchmark_does() {
    let exact = PageScore::new("One two three four five.", "One two, three four five");
    assert_eq!((exact.precision(), exact.recall()), (Some(1.0), Some(1.0)));
    // Two of the truth's shingles found, one invented: tp 2, fp 1, fn 0.
    let half = PageScore::new("a b c d e", "a b c d e f");
    assert_eq!(half.recall(), Some(1.0));
    assert!((half.precision().unwrap() - 2.0 / 3.0).abs() < 1e-9);
    // Nothing predicted: no precision, recall 0.
    let none = PageScore::new("a b c d", "");
    assert_eq!((none.precision(), none.recall()), (None, Some(0.0)));
    // A short text is one shingle of all its tokens.
    assert_eq!(PageScore::new("Putin said", "Putin said").precision(), Some(1.0));
    let summary = summarize(&[exact, none]);
    assert_eq!((summary.precision, summary.recall), (1.0, 0.5));
}
