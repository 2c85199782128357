//! Character-level normalisation shared by the cleaning rules.

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

/// True when the text ends like a sentence: `.`, `!`, `?`, `:`, `;`, `,` or `…`, possibly
/// inside closing quotes or brackets.
pub fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', ':', ';', ',', '…'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_spaces_and_invisible_characters() {
        assert_eq!(normalize_line("  President\u{a0}Vladimir\u{200b}  Putin\u{0}  "), "President Vladimir Putin");
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
    }

    #[test]
    fn sees_sentence_endings_inside_quotes() {
        assert!(ends_like_sentence("problems than Assad.”"));
        assert!(!ends_like_sentence("Gradual Change"));
    }
}
