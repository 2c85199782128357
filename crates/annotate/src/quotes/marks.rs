//! Quotation marks: which marks open and close a quotation in a block of text.
//!
//! Double quotes (“ ” „ « » and straight ") make quotations, and so do single quotes (‘ ’ ‚
//! and straight ') outside a double quotation. „ closes with “ and ‚ with ‘ (German), and
//! guillemets point inwards (»…«) when the first of a paragraph is a » before a word. A
//! straight or ’ mark between two letters is an apostrophe. A straight " opens after a space
//! or an opening bracket and closes otherwise; two straight single quotes ('') close like ”.
//! A block that ends inside a quotation leaves it open (it may go on in the next paragraph),
//! and a closing mark with no opening mark before it closes a quotation opened in an earlier
//! paragraph.

use std::ops::Range;

/// A quoted span of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedSpan {
    /// Byte range of the quoted words, without the marks.
    pub inner: Range<usize>,
    /// Byte range including the marks that are present.
    pub outer: Range<usize>,
    /// False when the block ends before a closing mark.
    pub closed: bool,
    /// False when the span begins at the block start with no opening mark (a continuation).
    pub opened: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    OpenDouble,
    CloseDouble,
    /// A straight double quote with white space on both sides: it closes a quotation that
    /// is open and opens one otherwise (`In his book " Financial Freedom," Sabatier`).
    EitherDouble,
    OpenSingle,
    CloseSingle,
}

/// The mark `c` makes between the characters `before` and `after` (a space at either end of
/// the text), and how many characters it takes: two single quotes make one closing mark.
fn classify(before: char, c: char, after: char) -> Option<(Mark, usize)> {
    let opens_here = before.is_whitespace() || matches!(before, '(' | '[' | '—' | '–' | '-' | ':');
    match c {
        '“' | '„' | '«' => Some((Mark::OpenDouble, 1)),
        '‚' if opens_here => Some((Mark::OpenSingle, 1)),
        '”' | '»' => Some((Mark::CloseDouble, 1)),
        '"' if opens_here && !after.is_whitespace() => Some((Mark::OpenDouble, 1)),
        '"' if before.is_whitespace() && after.is_whitespace() => Some((Mark::EitherDouble, 1)),
        '"' => Some((Mark::CloseDouble, 1)),
        // Two single quotes close like a double one: "patience and determination''.
        '\'' if after == '\'' => Some((Mark::CloseDouble, 2)),
        '’' if after == '’' => Some((Mark::CloseDouble, 2)),
        '‘' => Some((Mark::OpenSingle, 1)),
        '’' | '\'' if before.is_alphanumeric() && after.is_alphanumeric() => None,
        '\'' if opens_here && after.is_alphabetic() => Some((Mark::OpenSingle, 1)),
        '’' | '\'' if !before.is_whitespace() => Some((Mark::CloseSingle, 1)),
        _ => None,
    }
}

/// Whether `text` holds a character that may be a quotation mark: a block without one has
/// no quotation, and is not scanned.
pub(crate) fn has_marks(text: &str) -> bool {
    text.contains(['"', '“', '”', '„', '«', '»', '\'', '‘', '’', '‚'])
}

/// The quoted spans of `text`, outermost only, in order.
pub fn quoted_spans(text: &str) -> Vec<QuotedSpan> {
    let mut spans = Spans::of(text);
    let mut from = 0;
    // Every mark is `"`, `'`, or starts with the byte 0xE2 (“ ” „ ‘ ’) or 0xC2 (« »): the
    // text between is skipped a byte at a time, undecoded.
    while let Some(found) = text.as_bytes()[from..].iter().position(|&b| matches!(b, b'"' | b'\'' | 0xE2 | 0xC2)) {
        let at = from + found;
        let mut rest = text[at..].chars();
        let c = rest.next().expect("at a character boundary");
        let after = rest.next();
        from = at + c.len_utf8();
        let before = text[..at].chars().next_back().unwrap_or(' ');
        let Some((mark, width)) = classify(before, c, after.unwrap_or(' ')) else { continue };
        let end = match (width, after) {
            (2, Some(second)) => from + second.len_utf8(),
            _ => from,
        };
        spans.mark(mark, c, at, end);
        from = end;
    }
    spans.finish(text)
}

/// The spans found so far, and the quotation still open.
#[derive(Default)]
struct Spans {
    spans: Vec<QuotedSpan>,
    /// The open quotation: (byte of its mark, byte after the mark, double?, the mark).
    open: Option<(usize, usize, bool, char)>,
    /// Whether guillemets point inwards (»…«, German and Danish), not outwards («…»).
    inward: bool,
}

impl Spans {
    /// Spans for `text`: its guillemets point inwards when the first of them is a » before a
    /// word.
    fn of(text: &str) -> Spans {
        let mut guillemets = text.char_indices().filter(|&(_, c)| matches!(c, '«' | '»'));
        let inward = guillemets.next().is_some_and(|(at, c)| {
            c == '»' && text[at + c.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric)
        });
        Spans { inward, ..Spans::default() }
    }

