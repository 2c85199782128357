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

/// Titles written with a full stop before a name ("Mr.", "Rep.", "Sgt."), in lower case and
/// matched whatever the case: the full stop ends neither the sentence nor, for the quotation
/// reader, the speaker's name. The one list both use.
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "st", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "gov", "sen",
    "sens", "rep", "reps", "pres", "rev", "hon", "maj", "brig", "amb", "det", "supt", "insp", "cpl", "pvt", "fr",
    "mme", "mlle", "sra", "dott", "sig",
];

/// Other words a full stop follows without ending the sentence: suffixes, months, "No.".
const ABBREVIATIONS: &[&str] = &[
    "Sr", "Jr", "No", "Nos", "Vol", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "approx", "est", "Fig", "Mt", "Ft",
];

/// A mark that can close a sentence after its full stop: a quotation mark or a bracket.
pub fn is_closer(c: char) -> bool {
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

/// True when the word just before the full stop at byte `dot` has a full stop of its own
/// ("e.g", "p.m"). Stops at that full stop rather than reading the whole word, so that a run
/// like "a.Ba.Ba.B…" costs its length, not its square.
fn dotted_word_before(text: &str, dot: usize) -> bool {
    text[..dot].chars().rev().take_while(|&c| c.is_alphanumeric() || c == '.').any(|c| c == '.')
}

fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let single_capital = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_capital
        || word.contains('.')
        || ABBREVIATIONS.contains(&word)
        || word.len() <= 4 && TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Byte ranges of the sentences of `text`, trimmed of surrounding white space. Every
/// non-space character of `text` falls in exactly one range.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut from = 0;
    // Terminators are `.`, `!`, `?` and `…`, whose first byte (0xE2) it shares with curly
    // quotes and dashes: the text between candidates is skipped a byte at a time, undecoded.
    while let Some(found) = text.as_bytes()[from..].iter().position(|&b| matches!(b, b'.' | b'!' | b'?' | 0xE2)) {
        let at = from + found;
        let c = text[at..].chars().next().expect("at a character boundary");
        if !is_terminator(c) {
            from = at + c.len_utf8();
            continue;
        }
        let end = skip_while(text, at + c.len_utf8(), |c| is_terminator(c) || is_closer(c));
        let next = skip_while(text, end, char::is_whitespace);
        let spaced = next > end;
        let starts_sentence =
            text[next..].chars().next().is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || is_opener(n));
        // Looked up only at a candidate end: `word_before` walks back over letters and full
        // stops, so asking at every full stop of "a.a.a.a…" would cost the square of its length.
        let abbreviated = || c == '.' && end == at + 1 && is_abbreviation(word_before(text, at));
        if spaced && starts_sentence && !abbreviated() {
            push_capped(&mut sentences, text, start..end);
            start = next;
            from = next;
        } else {
            from = end;
        }
    }
    push_capped(&mut sentences, text, start..text.len());
    sentences
}

/// The byte offset of the first character at or after `from` that is not `skip`.
fn skip_while(text: &str, from: usize, skip: impl Fn(char) -> bool) -> usize {
    text[from..].char_indices().find(|&(_, c)| !skip(c)).map_or(text.len(), |(at, _)| from + at)
}

/// The longest sentence, in bytes. Text that runs on further without a sentence end (a
/// flattened table or list, or hostile input: a 10 MB paragraph without a full stop) is cut
/// at the last white space before the limit. Everything built on sentences then costs at most
/// this much per sentence instead of the paragraph's length: an entity page shows each
/// mention in its sentence, so one unbroken paragraph with n mentions would otherwise print
/// n times the whole paragraph. Real sentences stay far below it (the seeds' longest is
/// under 400 bytes).
pub const MAX_SENTENCE_BYTES: usize = 1_000;

