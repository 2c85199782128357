//! Writing YAML by hand, safely: double-quoted scalars with every character that YAML would
//! read differently escaped, and literal block scalars only for text that is safe in them.

use corpus::is_plain_yaml_char as is_plain_char;
/// `text` as a YAML double-quoted scalar (shared with the corpus generator).
pub(super) use corpus::quoted_scalar as quoted;

/// `key: |` and the paragraphs indented under it, separated by blank lines; or, when a line
/// would not survive a block scalar as written, `key: "..."` with the same text.
pub(super) fn block(key: &str, paragraphs: &[String]) -> String {
    let text = paragraphs.join("\n\n");
    let safe = !paragraphs.is_empty()
        && paragraphs.iter().flat_map(|p| p.split('\n')).all(|line| {
            let trimmed = line.trim_matches(' ');
            !trimmed.is_empty() && trimmed.len() == line.len() && line.chars().all(is_plain_char)
        });
    if !safe {
        return format!("{key}: {}\n", quoted(&text));
    }
    let mut out = format!("{key}: |\n");
    for line in text.split('\n') {
        if line.is_empty() {
            out.push('\n');
        } else {
            out.push_str("  ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// Text for a `#` comment: one line, printable characters only.
pub(super) fn comment_text(text: &str) -> String {
    text.chars().map(|c| if is_plain_char(c) { c } else { '?' }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize)]
    struct Doc {
        a: String,
        b: String,
    }

    fn round_trip(a: &str, paragraphs: &[String]) -> Doc {
        let yaml = format!("# {}\na: {}\n{}", comment_text(a), quoted(a), block("b", paragraphs));
        serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{yaml}\n{e}"))
    }

    #[test]
    fn quoted_and_block_scalars_read_back_as_written() {
        for text in [
            "plain",
            "a: b # c",
            "\"quotes\" and 'single' and \\ backslash",
            "line\nbreak\ttab\r\u{0}\u{7f}\u{85}\u{2028}\u{feff}",
            "- dash",
            "&anchor *alias !tag %directive @ `",
            "Erdoğan, Москва, 😀",
            "  spaces  ",
            "",
        ] {
            let paragraphs = vec![text.to_string(), "# not a comment".to_string(), "- John Kerry".to_string()];
            let doc = round_trip(text, &paragraphs);
            assert_eq!(doc.a, text);
            assert_eq!(doc.b.trim_end_matches('\n'), paragraphs.join("\n\n"));
        }
    }

    #[test]
    fn uses_a_literal_block_for_plain_paragraphs() {
        let paragraphs = vec!["One.".to_string(), "Two: three # four".to_string()];
        assert_eq!(block("body", &paragraphs), "body: |\n  One.\n\n  Two: three # four\n");
    }
}
