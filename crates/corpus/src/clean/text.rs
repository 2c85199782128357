//! Character-level normalisation shared by the cleaning rules.

use std::collections::HashSet;
use std::sync::LazyLock;

use foldhash::fast::FixedState;

/// A list of folded words as a set, built on first use: the rules look words up on every
/// short line of every text, where a search through a list of hundreds costs more than the
/// rest of the cleaning.
pub type WordSet = LazyLock<HashSet<&'static str, FixedState>>;

/// The set of the words of `list`, for a [`WordSet`].
pub fn word_set(list: &[&'static str]) -> HashSet<&'static str, FixedState> {
    list.iter().copied().collect()
}

/// Characters that carry no text: zero-width spaces and joiners, the byte-order mark, soft
/// hyphens. Removed before anything else looks at the text.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// One line with its white space collapsed (non-breaking and other Unicode spaces become
/// plain spaces), control and invisible characters removed, and the ends trimmed.
pub fn normalize_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut pending_space = false;
    // Kept characters are copied a run at a time; the run starts at `run` when open.
    let mut run: Option<usize> = None;
    let mut at = 0;
    while at < line.len() {
        // Most text is ASCII: its bytes are classified without decoding.
        let byte = line.as_bytes()[at];
        let (space, dropped, len) = if byte.is_ascii() {
            let space = byte == b' ' || (b'\t'..=b'\r').contains(&byte);
            (space, space || byte.is_ascii_control(), 1)
        } else {
            let c = line[at..].chars().next().expect("at a character boundary");
            let space = c.is_whitespace();
            (space, space || c.is_control() || is_invisible(c), c.len_utf8())
        };
        if dropped {
            if let Some(start) = run.take() {
                out.push_str(&line[start..at]);
            }
            pending_space |= space;
        } else if run.is_none() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            run = Some(at);
        }
        at += len;
    }
    if let Some(start) = run {
        out.push_str(&line[start..]);
    }
    out
}

/// A comparison key: lower-case letters and digits, every other run of characters a single
/// space. Blind to quote style, dashes, case and punctuation.
pub fn fold(text: &str) -> String {
    fold_words(text, usize::MAX).0
}

