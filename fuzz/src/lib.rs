//! Checks shared by the fuzz targets in `fuzz_targets/`.

use std::ops::Range;

use corpus::{Block, Cleaned};

/// The words of `text` as the whole-site test counts them (`crates/sitegen/tests/site.rs`):
/// runs of letters and digits, lower-cased.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// `text` less the characters the cleaner deletes outright: control characters that are not
/// white space, and invisible ones (zero-width spaces and joiners, word joiner, byte-order
/// mark, soft hyphen). Deleting one inside a word joins its halves ("Syr\u{AD}ia" becomes
/// "Syria"), so the raw text's words are counted after the same deletion. This mirrors
/// `normalize_line` in `crates/corpus/src/clean/text.rs`.
pub fn visible(text: &str) -> String {
    let invisible = |c: char| matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}');
    text.chars().filter(|&c| c.is_whitespace() || !(c.is_control() || invisible(c))).collect()
}

/// `words` sorted, for comparing two texts' words as multisets.
pub fn word_bag<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut bag: Vec<String> = texts.into_iter().flat_map(words).collect();
    bag.sort_unstable();
    bag
}

/// Panics unless `ranges` are non-empty byte ranges of `text` on character boundaries, in
/// order and not overlapping.
pub fn assert_ranges(text: &str, ranges: &[Range<usize>]) {
    let mut end = 0;
    for range in ranges {
        assert!(range.start < range.end, "empty or reversed range {range:?} in {text:?}");
        assert!(range.end <= text.len(), "range {range:?} past the end of {text:?}");
        assert!(
            text.is_char_boundary(range.start) && text.is_char_boundary(range.end),
            "range {range:?} splits a character of {text:?}"
        );
        assert!(range.start >= end, "range {range:?} overlaps or precedes the one before in {text:?}");
        end = range.end;
    }
}

/// Panics unless `ranges` are sentence ranges as `corpus::sentences::split` documents them:
/// valid ranges (see [`assert_ranges`]), trimmed, and together holding every character of
/// `text` that is not white space.
pub fn assert_sentences(text: &str, ranges: &[Range<usize>]) {
    assert_ranges(text, ranges);
    for range in ranges {
        let sentence = &text[range.clone()];
        assert_eq!(sentence, sentence.trim(), "sentence {range:?} of {text:?} is not trimmed");
    }
    let mut gaps = Vec::new();
    let mut at = 0;
    for range in ranges {
        gaps.push(&text[at..range.start]);
        at = range.end;
    }
    gaps.push(&text[at..]);
    for gap in gaps {
        assert!(gap.trim().is_empty(), "{gap:?} of {text:?} is in no sentence");
    }
}

/// A cleaned article written out again as raw text: blocks apart by blank lines, a pull
/// quote's attribution on the line under it, as articles print them.
pub fn written_out(cleaned: &Cleaned) -> String {
    let block = |b: &Block| match &b.attribution {
        Some(name) => format!("{}\n- {name}", b.text),
        None => b.text.clone(),
    };
    cleaned.blocks.iter().map(block).collect::<Vec<_>>().join("\n\n")
}
