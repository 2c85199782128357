//! What the quotation step finds: quotations, each source's report of one, their speakers
//! named outside the catalogue, and the quoted phrases kept apart. Both the reading of one
//! source and the joining across sources build these, so they stand on their own.

use std::ops::Range;

use corpus::Corpus;

use super::names;

/// Part of a quotation: the quoted words (without the marks) in one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotePart {
    /// Index of the block in its source.
    pub block: usize,
    /// Byte range of the quoted words in the block's text.
    pub range: Range<usize>,
}

/// One source's report of a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteReport {
    /// Index of the source.
    pub source: usize,
    /// The parts, in order.
    pub parts: Vec<QuotePart>,
    /// The speaker entity, when the catalogue has it.
    pub speaker: Option<usize>,
    /// The words naming the speaker in this source ("the Russian president", "a US
    /// official"), when known.
    pub speaker_text: Option<String>,
    /// The person named as the speaker when the catalogue does not have them ("Rep. Jerry
    /// Nadler"), with a surname or a pronoun resolved to the fullest name the source gives.
    pub named: Option<NamedSpeaker>,
}

/// A speaker named in the text but not in the catalogue: a person ("Rep. Jerry Nadler"), or
/// a body the attribution names like one ("Apple").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NamedSpeaker {
    /// The name without titles or honorifics, at its fullest in the source: "Jerry Nadler".
    pub name: String,
    /// Titles and honorifics written before the name: "Rep.", "Kremlin spokesman".
    pub title: Option<String>,
    /// What the source says the speaker is, from an apposition: "a Democrat from New York
    /// and a Clinton ally".
    pub description: Option<String>,
}

impl NamedSpeaker {
    /// The name folded for comparison (lower case, no accents, single spaces): two
    /// speakers with the same key are one speaker, within a source and across sources.
    pub fn key(&self) -> String {
        names::fold(&self.name)
    }
}

/// A quotation, with every source that carried it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The speaker entity, when known and catalogued.
    pub speaker: Option<usize>,
    /// How the first report names the speaker.
    pub speaker_text: Option<String>,
    /// The named speaker outside the catalogue, from the first report that has one.
    pub named: Option<NamedSpeaker>,
    /// The reports, the story's origin first.
    pub reports: Vec<QuoteReport>,
}

/// A short quoted phrase or scare quote, kept apart from quotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedPhrase {
    /// Index of the source.
    pub source: usize,
    /// Index of the block.
    pub block: usize,
    /// Byte range of the quoted words.
    pub range: Range<usize>,
}

/// Quotations and phrases of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Quotations {
    /// Full quotations, ordered by their first report's source and position.
    pub quotes: Vec<Quote>,
    /// Short quoted phrases.
    pub phrases: Vec<QuotedPhrase>,
}

impl QuoteReport {
    /// The quoted words of every part, joined with " … ".
    pub fn text(&self, corpus: &Corpus) -> String {
        let source = &corpus.sources[self.source];
        let parts: Vec<&str> = self.parts.iter().map(|p| source.blocks[p.block].text[p.range.clone()].trim()).collect();
        parts.join(" … ")
    }
}