    /// Takes the mark `c` at bytes `at..end`.
    fn mark(&mut self, mark: Mark, c: char, at: usize, end: usize) {
        // „…“ and ‚…‘ close with the marks that open elsewhere, and »…« point inwards.
        let mark = match (c, self.open) {
            ('“', Some((_, _, true, '„'))) => Mark::CloseDouble,
            ('‘', Some((_, _, false, '‚'))) => Mark::CloseSingle,
            ('»', _) if self.inward => Mark::OpenDouble,
            ('«', _) if self.inward => Mark::CloseDouble,
            (_, Some((_, _, true, _))) if mark == Mark::EitherDouble => Mark::CloseDouble,
            _ if mark == Mark::EitherDouble => Mark::OpenDouble,
            _ => mark,
        };
        match (mark, self.open) {
            (Mark::OpenDouble, None) => self.open = Some((at, end, true, c)),
            (Mark::OpenSingle, None) => self.open = Some((at, end, false, c)),
            (Mark::CloseDouble, Some((start, inner, true, _)))
            | (Mark::CloseSingle, Some((start, inner, false, _))) => {
                self.spans.push(QuotedSpan { inner: inner..at, outer: start..end, closed: true, opened: true });
                self.open = None;
            }
            (Mark::CloseDouble, None) if self.spans.is_empty() => {
                // Closes a quotation opened in an earlier paragraph.
                self.spans.push(QuotedSpan { inner: 0..at, outer: 0..end, closed: true, opened: false });
            }
            _ => {}
        }
    }

    /// The spans of `text`, the one left open running to its end, those with no word left out.
    fn finish(mut self, text: &str) -> Vec<QuotedSpan> {
        if let Some((start, inner, _, _)) = self.open {
            let span = QuotedSpan { inner: inner..text.len(), outer: start..text.len(), closed: false, opened: true };
            self.spans.push(span);
        }
        self.spans.retain(|s| text[s.inner.clone()].chars().any(char::is_alphanumeric));
        self.spans
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The character scan's view of a mark: its neighbours taken from the decoded characters.
    fn classify_by_chars(chars: &[(usize, char)], i: usize) -> Option<(Mark, usize)> {
        let before = if i == 0 { ' ' } else { chars[i - 1].1 };
        let after = chars.get(i + 1).map_or(' ', |&(_, c)| c);
        classify(before, chars[i].1, after)
    }

    /// [`quoted_spans`] as first written, over the decoded characters: the definition of
    /// the scan.
    fn quoted_spans_by_chars(text: &str) -> Vec<QuotedSpan> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut spans = Spans::of(text);
        let mut i = 0;
        while i < chars.len() {
            let Some((mark, width)) = classify_by_chars(&chars, i) else {
                i += 1;
                continue;
            };
            let end = chars.get(i + width).map_or(text.len(), |&(b, _)| b);
            spans.mark(mark, chars[i].1, chars[i].0, end);
            i += width;
        }
        spans.finish(text)
    }

    #[test]
    fn the_byte_scan_agrees_with_the_character_scan() {
        let pieces = [
            "a", "Z", "5", " ", "\"", "'", "''", "“", "”", "„", "«", "»", "‘", "’", "’’", "‚", "(", ":", "—", "-", "é",
            "\u{a0}", ".", "\u{a9}",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..20_000 {
            let mut next = || {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                (state >> 33) as usize
            };
            let len = next() % 14;
            let text: String = (0..len).map(|_| pieces[next() % pieces.len()]).collect();
            assert_eq!(quoted_spans(&text), quoted_spans_by_chars(&text), "{text:?}");
        }
    }

    fn inner(text: &str) -> Vec<&str> {
        quoted_spans(text).into_iter().map(|s| &text[s.inner]).collect()
    }

    #[test]
    fn finds_curly_straight_and_single_quotations() {
        assert_eq!(inner("“We’re here,” he said. “Yes.”"), ["We’re here,", "Yes."]);
        assert_eq!(inner("\"If we cannot,\" a US official said."), ["If we cannot,"]);
        assert_eq!(inner("hears superpowers ‘have an ability’ in Syria"), ["have an ability"]);
        assert_eq!(inner("whose \"patience and determination'' in pushing"), ["patience and determination"]);
        assert_eq!(inner("whose “patience and determination’’ in pushing"), ["patience and determination"]);
        assert_eq!(inner("Assad’s forces and Kerry's plan"), Vec::<&str>::new());
        // A straight quote spaced on both sides opens, or closes what is open.
        assert_eq!(inner("In his book \" Financial Freedom,\" Sabatier"), [" Financial Freedom,"]);
        assert_eq!(inner("\"We stay \" he said"), ["We stay "]);
    }

    #[test]
    fn finds_the_quotation_marks_of_other_languages() {
        assert_eq!(inner("„Wir schaffen das“, sagte Merkel."), ["Wir schaffen das"]);
        assert_eq!(inner("Er sagte: ‚Nein‘ und ging."), ["Nein"]);
        assert_eq!(inner("«Nous ne céderons rien», a déclaré M. Macron."), ["Nous ne céderons rien"]);
        assert_eq!(inner("»Das ist falsch«, sagte er. »Wir gehen.«"), ["Das ist falsch", "Wir gehen."]);
        assert_eq!(inner("«Мы готовы к диалогу», — заявил Путин."), ["Мы готовы к диалогу"]);
    }

    #[test]
    fn ignores_single_quotes_inside_double_ones() {
        assert_eq!(inner("“He said ‘no’ to us,” Kerry said."), ["He said ‘no’ to us,"]);
    }

    #[test]
    fn leaves_unclosed_and_unopened_spans_marked() {
        let open = quoted_spans("Putin said: “We will continue");
        assert!(!open[0].closed && open[0].opened);
        let cont = quoted_spans("and then stop,” he said.");
        assert!(cont[0].closed && !cont[0].opened);
    }
}
