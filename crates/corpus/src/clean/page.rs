//! A whole web page's text (what selecting all of a page and copying it gives): the article
//! among the page's menus, other stories' headlines, comments and footers.
//!
//! Each line is weighed as jusText judges paragraphs, by its length, its share of stop words
//! and its punctuation, then by its neighbours:
//!
//! - a sentence as dense in stop words as the text's running text weighs for the article, as
//!   much as it is long ("good"); one poor in stop words (a list of names, prices, tags)
//!   weighs against it ("bad");
//! - menu items (a few capitalised words), headlines (a title-long line without a full stop,
//!   the more so in title case), a passage printed twice on the page (a caption in a gallery,
//!   a headline in two lists) weigh against it;
//! - a paragraph alone between such lines is a teaser under another story's headline: it
//!   weighs a quarter;
//! - a list under a label over other stories ("Related", "Lesen Sie auch", "Читайте также",
//!   dropped by pass 1) goes wherever it stands, and does not cut the article in two.
//!
//! The article is then the stretch of lines where running text outweighs the rest most (the
//! largest sum of weights over a contiguous stretch, which takes linear time); it ends where
//! reader comments start (a comment's header or a comment section's label, which pass 1
//! dropped). What stands outside it is the page around the article, dropped by its shape:
//! navigation, headlines, comments, or text apart from the article.
//!
//! Only a text shaped like a page gets this pass: one with a menu in it (a run of short
//! link-like lines). An article's own text never has one (pass 5 keeps no heading after a
//! heading), so an article, and the cleaner's own output, are left to the line rules: a short
//! last line or a list at an article's end is never weighed away.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use super::dropped::{DroppedAt, drop_line};
use super::stopwords::Language;
use super::text::{ends_like_sentence, starts_like_a_title};
use crate::DropReason;

/// A run of this many link-like lines is a menu, and makes the text a page.
const MENU_RUN: usize = 5;
/// A line this long (in characters) is running text without sentence punctuation too, when
/// dense in stop words (jusText's length_high).
const LONG: usize = 200;

/// A kept line of pass 1, where it stands among the groups, with its measures.
struct Line {
    /// A comment's header or a comment section's label: where reader comments start.
    comments: bool,
    /// Under a label over other stories ("Related", "Lesen Sie auch"): the list's first line.
    after_related: bool,
    /// Where the line stands: its group, and its index in the group.
    group: usize,
    index: usize,
    /// Its length in characters, its words ([`word_measure`]) and the stop words among them.
    chars: usize,
    words: usize,
    stops: usize,
    /// Whether it ends like a sentence.
    sentence: bool,
    /// A menu item's shape ([`is_link_like`]).
    menu: bool,
    /// A headline's shape ([`is_headline`]).
    headline: bool,
    /// Most of its longer words capitalised, as in "Koala Gets Rescued From A Bushfire".
    title_case: bool,
}

/// The words of a line, counting two characters of Chinese or Japanese, written without
/// spaces, as a word.
fn word_measure(text: &str) -> usize {
    let ideographs = text.chars().filter(|&c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}')).count();
    super::text::word_count(text) + ideographs / 2
}

/// A menu item or label: a few words without sentence punctuation, starting as a name does
/// (and so a heading's shape, which pass 5 never keeps two of in a row).
fn is_link_like(line: &str, words: usize) -> bool {
    (1..=4).contains(&words)
        && !ends_like_sentence(line)
        && starts_like_a_title(line)
        && !line.contains(['“', '”', '"'])
}

/// Most words of four letters or more capitalised (at least two of them): the headline
/// style of English sites, which running text never has.
fn is_title_case(line: &str) -> bool {
    let (long, capitalised) = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_alphabetic))
        .fold((0, 0), |(long, capitalised), w| (long + 1, capitalised + usize::from(starts_like_a_title(w))));
    capitalised >= 2 && capitalised * 10 >= long * 7
}

/// A headline: a title-long line without a full stop, starting as a name does. ("?" ends
/// headlines as often as sentences; "!" ends exclamations far more often than headlines.)
fn is_headline(line: &str, words: usize) -> bool {
    (4..=20).contains(&words)
        && !line.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']).ends_with(['.', ':', ';', ',', '…', '!', '~'])
        && (starts_like_a_title(line) || line.starts_with(['“', '"', '‘', '\'']))
}

