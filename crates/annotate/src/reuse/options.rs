//! Settings of reuse detection, and which sentences they let be passages. Detection reads
//! them, and so does the reading of sentences, which fingerprints the passages by the
//! default settings before detection runs.

use super::stock;

/// Similarity thresholds of the sentence alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Thresholds {
    /// Sentences at least this similar are a near copy.
    pub near: f32,
    /// Quotations at least this similar are the same quotation.
    pub quote: f32,
    /// Sentences shorter than this many words are never linked as wholes ("he said.").
    pub min_tokens: usize,
}

/// Settings of reuse detection.
#[derive(Debug, Clone, PartialEq)]
pub struct ReuseOptions {
    /// Similarity thresholds.
    pub thresholds: Thresholds,
}

impl Default for ReuseOptions {
    fn default() -> Self {
        ReuseOptions { thresholds: Thresholds { near: 0.7, quote: 0.8, min_tokens: 5 } }
    }
}

/// True when a sentence of `tokens` can be a passage: long enough, and not stock text.
pub(crate) fn is_passage(tokens: &[u64], thresholds: &Thresholds) -> bool {
    tokens.len() >= thresholds.min_tokens && !stock::is_stock(tokens)
}
