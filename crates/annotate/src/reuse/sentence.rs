//! The corpus's sentences, tokenised and fingerprinted once, for reuse detection and the
//! stories alike. Apart from the tokeniser: fingerprinting asks the stock-sentence test,
//! which is itself built on the tokeniser.

use std::ops::Range;

use corpus::Corpus;

use super::minhash::Fingerprint;
use super::options::{ReuseOptions, is_passage};
use super::tokens::{quoted_ranges, tokenize};

/// One sentence of one source, tokenised.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Index of the source in the corpus.
    pub source: u32,
    /// Index of the block in the source.
    pub block: u32,
    /// Byte range of the sentence in the block's text.
    pub range: Range<usize>,
    /// Token hashes, in order.
    pub tokens: Vec<u64>,
    /// Token index ranges of direct quotations inside the sentence.
    pub quotes: Vec<Range<usize>>,
    /// The fingerprint of the tokens, when the sentence can be a passage.
    pub print: Option<Fingerprint>,
    /// Whether the sentence, or the block it stands in, is shaped like a photo caption: a
    /// caption the cleaner kept is still no passage (two outlets' captions of different
    /// events are alike in wording, not copies of each other).
    pub caption: bool,
    /// The fingerprint of each quotation's tokens, as `quotes`.
    pub quote_prints: Vec<Fingerprint>,
}

/// Every sentence of every source, tokenised, in corpus order.
/// Sources are tokenised on every core.
pub fn sentences(corpus: &Corpus) -> Vec<Sentence> {
    use rayon::prelude::*;
    let per_source: Vec<Vec<Sentence>> =
        corpus.sources.par_iter().enumerate().map(|(s, source)| source_sentences(source, s)).collect();
    per_source.into_iter().flatten().collect()
}

/// The sentences of `source`, the source numbered `s`.
pub fn source_sentences(source: &corpus::Source, s: usize) -> Vec<Sentence> {
    let mut out = Vec::new();
    // Fingerprints for the sentences that are passages by the default thresholds.
    let thresholds = ReuseOptions::default().thresholds;
    for (b, block) in source.blocks.iter().enumerate() {
        let caption_block = corpus::is_caption(&block.text);
        for range in &block.sentences {
            let text = &block.text[range.clone()];
            // A block of one sentence was judged whole just above.
            let caption = caption_block || (block.sentences.len() > 1 && corpus::is_caption(text));
            let (tokens, marks) = tokenize(text);
            let quotes = quoted_ranges(&marks, tokens.len());
            let print = (!caption && is_passage(&tokens, &thresholds)).then(|| Fingerprint::of(&tokens));
            let quote_prints = quotes.iter().map(|q| Fingerprint::of(&tokens[q.clone()])).collect();
            out.push(Sentence {
                source: s as u32,
                block: b as u32,
                range: range.clone(),
                tokens,
                quotes,
                print,
                caption,
                quote_prints,
            });
        }
    }
    out
}
