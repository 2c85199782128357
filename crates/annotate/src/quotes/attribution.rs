//! Who said it: the noun phrase next to a speech verb in a quotation's sentence.
//!
//! The verb nearest the quotation wins: after it ("“…,” Putin said", "“…,” said Rep. Jerry
//! Nadler, a Democrat") when the quotation opens its sentence, otherwise before it ("Putin
//! said Ankara and Moscow “…”", "Brazile said in a statement: “…”"). "According to X", "so
//! Merkel" and "selon M. Macron" name their speaker after the word; a participle ("…,
//! writing: “…”") speaks for its clause's subject, and so does a clause ending in a colon
//! with no verb at all ("Nadler put it bluntly: “…”"). The phrase ([`phrase`]) is then a
//! catalogue entity, a named person or body, a pronoun for the caller to resolve, or a
//! description as written.

use std::ops::Range;

use super::names;
use super::phrase::{self, SpeakerPhrase};
use super::reading::Reading;
use super::verbs::{self, Verb};

/// The speech word of a sentence, with where it stands.
struct Found {
    /// Index of the verb among the sentence's words.
    at: usize,
    verb: Verb,
}

/// Finds the speaker of the quotation at `quote` (its range with marks) in `sentence` of
/// `reading`. `mentions` are the paragraph's entity mentions; `language` the source's.
pub(crate) fn speaker(
    reading: &Reading,
    sentence: Range<usize>,
    quote: Range<usize>,
    mentions: &[(Range<usize>, usize)],
    language: &str,
) -> Option<SpeakerPhrase> {
    let text = reading.text;
    let all = reading.words(sentence.clone());
    let is_verb = |i: usize| -> Option<Verb> {
        let w = &text[all[i].clone()];
        // Verbs are written in lower case; "Said" opens only a sentence.
        if w.chars().next().is_some_and(char::is_uppercase) && i > 0 {
            return None;
        }
        // "As Gaiman put it, “…”", "Benioff weighed in".
        let next = all.get(i + 1).map(|n| &text[n.clone()]);
        if w == "put" && next == Some("it") || w == "weighed" && next == Some("in") {
            return Some(Verb::Said);
        }
        // Nearly every word is no verb: one lookup, lowered on the stack, decides.
        let found = names::lowered(w, |l| verbs::verb(l, language))?;
        names::lowered(w, |lower| match lower {
            // "по словам X", "за словами X".
            "словам" | "словами" => {
                (i > 0 && matches!(text[all[i - 1].clone()].to_lowercase().as_str(), "по" | "за")).then_some(found)
            }
            // German "so" names its speaker only right after the quotation: "„…“, so Merkel".
            "so" => (all[i].start >= quote.end && all[..i].iter().all(|w| w.end <= quote.start)).then_some(found),
            _ => Some(found),
        })
    };
    let opens_sentence = quote.start <= sentence.start || reading.blank(sentence.start..quote.start);
    let mut verbs_after = (0..all.len())
        .filter(|&i| all[i].start >= quote.end)
        .filter_map(|i| is_verb(i).map(|verb| Found { at: i, verb }));
    let after = verbs_after.next();
    let second_after = verbs_after.next();
    let before = (0..all.len())
        .rev()
        .filter(|&i| all[i].end <= quote.start)
        .find_map(|i| is_verb(i).map(|verb| Found { at: i, verb }));
    // A quotation that opens its sentence is attributed after it, any other before it,
    // unless it ends in a comma that hands over to its attribution ("That being said,
    // “people … out,” he said").
    let hands_over = text[..quote.end].trim_end_matches(['”', '"', '’', '\'', '»', '“', ' ']).ends_with(',');
    let found = if opens_sentence || hands_over && after.is_some() { after.or(before) } else { before.or(after) };
    // "“…” announced in October, said Derek Scissors": a verb after the quotation that names
    // no one gives way to the next.
    let found_after = found.as_ref().is_some_and(|f| all[f.at].start >= quote.end);
    if let (true, Some(second)) = (found_after, second_after) {
        let first = found.as_ref().expect("found");
        let speaker = attribute_at(reading, all, first, &quote, sentence.clone(), mentions);
        // The second verb's speaker stands after the clause the first one opened.
        let clause_end = (all[first.at].end..all[second.at].start)
            .rev()
            .find(|&b| text.is_char_boundary(b) && reading.boundary(b..all[second.at].start))
            .map_or(all[first.at].end, |b| b + 1);
        let rest = quote.start..clause_end.max(quote.end);
        return speaker.or_else(|| attribute_at(reading, all, &second, &rest, sentence, mentions));
    }
    let Some(found) = found else {
        // "“…” — Neil Gaiman": a name after a dash signs the quotation.
        if !quote.is_empty() && quote.end <= all.first().map_or(sentence.end, |w| w.start) {
            return signature(reading, quote.end.max(sentence.start)..sentence.end, mentions);
        }
        // "Nadler put it bluntly: “…”": a clause leading in with a colon speaks.
        let colon = quote.start > sentence.start && text[sentence.start..quote.start].trim_end().ends_with(':');
        if !colon {
            return None;
        }
        // "Swift has a new deal, and The Carlyle Group will be left to wonder: “…”": the
        // clause joined last has a subject of its own.
        let before: Vec<usize> = (0..all.len()).filter(|&i| all[i].end <= quote.start).collect();
        if let Some(last) = clauses(reading, all, &before).pop()
            && last.len() > 2
            && matches!(&text[all[last[0]].clone()], "and" | "but")
        {
            return subject(reading, all, all[last[1]].start, quote.start, mentions);
        }
        return subject(reading, all, sentence.start, quote.start, mentions);
    };
    attribute_at(reading, all, &found, &quote, sentence, mentions)
}