/// Pass 1b: on a page, drops the lines outside the article (see the module documentation).
pub fn drop_page_text(groups: &mut Vec<Vec<(usize, String)>>, dropped: &mut Vec<DroppedAt>) {
    // Most texts are articles: the menu is looked for first, a line at a time, and most
    // lines have more than four words.
    let mut run = 0;
    let has_menu = groups.iter().flatten().any(|(_, text)| {
        let menu = super::text::words_at_most(text, 4) && is_link_like(text, word_measure(text));
        run = if menu { run + 1 } else { 0 };
        run >= MENU_RUN
    });
    if !has_menu {
        return;
    }
    let mut lines: Vec<Line> = Vec::new();
    // Where pass 1 dropped the comments' headers and labels, and the labels over other
    // stories: a line after one starts the comments, or a list of headlines.
    let marks_of = |reason: DropReason| {
        let mut marks: Vec<usize> = dropped.iter().filter(|(_, d)| d.reason == reason).map(|(at, _)| *at).collect();
        marks.sort_unstable();
        marks
    };
    let (comment_marks, related_marks) = (marks_of(DropReason::Comments), marks_of(DropReason::Headlines));
    let mut marks = comment_marks.iter().peekable();
    let mut related = related_marks.iter().peekable();
    for (g, group) in groups.iter().enumerate() {
        for (i, (number, text)) in group.iter().enumerate() {
            let words = word_measure(text);
            let mut comments = false;
            while marks.next_if(|&&at| at < *number).is_some() {
                comments = true;
            }
            let mut after_related = false;
            while related.next_if(|&&at| at < *number).is_some() {
                after_related = true;
            }
            lines.push(Line {
                comments,
                after_related,
                group: g,
                index: i,
                chars: text.chars().count(),
                words,
                stops: 0,
                sentence: ends_like_sentence(text),
                menu: is_link_like(text, words),
                headline: is_headline(text, words),
                title_case: is_title_case(text),
            });
        }
    }
    let text = |line: &Line| groups[line.group][line.index].1.as_str();
    let language = Language::detect(lines.iter().filter(|l| l.words >= 10).map(text));
    let mut buffer = String::new();
    for line in &mut lines {
        line.stops = language.count(&groups[line.group][line.index].1, &mut buffer).1;
    }
    let density = prose_density(&lines);
    let mut scores: Vec<i64> = lines.iter().map(|line| score(line, density)).collect();
    // A passage printed twice on a page is a headline or a caption shown again (in a list,
    // in a gallery): an article's paragraphs are printed once.
    let mut seen: HashMap<&str, usize, FixedState> = HashMap::default();
    for line in lines.iter().filter(|l| l.words >= 5) {
        *seen.entry(text(line)).or_default() += 1;
    }
    let repeated: Vec<bool> =
        lines.iter().map(|line| line.words >= 5 && seen.get(text(line)).is_some_and(|&n| n > 1)).collect();
    for ((line, score), _) in lines.iter().zip(&mut scores).zip(&repeated).filter(|(_, r)| **r) {
        *score = -(*score).abs().max(line.chars as i64 / 2);
    }
    // A list under a label over other stories goes, wherever it stands, and weighs as a
    // menu: an inline "Read also" list does not cut the article in two, and a paragraph
    // after it is no teaser.
    let mut in_list = vec![false; lines.len()];
    let mut listing = false;
    for (i, line) in lines.iter().enumerate() {
        listing = (listing || line.after_related) && (line.headline || line.menu);
        if listing {
            in_list[i] = true;
            scores[i] = -20;
        }
    }
    // A list the article announces ("The tour's dates:") is the article's: its lines weigh
    // nothing, and the article takes them in where it ends with them.
    let mut introduced = vec![false; lines.len()];
    let mut listing = false;
    for (i, line) in lines.iter().enumerate() {
        let item = (line.headline || !line.sentence) && !line.menu && !in_list[i] && !repeated[i];
        let announces = |intro: &Line| intro.words >= 5 && is_prose(intro, density);
        listing = item
            && (listing
                || i > 0 && text(&lines[i - 1]).ends_with(':') && announces(&lines[i - 1]) && scores[i - 1] > 0);
        if listing {
            introduced[i] = true;
            scores[i] = 0;
        }
    }
    // A picture's caption printed twice stands between an article's paragraphs as often as
    // a list does: neither makes a paragraph a teaser.
    let passed_over: Vec<bool> = (0..lines.len()).map(|i| in_list[i] || repeated[i] || introduced[i]).collect();
    isolate(&mut scores, &passed_over);
    let (start, stretch_end) = best_stretch(&scores);
    // Reader comments follow the article: the stretch ends where they start, after some of
    // the article's running text.
    let mut stretch_end = stretch_end;
    while introduced.get(stretch_end).is_some_and(|&listed| listed) {
        stretch_end += 1;
    }
    let mut end = stretch_end;
    let mut weight = 0;
    for (i, score) in scores.iter().enumerate().take(stretch_end).skip(start) {
        if lines[i].comments && weight > 0 {
            end = i;
            break;
        }
        weight += score.max(&0);
    }
    let mut drop = vec![false; lines.len()];
    // Inside the article, a passage printed again goes (as does every copy of one printed
    // three times or more: a gallery's caption).
    let mut printed: HashMap<&str, usize, FixedState> = HashMap::default();
    for (i, line) in lines.iter().enumerate() {
        let copies = if line.words >= 5 { seen.get(text(line)).copied().unwrap_or(1) } else { 1 };
        let again = copies > 1 && {
            let before = printed.entry(text(line)).or_default();
            *before += 1;
            *before > 1 || copies > 2
        };
        if in_list[i] || again || i < start || i >= end {
            drop[i] = true;
            let reason = if in_list[i] {
                DropReason::Headlines
            } else if (end..stretch_end).contains(&i) {
                DropReason::Comments
            } else if line.menu {
                DropReason::Navigation
            } else if is_other_headline(line, density) {
                DropReason::Headlines
            } else if again {
                DropReason::Repeated
            } else {
                DropReason::OffArticle
            };
            let (number, text) = &groups[line.group][line.index];
            drop_line(dropped, *number, text, reason);
        }
    }
    let mut i = 0;
    for group in groups.iter_mut() {
        group.retain(|_| {
            let keep = !drop[i];
            i += 1;
            keep
        });
    }
    groups.retain(|g| !g.is_empty());
}

