//! Rules that recognise a whole line as boilerplate by its shape.

use super::text::{ends_like_sentence, fold, fold_words, word_count, words_at_most};
use crate::DropReason;

/// Words that make up page furniture ("Share this article", "READ MORE", "Advertisement").
const FURNITURE_WORDS: &[&str] = &[
    "advertisement",
    "advertising",
    "ad",
    "advert",
    "sponsored",
    "share",
    "this",
    "article",
    "story",
    "read",
    "more",
    "next",
    "related",
    "articles",
    "stories",
    "recommended",
    "most",
    "popular",
    "see",
    "also",
    "sign",
    "up",
    "subscribe",
    "newsletter",
    "follow",
    "us",
    "on",
    "click",
    "here",
    "listen",
    "to",
    "watch",
    "video",
    "continue",
    "reading",
    "comments",
    "comment",
    "print",
    "email",
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "linkedin",
    "telegram",
    "top",
    "trending",
    "editor",
    "editors",
    "s",
    "picks",
    "you",
    "may",
    "like",
    "don",
    "t",
    "miss",
    "back",
    "skip",
    "the",
    "and",
    "for",
    "our",
    "free",
    "now",
    "copy",
    "link",
    "save",
    "open",
    "in",
    "app",
    "photo",
    "gallery",
    "image",
    "images",
    "tweet",
    "pin",
    "reddit",
];

/// Furniture words too common in real text to mark a line on their own.
const WEAK_FURNITURE_WORDS: &[&str] = &[
    "this", "to", "on", "up", "us", "the", "and", "for", "our", "you", "may", "s", "t", "in", "now", "more", "like",
    "back", "top", "most", "next", "x", "free", "open", "see", "also",
];

/// First words of editors' notes: "(Updates with ...)", "(Adds quotes ...)".
const EDITOR_NOTE_WORDS: &[&str] = &[
    "updates",
    "update",
    "adds",
    "corrects",
    "correction",
    "recasts",
    "changes",
    "refiles",
    "writes",
    "rewrites",
    "editing",
    "reporting",
    "writing",
    "additional",
    "compiled",
    "editor",
    "editors",
    "fixes",
    "clarifies",
    "removes",
    "repeats",
    "releads",
];

const DATE_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "published",
    "updated",
    "posted",
    "last",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "gmt",
    "utc",
    "bst",
    "cet",
    "cest",
    "et",
    "est",
    "edt",
    "pt",
    "msk",
    "st",
    "nd",
    "rd",
    "th",
];

/// Classifies a normalised line of raw text. `title` is the source's headline.
#[cfg(test)]
pub fn classify(line: &str, title: &str) -> Option<DropReason> {
    classify_folded(line, &fold(title))
}

/// Words of a line folded up front. Every rule but two looks at most at the first 25 words of
/// a line, or needs a line that short; the title and contact rules fold the rest of a longer
/// line only when it can match. A paragraph is folded once, for its first words.
const FOLDED_WORDS: usize = 30;

/// [`classify`], with the headline already folded ([`fold`]): a source's lines all share it.
pub fn classify_folded(line: &str, folded_title: &str) -> Option<DropReason> {
    let (folded, whole) = fold_words(line, FOLDED_WORDS);
    let is_title = !folded.is_empty()
        && if whole { folded == folded_title } else { folded_title.starts_with(&folded) && fold(line) == folded_title };
    if is_url(line) {
        Some(DropReason::Url)
    } else if !line.is_empty() && line.len() <= 12 && line.bytes().all(|b| b.is_ascii_digit()) {
        Some(DropReason::Identifier)
    } else if is_title {
        Some(DropReason::Title)
    } else if is_reading_time(&folded) {
        Some(DropReason::ReadingTime)
    } else if is_date_line(&folded) {
        Some(DropReason::Dateline)
    } else if is_copyright(line, &folded) {
        Some(DropReason::Copyright)
    } else if is_contact(line, &folded, whole) {
        Some(DropReason::Contact)
    } else if is_editors_note(line, &folded) {
        Some(DropReason::EditorsNote)
    } else if is_furniture(line, &folded) {
        Some(DropReason::Furniture)
    } else if caption_credit_at(line).is_some() {
        Some(DropReason::Caption)
    } else {
        None
    }
}

/// True when folded text has more than `n` words: most lines are paragraphs, which the
/// rules for short lines need not split into words.
fn more_words_than(folded: &str, n: usize) -> bool {
    folded.split(' ').filter(|w| !w.is_empty()).nth(n).is_some()
}

