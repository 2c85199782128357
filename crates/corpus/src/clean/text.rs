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
    let mut out = String::with_capacity(text.len());
    // A space is owed when a run of other characters ends a word; it is written only if
    // another word follows, so the key never starts or ends with one.
    let mut space = false;
    let push = |out: &mut String, space: &mut bool| {
        if std::mem::take(space) && !out.is_empty() {
            out.push(' ');
        }
    };
    for c in text.chars() {
        if c.is_ascii() {
            // Most text is ASCII: no Unicode tables for it.
            if c.is_ascii_alphanumeric() {
                push(&mut out, &mut space);
                out.push(c.to_ascii_lowercase());
            } else {
                space = true;
            }
        } else if c.is_alphanumeric() {
            push(&mut out, &mut space);
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
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
    }

    #[test]
    fn sees_sentence_endings_inside_quotes() {
        assert!(ends_like_sentence("problems than Assad.”"));
        assert!(!ends_like_sentence("Gradual Change"));
    }
}