/// The speaker the speech word `found` names for the quotation at `quote`.
fn attribute_at(
    reading: &Reading,
    all: &[Range<usize>],
    found: &Found,
    quote: &Range<usize>,
    sentence: Range<usize>,
    mentions: &[(Range<usize>, usize)],
) -> Option<SpeakerPhrase> {
    let text = reading.text;
    let at = found.at;
    match found.verb {
        Verb::According => {
            let from =
                if all.get(at + 1).is_some_and(|w| matches!(&text[w.clone()], "to" | "of")) { at + 2 } else { at + 1 };
            phrase::forward(reading, all, from, sentence.end, mentions)
        }
        _ if all[at].start >= quote.end => after_quotation(reading, all, at, quote.end, sentence.end, mentions),
        // "…, writing:" speaks for the clause's subject; "Putin was quoted as saying" for
        // the words before it.
        Verb::Participle if at > 0 && reading.boundary(all[at - 1].end..all[at].start) => {
            subject(reading, all, sentence.start, all[at].start, mentions)
        }
        Verb::Participle => backward(reading, all, at, mentions),
        Verb::Said => backward(reading, all, at, mentions),
    }
}

/// The name signing a quotation that `sentence` follows: "— Neil Gaiman", "– Man**".
pub(crate) fn signature(
    reading: &Reading,
    sentence: Range<usize>,
    mentions: &[(Range<usize>, usize)],
) -> Option<SpeakerPhrase> {
    let text = reading.text;
    let all = reading.words(sentence.clone());
    let first = all.first()?;
    let dash = text[sentence.start..first.start].trim();
    let signed = dash.starts_with(['—', '–']) && dash.chars().all(|c| matches!(c, '—' | '–' | '-'));
    if !signed || all.len() > 6 {
        return None;
    }
    let found = phrase::forward(reading, all, 0, sentence.end, mentions);
    found.filter(|f| matches!(f, SpeakerPhrase::Named(..) | SpeakerPhrase::Entity(..)))
}

/// The speaker of a verb after the quotation: the words between them ("“…,” Tapper said"),
/// or those after the verb when none stand between ("“…,” said Alden, author of …").
fn after_quotation(
    reading: &Reading,
    all: &[Range<usize>],
    verb: usize,
    quote_end: usize,
    end: usize,
    mentions: &[(Range<usize>, usize)],
) -> Option<SpeakerPhrase> {
    let text = reading.text;
    let mut gap: Vec<usize> = (0..verb).filter(|&i| all[i].start >= quote_end).collect();
    while gap.last().is_some_and(|&i| verbs::auxiliary(&text[all[i].clone()])) {
        gap.pop();
    }
    if gap.is_empty() {
        return phrase::forward(reading, all, verb + 1, end, mentions);
    }
    speaker_of_clauses(reading, all, clauses(reading, all, &gap), mentions).or_else(|| {
        // "Computers have seen impacts, too, said Mary E. Lovely": the speaker follows.
        let last = *gap.last().expect("the gap has words");
        reading
            .boundary(all[last].end..all[verb].start)
            .then(|| phrase::forward(reading, all, verb + 1, end, mentions))
            .flatten()
    })
}

/// The speaker among the clauses before a verb. A name standing alone as the first clause
/// speaks, the clauses after it describing it ("Jessica Caldwell, Edmunds' executive director
/// of industry analysis, said"); otherwise the phrase next to the verb does ("to fight
/// terrorism, Kerry said"). Adverbials ("speaking on condition of anonymity") are skipped.
fn speaker_of_clauses(
    reading: &Reading,
    all: &[Range<usize>],
    clauses: Vec<Vec<usize>>,
    mentions: &[(Range<usize>, usize)],
) -> Option<SpeakerPhrase> {
    let text = reading.text;
    let clauses: Vec<Vec<usize>> = clauses.into_iter().filter(|c| !phrase::is_adverbial(text, all, c)).collect();
    let first = clauses.first()?;
    // The first clause is a noun phrase, perhaps with a place ("one user on Weibo", "Robin
    // Biesbroek of the CDF"), not a clause of its own.
    let np = phrase::leading(text, all, first);
    let prepositional = |i: usize| matches!(&text[all[i].clone()], "on" | "in" | "at" | "of" | "for" | "from" | "with");
    if !np.is_empty() && (np.len() == first.len() || prepositional(first[np.len()])) {
        let rest: Vec<usize> = clauses[1..].concat();
        let described = (!rest.is_empty()).then_some(rest.as_slice());
        if let Some(found) = phrase::classify(reading, all, &np, described, mentions) {
            return Some(found);
        }
    }
    let last = clauses.last()?;
    phrase::classify(reading, all, last, None, mentions)
}

