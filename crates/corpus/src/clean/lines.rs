//! Rules that recognise a whole line as boilerplate by its shape.

use super::captions::{caption_credit_at, is_picture_description};
use super::dates::{is_date_line, is_relative_time};
use super::furniture::{
    SHORT_WORDS, is_byline, is_comment_header, is_comment_label, is_comment_notice, is_control, is_glued_menu,
    is_letterless, is_logo, is_pitch, is_related_label, is_social,
};
use super::text::{WordSet, ends_like_sentence, fold, fold_words, word_set, words_at_most};
use crate::DropReason;

/// Words that make up page furniture ("Share this article", "READ MORE", "Advertisement").
#[rustfmt::skip]
const FURNITURE_WORDS: &[&str] = &[
    "advertisement", "advertising", "ad", "advert", "sponsored", "share", "this", "article", "story", "read",
    "more", "next", "related", "articles", "stories", "recommended", "most", "popular", "see", "also", "sign", "up",
    "subscribe", "newsletter", "follow", "us", "on", "click", "here", "listen", "to", "watch", "video", "continue",
    "reading", "comments", "comment", "print", "email", "facebook", "twitter", "x", "whatsapp", "linkedin",
    "telegram", "top", "trending", "editor", "editors", "s", "picks", "you", "may", "like", "don", "t", "miss",
    "back", "skip", "the", "and", "for", "our", "free", "now", "copy", "link", "save", "open", "in", "app", "photo",
    "gallery", "image", "images", "tweet", "pin", "reddit", "promoted", "partner", "content", "paid", "standards",
    "anzeige", "werbung", "publicité", "publicidad", "publicidade", "pubblicità", "реклама", "reklama", "رعاية",
    "إعلان", "lesen", "sie", "auch", "mehr", "weiterlesen", "zum", "thema", "lire", "aussi", "la", "suite", "à",
    "voir", "leia", "também", "mais", "lee", "también", "leer", "más", "ver", "leggi", "anche", "читайте", "также",
    "читать", "далее", "подробнее", "pročitajte", "još", "vezane", "vijesti", "прочитајте", "прочитај", "повеќе",
    "اقرأ", "أيضا", "ايضا", "المزيد",
];
static FURNITURE_WORDS_SET: WordSet = WordSet::new(|| word_set(FURNITURE_WORDS));

/// Furniture words too common in real text to mark a line on their own.
#[rustfmt::skip]
const WEAK_FURNITURE_WORDS: &[&str] = &[
    "this", "to", "on", "up", "us", "the", "and", "for", "our", "you", "may", "s", "t", "in", "now", "more", "like",
    "back", "top", "most", "next", "x", "free", "open", "see", "also", "content", "partner", "paid", "sie", "auch",
    "mehr", "zum", "aussi", "la", "suite", "à", "voir", "também", "mais", "también", "más", "ver", "anche", "также",
    "далее", "još", "vijesti", "повеќе", "أيضا", "ايضا",
];

/// First words of editors' notes: "(Updates with ...)", "(Adds quotes ...)".
#[rustfmt::skip]
const EDITOR_NOTE_WORDS: &[&str] = &[
    "updates", "update", "adds", "corrects", "correction", "recasts", "changes", "refiles", "writes", "rewrites",
    "editing", "reporting", "writing", "additional", "compiled", "editor", "editors", "fixes", "clarifies",
    "removes", "repeats", "releads",
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
    // The folded words counted once: most lines are paragraphs, too long for most rules.
    let count = if folded.is_empty() { 0 } else { folded.bytes().filter(|&b| b == b' ').count() + 1 };
    let is_title = !folded.is_empty()
        && if whole { folded == folded_title } else { folded_title.starts_with(&folded) && fold(line) == folded_title };
    let reason = if is_url(line) {
        Some(DropReason::Url)
    } else if !line.is_empty() && line.len() <= 12 && line.bytes().all(|b| b.is_ascii_digit()) {
        Some(DropReason::Identifier)
    } else if is_title {
        Some(DropReason::Title)
    } else if count <= 4 && is_reading_time(&folded) {
        Some(DropReason::ReadingTime)
    } else if count <= 12 && is_date_line(&folded) {
        Some(DropReason::Dateline)
    } else if is_copyright(line, &folded) {
        Some(DropReason::Copyright)
    } else if is_contact(line, &folded, whole) {
        Some(DropReason::Contact)
    } else if is_editors_note(line, &folded) {
        Some(DropReason::EditorsNote)
    } else {
        None
    };
    if reason.is_some() {
        return reason;
    }
    let short = count <= SHORT_WORDS;
    let words: Vec<&str> = if short { folded.split(' ').filter(|w| !w.is_empty()).collect() } else { Vec::new() };
    // Share buttons and labels over other stories are furniture's words too: they are told
    // apart first.
    if short && is_related_label(line, &folded, &words) {
        return Some(DropReason::Headlines);
    } else if short && is_social(line, &words) {
        return Some(DropReason::Social);
    } else if is_furniture(line, &folded) {
        return Some(DropReason::Furniture);
    }
    if short && let Some(reason) = classify_short(line, &words) {
        return Some(reason);
    }
    // A line folded whole has at most 30 words.
    if whole {
        if is_pitch(&folded) {
            return Some(DropReason::Furniture);
        } else if is_comment_notice(&folded) {
            return Some(DropReason::Comments);
        }
    }
    (caption_credit_at(line).is_some() || is_picture_description(line)).then_some(DropReason::Caption)
}