/// Pushes `range`, trimmed, as one sentence, or as several when it is longer than
/// [`MAX_SENTENCE_BYTES`].
fn push_capped(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let mut start = range.start;
    while range.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        // The last white space after the first character, or the limit itself in text
        // without spaces; either way the piece is not empty, so the loop ends.
        let cut = text[start..limit].rfind(char::is_whitespace).filter(|&at| at > 0).map_or(limit, |at| start + at);
        push_trimmed(out, text, start..cut);
        start = cut;
    }
    push_trimmed(out, text, start..range.end);
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
    let mut points: Vec<usize> = Vec::new();
    for (at, &byte) in text.as_bytes().iter().enumerate().skip(1) {
        if !matches!(byte, b'.' | b'!' | b'?') {
            continue;
        }
        let before = text[..at].chars().next_back().expect("a character before");
        if !(before.is_lowercase() || before.is_ascii_digit()) {
            continue;
        }
        let next = skip_while(text, at + 1, |c| matches!(c, '"' | '”' | '’' | '\''));
        if text[next..].chars().next().is_some_and(|n| n.is_uppercase() || matches!(n, '“' | '‘')) {
            // "e.g.The" and "p.m.Friday" are abbreviations run together, not glue. The word
            // starts at the last glue point at the earliest, as the text is split there:
            // "Geneva.Kerry.The" has two, and a second cleaning must find no more.
            let start = points.last().copied().unwrap_or(0);
            if byte == b'.' && dotted_word_before(&text[start..], at - start) {
                continue;
            }
            points.push(next);
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`split`] as first written, over the decoded characters: the definition the byte scan
    /// must agree with.
    fn split_by_chars(text: &str) -> Vec<Range<usize>> {
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
            // Looked up only at a candidate end: `word_before` walks back over letters and full
            // stops, so asking at every full stop of "a.a.a.a…" would cost the square of its length.
            let abbreviated = || c == '.' && end == i + 1 && is_abbreviation(word_before(text, at));
            if spaced && starts_sentence && !abbreviated() {
                let end_byte = chars.get(end).map_or(text.len(), |&(b, _)| b);
                push_capped(&mut sentences, text, start..end_byte);
                start = chars[next].0;
                i = next;
            } else {
                i = end;
            }
        }
        push_capped(&mut sentences, text, start..text.len());
        sentences
    }

    /// [`glue_points`] as first written, over the decoded characters.
    fn glue_points_by_chars(text: &str) -> Vec<usize> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut points: Vec<usize> = Vec::new();
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
                // "e.g.The" and "p.m.Friday" are abbreviations run together, not glue. The word
                // starts at the last glue point at the earliest, as the text is split there:
                // "Geneva.Kerry.The" has two, and a second cleaning must find no more.
                let start = points.last().copied().unwrap_or(0);
                if c == '.' && dotted_word_before(&text[start..], chars[i].0 - start) {
                    continue;
                }
                points.push(chars[j].0);
            }
        }
        points
    }

    #[test]
    fn the_byte_scans_agree_with_the_character_scans() {
        let pieces = [
            "a", "B", "5", ".", "!", "?", "…", "”", "’", "\"", "'", "“", "‘", "(", " ", "\u{a0}", "U.S.", "Mr.",
            "e.g.", "J.", "Kerry", "said", "É", "é", ")", "—",
        ];
        for text in crate::test_texts::texts(&pieces, 20_000, 63) {
            assert_eq!(split(&text), split_by_chars(&text), "{text:?}");
            assert_eq!(glue_points(&text), glue_points_by_chars(&text), "{text:?}");
        }
    }

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
        assert_eq!(sentences("Det. Sgt. Ann Lee and Mme. Roux spoke."), ["Det. Sgt. Ann Lee and Mme. Roux spoke."]);
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
    fn caps_run_on_sentences_at_a_space() {
        let word = "Putin spoke at length ";
        let text = word.repeat(200);
        let ranges = split(&text);
        assert!(ranges.len() > 1, "{} bytes in one sentence", text.len());
        assert!(ranges.iter().all(|r| r.len() <= MAX_SENTENCE_BYTES), "{ranges:?}");
        let words: Vec<&str> = ranges.iter().flat_map(|r| text[r.clone()].split(' ')).collect();
        assert_eq!(words, text.split_whitespace().collect::<Vec<_>>(), "every word once, none cut");
        // Without any space the text is cut at a character boundary (Ж is two bytes).
        let cyrillic = "Ж".repeat(1_500);
        let ranges = split(&cyrillic);
        assert_eq!(ranges.len(), 3);
        assert_eq!(ranges.iter().map(|r| cyrillic[r.clone()].chars().count()).sum::<usize>(), 1_500);
    }

    #[test]
    fn reads_long_runs_of_full_stops_in_linear_time() {
        // Every full stop of "a.a.a…" once asked for the whole word before it.
        let text = "a.".repeat(500_000);
        let started = std::time::Instant::now();
        let ranges = split(&text);
        assert_eq!(ranges.iter().map(Range::len).sum::<usize>(), text.len());
        // Each "a.B" is glue: the word before a full stop starts at the last glue point.
        assert_eq!(glue_points(&"a.Ba.B".repeat(200_000)).len(), 400_000);
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
    }

    #[test]
    fn finds_glue_points_one_after_another() {
        // Found by fuzzing (fuzz/fuzz_targets/clean.rs): the word before the second full stop
        // ran back over the first glue point and looked like "e.g.", so that point was found
        // only in the first piece split off, when cleaning the cleaned text again.
        assert_eq!(glue_points("njjwow.A2j.A2j?AA"), [7, 11, 15]);
        assert_eq!(glue_points("talks in Geneva.Kerry.The envoy"), [16, 22]);
        assert!(glue_points("said e.g.The U.S.Army").is_empty());
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