fn is_url(line: &str) -> bool {
    ["http://", "https://", "www."].iter().any(|prefix| starts_with_ignoring_case(line, prefix))
        && !line.contains(char::is_whitespace)
}

/// `line` starts with `prefix` (ASCII), in any case. No other character lowercases to one
/// of the letters the callers look for, so this is what lowercasing the line would say.
fn starts_with_ignoring_case(line: &str, prefix: &str) -> bool {
    line.as_bytes().get(..prefix.len()).is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// `folded` holds the first words of the line: more than the four looked at.
fn is_reading_time(folded: &str) -> bool {
    if more_words_than(folded, 4) {
        return false;
    }
    let words: Vec<&str> = folded.split(' ').collect();
    let unit = |w: &str| matches!(w, "min" | "mins" | "minute" | "minutes");
    match words.as_slice() {
        [n, u, "read"] => n.bytes().all(|b| b.is_ascii_digit()) && unit(u),
        ["reading", "time", n, u] => n.bytes().all(|b| b.is_ascii_digit()) && unit(u),
        _ => false,
    }
}

/// A line made only of dates, times, weekdays and words like "Published" or "Updated".
/// `folded` holds the first words of the line: more than the 12 looked at.
fn is_date_line(folded: &str) -> bool {
    if more_words_than(folded, 12) {
        return false;
    }
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() {
        return false;
    }
    let number = |w: &str| !w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit());
    let ordinal = |w: &str| {
        let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        !digits.is_empty() && digits.len() < w.len() && number(digits) && DATE_WORDS.contains(&&w[digits.len()..])
    };
    let all_date_words =
        words.iter().all(|w| number(w) || ordinal(w) || crate::month_number(w).is_some() || DATE_WORDS.contains(w));
    let has_month = words.iter().any(|w| crate::month_number(w).is_some());
    let has_year = words.iter().any(|w| w.len() == 4 && number(w));
    let numeric_date = words.iter().filter(|w| number(w)).count() >= 3 && has_year;
    all_date_words && (has_month && words.iter().any(|w| number(w) || ordinal(w)) || numeric_date)
}

/// `folded` holds the first words of the line: all of them when it has at most 25.
fn is_copyright(line: &str, folded: &str) -> bool {
    words_at_most(line, 25)
        && (line.starts_with('©')
            || starts_with_ignoring_case(line, "(c) ")
            || starts_with_ignoring_case(line, "copyright")
            || folded.contains("all rights reserved"))
}

fn has_email(line: &str) -> bool {
    if !line.contains('@') {
        return false;
    }
    line.split(|c: char| c.is_whitespace() || c == ',' || c == ';').any(|word| {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        match word.split_once('@') {
            Some((user, domain)) => !user.is_empty() && domain.contains('.') && !domain.ends_with('.'),
            None => false,
        }
    })
}

/// `folded` holds the first words of the line, all of them when `whole`.
fn is_contact(line: &str, folded: &str, whole: bool) -> bool {
    let contact =
        |folded: &str| folded.contains("contact") && (folded.contains("to contact") || folded.contains("contact the"));
    folded.starts_with("with assistance from")
        || (has_email(line) && if whole { contact(folded) } else { contact(&fold(line)) })
}

/// `folded` holds the first words of the line: more than the four looked at.
fn is_editors_note(line: &str, folded: &str) -> bool {
    let first = folded.split(' ').next().unwrap_or("");
    let wrapped = (line.starts_with('(') && line.ends_with(')')) || (line.starts_with('[') && line.ends_with(']'));
    let credit = ["reporting by", "editing by", "writing by", "additional reporting by", "compiled by"]
        .iter()
        .any(|p| folded.starts_with(p));
    let about_story = ["this story", "this article", "this version"].iter().any(|p| folded.starts_with(p));
    (wrapped && (EDITOR_NOTE_WORDS.contains(&first) || about_story)) || (credit && words_at_most(line, 40))
}