/// The rules for short lines (at most [`SHORT_WORDS`] words), given their folded words.
fn classify_short(line: &str, words: &[&str]) -> Option<DropReason> {
    if line.starts_with('#') && line.len() > 1 && line[1..].bytes().all(|b| b.is_ascii_digit()) {
        // "#65737": a forum post's number.
        Some(DropReason::Comments)
    } else if is_letterless(line) || is_control(line, words) || is_logo(words) || is_cookie_notice(words) {
        Some(DropReason::Furniture)
    } else if is_relative_time(words) {
        Some(DropReason::Dateline)
    } else if words.len() <= 12 && is_glued_menu(line) {
        Some(DropReason::Navigation)
    } else if is_comment_label(line, words) || is_comment_header(line, words) {
        Some(DropReason::Comments)
    } else if is_byline(line, words) {
        Some(DropReason::Byline)
    } else {
        None
    }
}

/// A cookie or consent notice: "cookies" with a word of the site or of consent.
fn is_cookie_notice(words: &[&str]) -> bool {
    words.iter().any(|w| w.starts_with("cookie") || *w == "куки")
        && words.iter().any(|w| {
            matches!(
                *w,
                "website"
                    | "site"
                    | "browser"
                    | "consent"
                    | "accept"
                    | "privacy"
                    | "policy"
                    | "experience"
                    | "webseite"
                    | "navigateur"
                    | "sitio"
                    | "navegador"
                    | "sito"
                    | "сайт"
                    | "сайте"
                    | "stranica"
                    | "stranice"
            )
        })
}

/// True when folded text has more than `n` words: most lines are paragraphs, which the
/// rules for short lines need not split into words.
fn more_words_than(folded: &str, n: usize) -> bool {
    folded.split(' ').filter(|w| !w.is_empty()).nth(n).is_some()
}

/// A bare URL: "https://…", "www.…", an image's address in brackets ("[https://…jpg]", as
/// a page's text gives an image), or a host and path ("example.com/a?a=474349633").
fn is_url(line: &str) -> bool {
    let bare = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')).unwrap_or(line);
    !bare.contains(char::is_whitespace)
        && (["http://", "https://", "www."].iter().any(|prefix| starts_with_ignoring_case(bare, prefix))
            || bare.split_once('/').is_some_and(|(host, _)| is_host(host)))
}

/// "example.com", "news.example.co.uk": lower-case labels joined by dots, the last a word of
/// two letters or more.
fn is_host(host: &str) -> bool {
    let mut labels = host.split('.');
    let last = labels.next_back().unwrap_or("");
    host.contains('.')
        && labels.all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'))
        && last.len() >= 2
        && last.bytes().all(|b| b.is_ascii_lowercase())
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
        || has_phone_label(line)
}

/// "Telephone: 01507 529529", "Fax: 03-56136", "Tel.: +49 40 890": a telephone label with
/// its colon, before a number.
fn has_phone_label(line: &str) -> bool {
    #[rustfmt::skip]
const LABELS: &[&str] = &[
    "tel", "telephone", "phone", "fax", "telefon", "téléphone", "teléfono", "telefone", "телефон", "тел", "факс",
    "هاتف",
];
    line.match_indices(':').any(|(at, _)| {
        let label = line[..at].trim_end_matches('.').rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let number =
            line[at + 1..].trim_start().starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '*' | '('));
        number && LABELS.iter().any(|l| l.eq_ignore_ascii_case(label) || label.to_lowercase() == *l)
    })
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
            && words.iter().all(|w| FURNITURE_WORDS_SET.contains(w))
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

#[cfg(test)]
mod tests {
    use super::*;

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