/// The speaker before a verb that precedes the quotation: "Brazile said in a statement: “…”",
/// "Nadler, a Democrat from New York, said: “…”".
fn backward(
    reading: &Reading,
    all: &[Range<usize>],
    verb: usize,
    mentions: &[(Range<usize>, usize)],
) -> Option<SpeakerPhrase> {
    let text = reading.text;
    let mut last = verb.checked_sub(1)?;
    while verbs::auxiliary(&text[all[last].clone()]) {
        last = last.checked_sub(1)?;
    }
    // "Van Der Beek touched upon the idea and noted there should be “…”": a second verb
    // speaks for the sentence's subject.
    if text[all[last].clone()].eq_ignore_ascii_case("and") && last > 0 {
        return subject(reading, all, all[0].start, all[last].start, mentions)
            .filter(|found| !matches!(found, SpeakerPhrase::Text(_)));
    }
    // The clauses before the verb, nearest last.
    let mut from = last;
    while from > 0 && !reading.boundary(all[from - 1].end..all[from].start) {
        from -= 1;
    }
    let nearest: Vec<usize> = (from..=last).collect();
    // "the Electoral Commission, which regulates campaign finances, issued a statement
    // warning that “…”": the statement's author is the subject before its verb.
    let issued = matches!(
        text[all[from].clone()].to_lowercase().as_str(),
        "issued" | "released" | "sent" | "posted" | "published" | "put" | "wrote" | "tweeted"
    );
    if issued && from > 0 && reading.boundary(all[from - 1].end..all[from].start) {
        let before: Vec<usize> = (0..from).collect();
        return speaker_of_clauses(reading, all, clauses(reading, all, &before), mentions);
    }
    if !reading.boundary(all[last].end..all[verb].start) {
        // "The authors of the research published in the journal JAMA Psychiatry argued":
        // a described subject followed by more words is the speaker, not the last name.
        let np = phrase::leading(text, all, &nearest);
        let described_subject =
            np.first().is_some_and(|&i| matches!(text[all[i].clone()].to_lowercase().as_str(), "the" | "a" | "an"))
                && np.len() < nearest.len();
        let words = if described_subject { &np } else { &nearest };
        return phrase::classify(reading, all, words, None, mentions);
    }
    // "Nadler, who chairs the committee, said": the clauses back to the sentence's start.
    let before: Vec<usize> = (0..=last).collect();
    speaker_of_clauses(reading, all, clauses(reading, all, &before), mentions)
}

/// Who reports speech in `sentence` without quoting it: "Erekat said it was only the latest
/// move", "It isn’t clear which came first, Howitt says".
pub(crate) fn reported(
    reading: &Reading,
    sentence: Range<usize>,
    mentions: &[(Range<usize>, usize)],
    language: &str,
) -> Option<SpeakerPhrase> {
    let end = sentence.end..sentence.end;
    let start = sentence.start..sentence.start;
    speaker(reading, sentence.clone(), end, mentions, language)
        .or_else(|| speaker(reading, sentence, start, mentions, language))
}

/// The subject of `sentence` of `reading` when it opens with a name: the person a sentence
/// like "Jerry Nadler, the committee's chairman, opened the hearing" is about.
pub(crate) fn subject_of(
    reading: &Reading,
    sentence: Range<usize>,
    mentions: &[(Range<usize>, usize)],
) -> Option<SpeakerPhrase> {
    let all = reading.words(sentence.clone());
    subject(reading, all, sentence.start, sentence.end, mentions)
}

/// The words of `gap` cut into clauses at boundaries.
fn clauses(reading: &Reading, all: &[Range<usize>], gap: &[usize]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for &i in gap {
        let new = out.last().and_then(|c| c.last()).is_none_or(|&p| reading.boundary(all[p].end..all[i].start));
        if new {
            out.push(Vec::new());
        }
        out.last_mut().expect("a clause was pushed").push(i);
    }
    out
}

/// The subject of the clause running from `start` to `end`: its first noun phrase, after any
/// leading adverbial ("On Tuesday, the newspaper took note of …").
fn subject(
    reading: &Reading,
    all: &[Range<usize>],
    start: usize,
    end: usize,
    mentions: &[(Range<usize>, usize)],
) -> Option<SpeakerPhrase> {
    let inside: Vec<usize> = (0..all.len()).filter(|&i| all[i].start >= start && all[i].end <= end).collect();
    let clauses = clauses(reading, all, &inside);
    let clause = clauses.iter().find(|c| !phrase::is_adverbial(reading.text, all, c))?;
    let head = phrase::leading(reading.text, all, clause);
    if head.is_empty() {
        return None;
    }
    phrase::classify(reading, all, &head, None, mentions)
}

#[cfg(test)]
mod tests;
