//! Sentence boundaries in cleaned news text.
//!
//! A rule-based splitter tuned for news English: a sentence ends at `.`, `!` or `?` (with any
//! closing quotes or brackets after it) followed by white space and a capital letter, a digit
//! or an opening quote. A full stop does not end a sentence after an abbreviation: a word with
//! an inner full stop ("U.S.", "p.m."), a single capital ("J."), or a title or month
//! ("Mr.", "Gen.", "Jan."). So "The U.S. President" is one sentence, at the price of never
//! ending a sentence on "U.S." — the safer error for text reuse and entity contexts.
//!
//! [`glue_points`] finds sentences glued together with no space ("Islamic State.Putin"),
//! which in scraped text marks a lost paragraph break.

use std::ops::Range;

/// Titles and month abbreviations that a full stop follows without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sr", "Jr", "Gen", "Lt", "Col", "Sgt", "Capt", "Cmdr", "Adm", "Gov", "Sen",
    "Rep", "Pres", "Rev", "Hon", "Maj", "Brig", "Amb", "No", "Nos", "Vol", "vs", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "est", "Fig", "Mt", "Ft",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// The word just before a full stop at byte `dot`: letters and inner full stops.
fn word_before(text: &str, dot: usize) -> &str {
    let start = text[..dot]
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..dot]
}

fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital || word.contains('.') || ABBREVIATIONS.contains(&word)
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space. Every
/// non-space character of `text` falls in exactly one range.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        if !is_terminator(c) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < chars.len() && (is_terminator(chars[end].1) || is_closer(chars[end].1)) {
            end += 1;
        }
        let mut next = end;
        while next < chars.len() && chars[next].1.is_whitespace() {
            next += 1;
        }
        let spaced = next > end;
        let starts_sentence = next < chars.len() && {
            let n = chars[next].1;
            n.is_uppercase() || n.is_ascii_digit() || is_opener(n)
        };
        let abbreviated = c == '.' && end == i + 1 && is_abbreviation(word_before(text, at));
        if spaced && starts_sentence && !abbreviated {
            let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b);
            push_trimmed(&mut sentences, text, start..end_byte);
            start = chars[next].0;
            i = next;
        } else {
            i = end;
        }
    }
    push_trimmed(&mut sentences, text, start..text.len());
    sentences
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let slice = &text[range.clone()];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    if lead + trail < slice.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Byte offsets where two sentences are glued with no space: a lower-case letter or digit,
/// `.`, `!` or `?`, any closing quotes, then a capital letter or an opening curly quote. The
/// offset is where the second sentence starts. "U.S.Army" is not a glue point (a capital
/// before the full stop), nor is "bloomberg.net" (a lower-case letter after it).
pub fn glue_points(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut points = Vec::new();
    for i in 1..chars.len() {
        let c = chars[i].1;
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let before = chars[i - 1].1;
        if !(before.is_lowercase() || before.is_ascii_digit()) {
            continue;
        }
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j].1, '"' | '”' | '’' | '\'') {
            j += 1;
        }
        if j < chars.len() && (chars[j].1.is_uppercase() || matches!(chars[j].1, '“' | '‘')) {
            // "e.g.The" and "p.m.Friday" are abbreviations run together, not glue.
            if c == '.' && word_before(text, chars[i].0).contains('.') {
                continue;
            }
            points.push(chars[j].0);
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_plain_sentences() {
        assert_eq!(
            sentences("Russia entered the conflict. Hundreds of thousands have died! Why? 5 1/2 years."),
            ["Russia entered the conflict.", "Hundreds of thousands have died!", "Why?", "5 1/2 years."]
        );
    }

    #[test]
    fn never_ends_a_sentence_on_us_or_titles() {
        assert_eq!(
            sentences("The U.S. President met Mr. Smith and Dr. Jones on Jan. 5 at 4 p.m. Friday. Then he left."),
            ["The U.S. President met Mr. Smith and Dr. Jones on Jan. 5 at 4 p.m. Friday.", "Then he left."]
        );
        assert_eq!(sentences("Russia and the U.S. are close."), ["Russia and the U.S. are close."]);
        assert_eq!(sentences("John F. Kennedy spoke."), ["John F. Kennedy spoke."]);
    }

    #[test]
    fn keeps_closing_quotes_with_their_sentence() {
        let text =
            "“We’re heading in the right direction,” he said in Vladivostok. “I don’t rule it out.” Putin smiled.";
        assert_eq!(
            sentences(text),
            [
                "“We’re heading in the right direction,” he said in Vladivostok.",
                "“I don’t rule it out.”",
                "Putin smiled."
            ]
        );
        assert_eq!(
            sentences("problems than Assad.\" Democratic Party candidate spoke."),
            ["problems than Assad.\"", "Democratic Party candidate spoke."]
        );
    }

    #[test]
    fn does_not_split_before_lower_case() {
        assert_eq!(sentences("He said. and then? nothing"), ["He said. and then? nothing"]);
    }

    #[test]
    fn covers_every_word() {
        let text = "  One. Two three.  Four?  ";
        let words: String = split(text).into_iter().map(|r| &text[r]).collect::<Vec<_>>().join(" ");
        assert_eq!(words, "One. Two three. Four?");
        assert!(split("   ").is_empty());
    }

    #[test]
    fn finds_glued_sentences() {
        let text = "rise to Islamic State.Putin, a critic, he said.The U.S. and one.\"A softening";
        let points = glue_points(text);
        let starts: Vec<&str> = points.iter().map(|&p| &text[p..p + 5]).collect();
        assert_eq!(starts, ["Putin", "The U", "A sof"]);
        assert!(glue_points("the U.S.Army and bloomberg.net, e.g.The").is_empty());
        assert!(glue_points("It ended in 2016.Then").len() == 1);
    }
}