/// The [`fold`] of the first `limit` words of `text`, and whether that is all of it: most
/// rules need only the start of a line, and most lines are whole paragraphs.
pub fn fold_words(text: &str, limit: usize) -> (String, bool) {
    let mut out = String::with_capacity(text.len().min(limit.saturating_mul(8)));
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        // Most text is ASCII: no Unicode tables for it.
        let alphanumeric = if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        if !alphanumeric {
            in_word = false;
            continue;
        }
        if !in_word {
            if words == limit {
                return (out, false);
            }
            if words > 0 {
                out.push(' ');
            }
            words += 1;
            in_word = true;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    (out, true)
}

/// The hash of one word of a [`fold`], taken a character at a time as the word is read:
/// FNV-1a over its folded (lower-case) bytes. Stable across runs and platforms, so output
/// built on it is deterministic; equal words, whatever their case, hash alike, and different
/// words almost never do.
#[derive(Debug, Clone, Copy)]
pub struct WordHash(u64);

impl Default for WordHash {
    fn default() -> Self {
        WordHash(0xcbf2_9ce4_8422_2325)
    }
}

impl WordHash {
    /// The hash of `folded`, a word already folded (as [`fold`] writes it).
    pub fn of_folded(folded: &str) -> u64 {
        folded.bytes().fold(WordHash::default(), WordHash::byte).0
    }

    fn byte(self, byte: u8) -> WordHash {
        WordHash((self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
    }

    /// Adds the next letter or digit of the word, folded.
    pub fn push(&mut self, c: char) {
        if c.is_ascii() {
            *self = self.byte(c.to_ascii_lowercase() as u8);
        } else {
            for lower in c.to_lowercase() {
                *self = lower.encode_utf8(&mut [0; 4]).bytes().fold(*self, WordHash::byte);
            }
        }
    }

    /// The hash of the word read so far.
    pub fn finish(self) -> u64 {
        self.0
    }
}

/// The [`WordHash`] of each word of the [`fold`] of `text`, in order, without making the
/// folded text.
pub fn folded_word_hashes(text: &str) -> Vec<u64> {
    let mut hashes = Vec::new();
    let mut word: Option<WordHash> = None;
    let mut at = 0;
    while at < text.len() {
        // ASCII bytes are classified without decoding.
        let byte = text.as_bytes()[at];
        let c = if byte.is_ascii() { char::from(byte) } else { text[at..].chars().next().expect("at a boundary") };
        at += c.len_utf8();
        let alphanumeric = if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() };
        if alphanumeric {
            word.get_or_insert_with(WordHash::default).push(c);
        } else {
            hashes.extend(word.take().map(WordHash::finish));
        }
    }
    hashes.extend(word.map(WordHash::finish));
    hashes
}

/// The number of words (runs of letters or digits).
pub fn word_count(text: &str) -> usize {
    words(text).count()
}

/// True when `text` has at most `limit` words; stops counting past it.
pub fn words_at_most(text: &str, limit: usize) -> bool {
    words(text).nth(limit).is_none()
}

/// The runs of letters or digits of `text`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// True when the text starts as a name or a title does: a capital, a digit, or a letter of a
/// script without case (Arabic, Hebrew, Chinese), where any start might be one.
pub fn starts_like_a_title(text: &str) -> bool {
    text.chars().next().is_some_and(|c| {
        c.is_uppercase() || c.is_ascii_digit() || (c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase())
    })
}

/// True when the text ends like a sentence: `.`, `!`, `?`, `:`, `;`, `,` or `…` (or the
/// full stops and question marks of Chinese, Japanese, Arabic and Hindi), possibly inside
/// closing quotes or brackets.
pub fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '」', '』', '）']);
    trimmed.ends_with(['.', '!', '?', ':', ';', ',', '…', '。', '！', '？', '؟', '।', '：'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_spaces_and_invisible_characters() {
        assert_eq!(normalize_line("  President\u{a0}Vladimir\u{200b}  Putin\u{0}  "), "President Vladimir Putin");
        assert_eq!(normalize_line("a\u{0}b \u{200b} c\t\u{7f}"), "ab c");
        assert_eq!(normalize_line(" \u{feff} "), "");
    }

    /// [`normalize_line`] as first written, a character at a time: the definition.
    fn normalize_by_chars(line: &str) -> String {
        let mut out = String::with_capacity(line.len());
        let mut pending_space = false;
        for c in line.chars() {
            if c.is_whitespace() {
                pending_space = !out.is_empty();
            } else if c.is_control() || is_invisible(c) {
                continue;
            } else {
                if pending_space {
                    out.push(' ');
                    pending_space = false;
                }
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn normalizing_by_runs_agrees_with_the_definition() {
        let pieces = [
            "a", "Bé", " ", "  ", "\t", "\u{a0}", "\u{200b}", "\u{0}", "\u{ad}", "’", "\u{2003}", "\r", "\u{b}",
            "\u{1f}", "\u{85}", "\u{7f}",
        ];
        for line in crate::test_texts::texts(&pieces, 20_000, 11) {
            assert_eq!(normalize_line(&line), normalize_by_chars(&line), "{line:?}");
        }
    }

    #[test]
    fn folds_quotes_case_and_punctuation() {
        assert_eq!(fold("“We’re here,” he said -- ISIS."), fold("\"We're here,\" He said — Isis"));
        assert_eq!(word_count("Joint Command"), 2);
        assert_eq!(word_count(" -- “Joint”  Command's 2nd, Ünal! "), 5);
        assert!(words_at_most("a b c", 3) && !words_at_most("a b c d", 3) && words_at_most("", 0));
        assert_eq!(fold("  Hello,  WORLD -- Ünal's İ 2nd! "), "hello world ünal s i̇ 2nd");
        assert_eq!(fold_words("  Hello,  WORLD -- Ünal's", 2), ("hello world".to_string(), false));
        assert_eq!(fold_words("  Hello,  WORLD -- ", 2), ("hello world".to_string(), true));
        assert_eq!(fold_words("", 0), (String::new(), true));
        let hashes = |text: &str| folded_word_hashes(text);
        // The hash of each folded word ("İ" folds to "i̇", whose dot is no letter).
        let by_words = |folded: &str| -> Vec<u64> {
            folded.split(' ').filter(|w| !w.is_empty()).map(WordHash::of_folded).collect()
        };
        for text in ["“We’re here,” he said -- ISIS.", "  Hello,  WORLD -- Ünal's İ 2nd! ", "", "--"] {
            assert_eq!(hashes(text), by_words(&fold(text)), "{text}");
        }
        let pieces = ["a", "Z", "9", " ", "-", "’", "Ünal", "İ", "ß", "\u{a0}", "x2", "ΣΑ", "'"];
        for text in crate::test_texts::texts(&pieces, 5_000, 9) {
            assert_eq!(hashes(&text), by_words(&fold(&text)), "{text:?}");
        }
        assert_eq!(hashes("Ünal said"), hashes("ünal, SAID"));
        assert_ne!(hashes("Unal said"), hashes("ünal said"));
    }

    #[test]
    fn sees_sentence_endings_inside_quotes() {
        assert!(ends_like_sentence("problems than Assad.”"));
        assert!(!ends_like_sentence("Gradual Change"));
    }
}
