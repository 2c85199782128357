//! A paragraph read for its attributions: the words outside quotations and brackets, and the
//! clause boundaries between them.

use std::cell::OnceCell;
use std::ops::Range;

use corpus::{Block, BlockKind};

use super::marks::{QuotedSpan, has_marks, quoted_spans};
use super::names;

/// Every block of a source with its quotations, each block read when first asked for: most
/// of a long source is never near a quotation.
pub(crate) struct SourceReading<'c> {
    blocks: &'c [Block],
    spans: Vec<Vec<QuotedSpan>>,
    read: Vec<OnceCell<Reading<'c>>>,
}

impl<'c> SourceReading<'c> {
    /// The blocks of a source; the quotations are those of its paragraphs.
    pub(crate) fn new(blocks: &'c [Block]) -> SourceReading<'c> {
        let spans =
            blocks
                .iter()
                .map(|b| {
                    if b.kind == BlockKind::Paragraph && has_marks(&b.text) {
                        quoted_spans(&b.text)
                    } else {
                        Vec::new()
                    }
                })
                .collect();
        SourceReading { blocks, spans, read: blocks.iter().map(|_| OnceCell::new()).collect() }
    }

    /// The quoted spans of block `b`.
    pub(crate) fn spans(&self, b: usize) -> &[QuotedSpan] {
        &self.spans[b]
    }

    /// Block `b` read, its quotations blanked.
    pub(crate) fn block(&self, b: usize) -> &Reading<'c> {
        self.read[b].get_or_init(|| {
            let quotations: Vec<Range<usize>> = self.spans[b].iter().map(|q| q.outer.clone()).collect();
            Reading::new(&self.blocks[b].text, &quotations)
        })
    }
}

/// A paragraph with its quotations, brackets and the full stops of abbreviations blanked
/// out, byte for byte, so that ranges stay those of the text: "Rep. Jerry Nadler (D-N.Y.)"
/// reads as one phrase.
pub(crate) struct Reading<'a> {
    /// The paragraph as written.
    pub(crate) text: &'a str,
    /// The paragraph as read: the same length, blanked bytes made spaces.
    plain: String,
    /// The words of `plain`, in order.
    words: Vec<Range<usize>>,
}

impl<'a> Reading<'a> {
    /// Reads `text`, whose quotations (with their marks) are `quotations`.
    pub(crate) fn new(text: &'a str, quotations: &[Range<usize>]) -> Reading<'a> {
        let mut plain = text.as_bytes().to_vec();
        let mut blank = |r: Range<usize>| plain[r].iter_mut().for_each(|b| *b = b' ');
        for q in quotations {
            blank(q.clone());
        }
        // Brackets after a word: "(D-N.Y.)", "(pictured)". A bracket that opens a quotation
        // is a sentence of its own, attribution and all: "(“…,” was how Ford put it.)".
        let mut depth_from: Option<usize> = None;
        for (i, c) in text.bytes().enumerate() {
            match c {
                b'(' | b'[' if depth_from.is_none() => depth_from = Some(i),
                b')' | b']' => {
                    if let Some(from) = depth_from.take()
                        && !quotations.iter().any(|q| q.start == from + 1)
                    {
                        blank(from..i + 1);
                    }
                }
                _ => {}
            }
        }
        // Full stops of abbreviations and initials: "Mr.", "J.", "U.S." (which leaves the
        // words as they are: a full stop before a space is in none).
        let mut plain = String::from_utf8(plain).expect("only ASCII bytes of whole characters were replaced");
        let words = words(&plain);
        for w in &words {
            let word = &text[w.clone()];
            if text[w.end..].starts_with('.') && (is_initial(word) || names::is_honorific(word)) {
                plain.replace_range(w.end..w.end + 1, " ");
            }
        }
        Reading { text, plain, words }
    }

    /// The visible words of `range` (a sentence), as byte ranges of the text.
    pub(crate) fn words(&self, range: Range<usize>) -> &[Range<usize>] {
        let from = self.words.partition_point(|w| w.start < range.start);
        let to = self.words.partition_point(|w| w.end <= range.end);
        &self.words[from..to.max(from)]
    }

    /// Whether a clause boundary (a comma, a colon, a dash, a full stop…) stands in `range`.
    ///
    /// A quotation is one, unless it is a short title inside a phrase (`the "Pose" actor`).
    pub(crate) fn boundary(&self, range: Range<usize>) -> bool {
        const STOPS: [char; 8] = [',', ';', ':', '.', '—', '–', '!', '?'];
        if range.start >= range.end || self.plain[range.clone()].contains(STOPS) {
            return true;
        }
        let written = &self.text[range];
        written.contains(['“', '”', '"', '«', '»', '„'])
            && (written.contains(STOPS) || written.split_whitespace().count() > 4)
    }

    /// Whether anything but white space stands in `range` of the reading.
    pub(crate) fn blank(&self, range: Range<usize>) -> bool {
        self.plain[range].trim().is_empty()
    }
}

/// A single capital, or a word with inner full stops: "J", "U.S".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase()) || word.contains('.')
}

/// Words (letters, digits, inner hyphens, apostrophes and full stops) with byte ranges.
pub(crate) fn words(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 6);
    let mut start: Option<usize> = None;
    let mut at = 0;
    // Every paragraph is read: ASCII bytes are classed as bytes, only the rest decoded.
    let alphanumeric_at = |at: usize| match bytes.get(at) {
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => text[at..].chars().next().is_some_and(char::is_alphanumeric),
        None => false,
    };
    while at < bytes.len() {
        let b = bytes[at];
        let (alphanumeric, joiner, width) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), matches!(b, b'-' | b'\'' | b'.'), 1)
        } else {
            let c = text[at..].chars().next().expect("at a character boundary");
            (c.is_alphanumeric(), c == '’', c.len_utf8())
        };
        if alphanumeric {
            if start.is_none() {
                start = Some(at);
            }
        } else if !(joiner && start.is_some() && alphanumeric_at(at + width))
            && let Some(s) = start.take()
        {
            out.push(s..at);
        }
        at += width;
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_brackets_do_not_break_a_phrase() {
        let text = "said Rep. Jerry Nadler (D-N.Y.), a Democrat.";
        let reading = Reading::new(text, &[]);
        let names: Vec<&str> = reading.words(0..text.len()).iter().map(|w| &text[w.clone()]).collect();
        assert_eq!(names, ["said", "Rep", "Jerry", "Nadler", "a", "Democrat"]);
        assert!(!reading.boundary(8..16));
        assert!(reading.boundary(22..33));
    }

    #[test]
    fn a_bracket_opening_a_quotation_is_read() {
        let text = "They married. (“We should formalize it,” was how Ford described it.)";
        let quote = text.find('“').unwrap()..text.find('”').unwrap() + '”'.len_utf8();
        let reading = Reading::new(text, std::slice::from_ref(&quote));
        let words: Vec<&str> = reading.words(0..text.len()).iter().map(|w| &text[w.clone()]).collect();
        assert_eq!(words, ["They", "married", "was", "how", "Ford", "described", "it"]);
    }
}