/// A short line of furniture words only, or a furniture label before a colon
/// ("READ MORE: Putin says ..."). `folded` holds the first words of the line: more than the
/// nine looked at.
fn is_furniture(line: &str, folded: &str) -> bool {
    let furniture = |words: &[&str]| {
        !words.is_empty()
            && words.iter().all(|w| FURNITURE_WORDS.contains(w))
            && words.iter().any(|w| !WEAK_FURNITURE_WORDS.contains(w))
    };
    if !more_words_than(folded, 8) {
        let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        if !ends_like_sentence(line) && furniture(&words) {
            return true;
        }
    }
    let label = line.split_once([':', '|', '»']).map(|(label, _)| label).filter(|label| words_at_most(label, 3));
    let label = label.map(fold);
    match label {
        Some(label) => {
            let words: Vec<&str> = label.split(' ').filter(|w| !w.is_empty()).collect();
            words.len() <= 3 && furniture(&words)
        }
        None => false,
    }
}

const CREDIT_MARKERS: &[&str] = &[
    "PHOTO:",
    "Photo:",
    "PHOTOS:",
    "Photos:",
    "Photograph:",
    "PHOTOGRAPH:",
    "Photo by ",
    "Photograph by ",
    "Image:",
    "IMAGE:",
    "Picture:",
    "Credit:",
    "CREDIT:",
    "Illustration:",
    "Getty Images",
    "File photo",
    "FILE PHOTO",
];

/// Where a photo credit starts, when the line ends with one: "... 2016.PHOTO: REUTERS",
/// "... Photograph: AFP Photo/ Sergei Karpukhin", "... in Syria [AFP]".
pub fn caption_credit_at(line: &str) -> Option<usize> {
    // A credit leaves at most 8 words after its marker: an occurrence ending before the 9th
    // word from the end cannot be one, so only the tail of a long line is searched.
    let longest = CREDIT_MARKERS.iter().map(|m| m.len()).max().unwrap_or(0);
    let mut from = nth_word_from_end(line, 9).map_or(0, |at| at.saturating_sub(longest));
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    if !may_hold_credit_marker(&line[from..]) {
        return bracketed_credit_at(line);
    }
    for marker in CREDIT_MARKERS {
        if let Some(at) = line[from..].rfind(marker).map(|at| at + from) {
            let boundary = line[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            let rest = &line[at + marker.len()..];
            if boundary && word_count(rest) <= 8 && !rest.contains(". ") {
                return Some(at);
            }
        }
    }
    bracketed_credit_at(line)
}

/// False when `text` holds none of [`CREDIT_MARKERS`]: each has a colon, a capital G or F, or
/// "by ". One pass over the bytes, where most lines hold none, instead of one search per marker.
fn may_hold_credit_marker(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b':' | b'G' | b'F' => true,
        b'b' => bytes[i..].starts_with(b"by "),
        _ => false,
    })
}

/// Where the `n`th run of letters or digits from the end of `line` starts.
fn nth_word_from_end(line: &str, n: usize) -> Option<usize> {
    let mut found = 0;
    let mut in_word = false;
    for (at, c) in line.char_indices().rev() {
        let word = c.is_alphanumeric();
        if in_word && !word {
            found += 1;
            if found == n {
                return Some(at + c.len_utf8());
            }
        }
        in_word = word;
    }
    (in_word && found + 1 == n).then_some(0)
}