/// The prose density of the text: the share of stop words over its long lines that end like
/// sentences, which are mostly the article's. The thresholds are fractions of it, so a
/// language whose list is short or long is judged alike.
fn prose_density(lines: &[Line]) -> f64 {
    let (words, stops) =
        lines.iter().filter(|l| l.words >= 15 && l.sentence).fold((0, 0), |(w, s), l| (w + l.words, s + l.stops));
    if words < 50 { 0.35 } else { stops as f64 / words as f64 }
}

/// What a line weighs for the article: running text for, menus, headlines and lists
/// against. `density` is the text's prose density ([`prose_density`]).
fn score(line: &Line, density: f64) -> i64 {
    let chars = line.chars as i64;
    if line.menu {
        -20
    } else if is_other_headline(line, density) {
        if line.title_case { -chars } else { -chars / 2 }
    } else if line.words >= 5 && (line.sentence || line.chars >= LONG) {
        if is_prose(line, density) { chars } else { -chars / 2 }
    } else if line.words >= 5 && is_prose(line, density) {
        // A sentence without its full stop: a list item, a line that ends in "!" or "~".
        chars / 2
    } else {
        -chars.max(20) / 2
    }
}

/// As dense in stop words as running text (or in a language without a list, where every
/// line passes). `density` is the text's prose density ([`prose_density`]).
fn is_prose(line: &Line, density: f64) -> bool {
    let share = if line.words == 0 { 0.0 } else { line.stops as f64 / line.words as f64 };
    share >= density * 0.6 || density < 0.05
}

/// A headline's shape: another story's headline. (Sentence-case headlines are as dense in
/// stop words as running text: only their shape tells them.)
fn is_other_headline(line: &Line, _density: f64) -> bool {
    line.headline
}

/// A paragraph alone between headlines and labels weighs a quarter: it is a teaser under
/// another story's headline, where an article's paragraphs stand by other paragraphs.
/// Lines of a list under "Related", and passages printed twice, are passed over (`listed`).
fn isolate(scores: &mut [i64], listed: &[bool]) {
    let original = scores.to_vec();
    // The nearest weighing line before each line, and after it.
    let mut before = vec![0; original.len()];
    let mut last = 0;
    for (i, &score) in original.iter().enumerate() {
        before[i] = last;
        if !listed[i] {
            last = score;
        }
    }
    let mut next = 0;
    for i in (0..original.len()).rev() {
        if original[i] > 0 && before[i] <= 0 && next <= 0 {
            scores[i] = original[i] / 4;
        }
        if !listed[i] {
            next = original[i];
        }
    }
}

/// The stretch `start..end` with the largest sum of scores (Kadane's).
fn best_stretch(scores: &[i64]) -> (usize, usize) {
    let (mut best, mut best_at) = (i64::MIN, (0, 0));
    let (mut sum, mut from) = (0i64, 0);
    for (i, &s) in scores.iter().enumerate() {
        if sum <= 0 {
            sum = 0;
            from = i;
        }
        sum += s;
        if sum > best {
            best = sum;
            best_at = (from, i + 1);
        }
    }
    best_at
}
