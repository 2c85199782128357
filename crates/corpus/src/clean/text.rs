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
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The number of words (runs of letters or digits).
pub fn word_count(text: &str) -> usize {
    fold(text).split(' ').filter(|w| !w.is_empty()).count()
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
    }

    #[test]
    fn sees_sentence_endings_inside_quotes() {
        assert!(ends_like_sentence("problems than Assad.”"));
        assert!(!ends_like_sentence("Gradual Change"));
    }
}