/// A credit in square brackets closing the line: one to four capitalised words, after text
/// that does not end a sentence ("... cooperation with Russia in Syria [AFP]").
fn bracketed_credit_at(line: &str) -> Option<usize> {
    let inner = line.strip_suffix(']')?;
    let open = inner.rfind('[')?;
    let credit = &inner[open + 1..];
    let words: Vec<&str> = credit.split([' ', '/']).filter(|w| !w.is_empty()).collect();
    let capitalised = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let before = line[..open].trim_end();
    let fits = (1..=4).contains(&words.len()) && capitalised && !before.is_empty();
    (fits && !ends_like_sentence(before)).then_some(open)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// caption_credit_at as first written: every marker searched over the whole line.
    fn credit_at_everywhere(line: &str) -> Option<usize> {
        for marker in CREDIT_MARKERS {
            if let Some(at) = line.rfind(marker) {
                let boundary = line[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
                let rest = &line[at + marker.len()..];
                if boundary && word_count(rest) <= 8 && !rest.contains(". ") {
                    return Some(at);
                }
            }
        }
        bracketed_credit_at(line)
    }

    #[test]
    fn every_credit_marker_passes_the_quick_test() {
        for marker in CREDIT_MARKERS {
            assert!(may_hold_credit_marker(marker), "{marker}");
        }
        assert!(!may_hold_credit_marker("said on Tuesday, as expected"));
    }

    /// Searching only the tail finds what searching everywhere finds, on lines made of
    /// markers, words, punctuation and multi-byte letters in every order (a fixed-seed walk).
    #[test]
    fn credits_are_found_in_the_tail_as_everywhere() {
        let pieces = [
            "Photo:",
            "PHOTO:",
            "Photo by ",
            "Getty Images",
            "word",
            "Ünal",
            "é",
            " ",
            "  ",
            ". ",
            ",",
            "-",
            "[AFP]",
            "Reuters",
            "x",
            "2016",
            "“",
            "File photo",
            "Photograph by ",
        ];
        for line in crate::test_texts::texts(&pieces, 20_000, 39) {
            assert_eq!(caption_credit_at(&line), credit_at_everywhere(&line), "{line:?}");
        }
        assert_eq!(nth_word_from_end("a b", 2), Some(0));
        assert_eq!(nth_word_from_end(" ab, cd ", 1), Some(5));
        assert_eq!(nth_word_from_end("ab", 2), None);
    }

    fn reason(line: &str) -> Option<&'static str> {
        classify(line, "US moving towards close cooperation with Russia in Syria").map(|r| r.as_str())
    }

    #[test]
    fn recognises_seed_boilerplate_by_shape() {
        assert_eq!(reason("http://washpost.bloomberg.com/Story?docId=1376-OCUB7G"), Some("url"));
        assert_eq!(reason("20"), Some("identifier"));
        assert_eq!(reason("US moving towards close cooperation with Russia in Syria"), Some("title"));
        assert_eq!(reason("4 min read"), Some("reading-time"));
        assert_eq!(reason("15 July, 2016"), Some("dateline"));
        assert_eq!(reason("©2016 Bloomberg L.P."), Some("copyright"));
        assert_eq!(reason("(Updates with Putin comments on Turkey from 10th paragraph.)"), Some("editors-note"));
        assert_eq!(
            reason(
                "--With assistance from Scott Rose To contact the reporters on this story: Henry Meyer in Moscow at hmeyer4@bloomberg.net"
            ),
            Some("contact")
        );
        assert_eq!(reason("Kerry has urged closer cooperation with Russia in Syria [AFP]"), Some("caption"));
        assert_eq!(
            reason(
                "US Secretary of State John Kerry waves before getting into a car on his arrival in Moscow on July 14, 2016.PHOTO: REUTERS"
            ),
            Some("caption")
        );
        assert_eq!(
            reason(
                "Russian president Vladimir Putin with US secretary of state John Kerry at the Kremlin in Moscow. Photograph: AFP Photo/ Sergei Karpukhin"
            ),
            Some("caption")
        );
    }

    #[test]
    fn recognises_other_outlets_furniture() {
        for line in [
            "Advertisement",
            "ADVERTISEMENT",
            "Share this article",
            "READ MORE",
            "Read more:",
            "READ MORE: Putin says Russia and US close to deal",
            "Related articles",
            "Sign up to our newsletter",
            "Share on Facebook",
            "Tuesday 15 December 2015 10:32 GMT",
            "Updated: July 15, 2016",
            "Published on 2016-07-15",
            "Copyright 2016 Reuters. All rights reserved.",
            "Reporting by Denis Dyomkin; Editing by Richard Balmforth",
            "Photo by Sergei Karpukhin/AFP",
            "(Getty Images)",
            "Listen to this article",
        ] {
            assert!(reason(line).is_some(), "{line:?} should be boilerplate");
        }
    }

    #[test]
    fn keeps_real_sentences() {
        for line in [
            "Joint Command",
            "Time running out",
            "Good vs bad terrorists",
            "“The talks are very difficult,” Putin said.",
            "Nowhere is there a greater hotbed and incubator for these terrorists than in Syria.",
            "US officials expect the talks with Mr Putin to be dominated by the list of opposition groups.",
            "“We are seeking with you solutions to the most acute crisis [in Syria],” Mr Putin told Mr Kerry.",
            "Share prices rose on Monday after the talks.",
            "May 2016 was a turning point for the talks.",
            "Read the full statement on the ministry's website.",
            "He said the photo showed the site.",
            "The diplomat said the names were Riad Hijab and Ahmad Jarba [Reuters].",
            "Follow the money, he said.",
            "(He declined to comment on the talks.)",
        ] {
            assert_eq!(reason(line), None, "{line:?} is article text");
        }
    }
}
