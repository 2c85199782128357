//! The noun phrase of an attribution and what it names: a catalogue entity, a named person
//! or body, a pronoun, or a description ("a senior US official", "the report").

use std::ops::Range;
use std::sync::LazyLock;

use super::names::{self, WordSet};
use super::quotation::NamedSpeaker;
use super::reading::Reading;

/// A speaker as the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SpeakerPhrase {
    /// A catalogue entity, with the words naming it.
    Entity(usize, String),
    /// A person (or a body named like one) outside the catalogue, with the words naming them.
    Named(NamedSpeaker, String),
    /// "he" or "she", to resolve from the context.
    Pronoun(String),
    /// A description, a document or a body, as written: "a senior US official".
    Text(String),
}

/// Words that open a described speaker: "a senior official", "the report", "one resident".
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "one", "two", "three", "four", "five", "several", "some", "many", "most", "few", "other",
    "another", "his", "her", "their", "its", "this", "that", "these", "those", "both", "each", "every", "all",
    "senior", "officials", "court", "police",
];

/// Words that end a phrase read forward: "said Jones on Tuesday", "a senior official in Kabul".
#[rustfmt::skip]
const STOPS: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "when", "while", "as", "that", "who", "which", "because", "to",
    "with", "and", "but", "by", "about", "via", "told", "said", "says", "adding", "saying", "than", "if", "since",
    "until", "last", "this", "on", "into", "over", "under", "through", "earlier", "later", "yesterday", "today",
    "tonight", "recently", "previously", "again", "also", "then", "now", "here", "there", "is", "was", "were", "are",
    "has", "had", "have", "will", "would", "can", "could", "may", "might", "should", "must", "did", "does",
];

/// Pronouns a speaker may be given as, in several languages.
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "er", "sie", "il", "elle", "él", "ella", "lui", "lei", "ele", "ela", "он", "она",
    "він", "вона", "dia", "beliau",
];

/// Words that open a clause which is not the speaker: "On Tuesday, …", "In a statement, …".
#[rustfmt::skip]
const ADVERBIAL: &[&str] = &[
    "in", "on", "at", "during", "after", "before", "when", "while", "as", "speaking", "asked", "writing", "since",
    "last", "earlier", "later", "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "however", "meanwhile", "still", "instead", "then", "now", "but", "and", "so",
    "also", "again", "for", "from", "with", "without", "according", "if", "although", "though", "because",
    "following", "amid", "despite", "given", "unlike", "like", "once", "until", "upon", "under", "over", "ahead",
    "prior", "across", "inside", "outside", "beyond", "throughout", "toward", "towards", "against", "behind", "near",
    "around", "within", "besides", "thanks", "due",
];

/// Verbs that end a subject read forward: "The newspaper took note".
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "took", "made", "gave", "put", "called", "published", "ran", "issued", "released", "sent", "shared", "came",
    "went", "got", "did", "does", "kept", "left", "cited", "pointed", "reacted", "echoed", "struck", "weighed",
    "summed", "doubled", "defended", "slammed", "blasted", "criticized", "criticised", "praised", "expressed",
    "welcomed", "rejected", "dismissed", "sees", "saw", "thinks", "thought", "believes", "believed", "feels", "felt",
    "knows", "knew", "wants", "wanted", "hopes", "hoped", "seems", "seemed", "appears", "appeared",
];

/// A verb (of speech or not) that a subject stops before.
fn is_verb(lower: &str) -> bool {
    VERB_SET.contains(lower) || super::verbs::verb(lower, "en").is_some()
}

fn word<'t>(text: &'t str, all: &[Range<usize>], i: usize) -> &'t str {
    &text[all[i].clone()]
}

static STOP_SET: LazyLock<WordSet> = LazyLock::new(|| names::set(STOPS));
static DETERMINER_SET: LazyLock<WordSet> = LazyLock::new(|| names::set(DETERMINERS));
static PRONOUN_SET: LazyLock<WordSet> = LazyLock::new(|| names::set(PRONOUNS));
static ADVERBIAL_SET: LazyLock<WordSet> = LazyLock::new(|| names::set(ADVERBIAL));
static VERB_SET: LazyLock<WordSet> = LazyLock::new(|| names::set(VERBS));

/// Whether a word (as written) ends a phrase read forward: "in", "said", "when".
fn is_stop(word: &str) -> bool {
    names::listed(&STOP_SET, word)
}

/// Whether a word (as written) opens a described speaker: "a", "the", "one".
fn is_determiner(word: &str) -> bool {
    names::listed(&DETERMINER_SET, word)
}

fn lower_of(text: &str, all: &[Range<usize>], i: usize) -> String {
    word(text, all, i).to_lowercase()
}

/// Whether a clause is an adverbial rather than a speaker: "On Tuesday", "in a statement".
pub(crate) fn is_adverbial(text: &str, all: &[Range<usize>], clause: &[usize]) -> bool {
    clause.first().is_none_or(|&i| {
        let lower = lower_of(text, all, i);
        // "Following a performance of …", "Asked about it": a participle opens it.
        // "On July 27, 2006, he emailed Gaiman": a year alone goes with the date before it.
        let year = clause.len() == 1 && lower.bytes().all(|b| b.is_ascii_digit());
        year || ADVERBIAL_SET.contains(lower.as_str())
            || clause.len() > 1 && (lower.ends_with("ing") || lower == "asked")
    })
}

/// Whether a clause describes the speaker named before it: "a Democrat from New York",
/// "who chairs the committee", "author of the book".
pub(crate) fn is_apposition(text: &str, all: &[Range<usize>], clause: &[usize]) -> bool {
    let Some(&first) = clause.first() else { return false };
    let lower = word(text, all, first).to_lowercase();
    !ADVERBIAL_SET.contains(lower.as_str())
        && !PRONOUN_SET.contains(lower.as_str())
        && !matches!(lower.as_str(), "adding" | "saying" | "and" | "but" | "or")
        && !is_verb(&lower)
}

/// The name-like run opening `words`: capitalised words, particles, and role words before a
/// capitalised one ("Kremlin spokesman Dmitry Peskov").
fn name_run(text: &str, all: &[Range<usize>], words: &[usize]) -> usize {
    let capital = |i: usize| {
        let w = word(text, all, words[i]);
        names::capitalised(w) && !is_determiner(w)
    };
    let mut n = 0;
    while n < words.len() {
        let w = word(text, all, words[n]);
        let inside = capital(n)
            || names::is_particle(w) && n > 0 && n + 1 < words.len() && capital(n + 1)
            || names::is_role(w) && (n + 1..words.len()).take(3).any(capital);
        if !inside {
            break;
        }
        n += 1;
    }
    n
}

/// The noun phrase opening `words`: a name with its titles, or a determiner and what it
/// governs up to a stop word ("a senior official in Kabul" gives "a senior official").
pub(crate) fn leading(text: &str, all: &[Range<usize>], words: &[usize]) -> Vec<usize> {
    let skip = words
        .iter()
        .take_while(|&&i| {
            names::capitalised(word(text, all, i)) && names::is_opener(word(text, all, i)) && words.len() > 1
        })
        .count();
    let words = &words[skip..];
    let Some(&first) = words.first() else { return Vec::new() };
    // "announced in October": a preposition opens no speaker.
    let written = word(text, all, first);
    if !names::capitalised(written) && STOPS.contains(&written) || names::is_opener(written) && words.len() == 1 {
        return Vec::new();
    }
    let run = name_run(text, all, words);
    if run > 0 {
        return words[..run].to_vec();
    }
    let lower = lower_of(text, all, first);
    // "he emailed Gaiman": a pronoun is a whole phrase.
    if PRONOUN_SET.contains(lower.as_str()) {
        return vec![first];
    }
    // "veteran industry analyst Ken Doctor": lower-case words before a name.
    let stop = |i: usize| is_stop(word(text, all, i));
    if let Some(k) =
        (1..words.len().min(5)).take_while(|&k| !stop(words[k])).find(|&k| name_run(text, all, &words[k..]) > 0)
    {
        let end = k + name_run(text, all, &words[k..]);
        // The name ends the phrase ("analyst Ken Doctor", not "a WeWork spokesperson").
        let ends = end == words.len() || stop(words[end]);
        // "he emailed Gaiman" is a clause, not a description of Gaiman.
        let lower_before = words[..k].iter().all(|&i| {
            let w = lower_of(text, all, i);
            !names::capitalised(word(text, all, i))
                && !is_verb(&w)
                && !w.ends_with("ed")
                && !PRONOUN_SET.contains(w.as_str())
        });
        if ends && lower_before && !is_determiner(&lower) {
            return words[..end].to_vec();
        }
    }
    let limit = if is_determiner(&lower) { 10 } else { 3 };
    let ends = |k: usize, i: usize| {
        let w = lower_of(text, all, i);
        STOP_SET.contains(w.as_str()) || is_verb(&w) || k >= 2 && w.ends_with("ed")
    };
    let n = 1 + words[1..].iter().enumerate().take(limit - 1).take_while(|&(k, &i)| !ends(k + 1, i)).count();
    words[..n].to_vec()
}

/// The noun phrase ending `words`: a name with its titles, or back to a determiner ("Asked
/// about it the minister" gives "the minister").
pub(crate) fn trailing(text: &str, all: &[Range<usize>], words: &[usize]) -> Vec<usize> {
    let Some(&last) = words.last() else { return Vec::new() };
    let capital = |i: usize| names::capitalised(word(text, all, i));
    let mut from = words.len() - 1;
    if capital(last) {
        while from > 0 && {
            let w = word(text, all, words[from - 1]);
            capital(words[from - 1]) && !names::is_opener(w) || names::is_particle(w) || names::is_role(w)
        } {
            from -= 1;
        }
        if from > 0 && matches!(lower_of(text, all, words[from - 1]).as_str(), "the" | "a" | "an") {
            from -= 1;
        }
    } else if let Some(d) = {
        // Back past "of" to the first determiner: "The authors of the research".
        let is_det = |k: usize| {
            matches!(
                lower_of(text, all, words[k]).as_str(),
                "a" | "an" | "the" | "one" | "two" | "three" | "several" | "some" | "his" | "her" | "their" | "its"
            )
        };
        let floor = (from.saturating_sub(7)..words.len())
            .rev()
            .find(|&k| is_stop(word(text, all, words[k])))
            .map_or(from.saturating_sub(7), |k| k + 1);
        (floor..words.len()).find(|&k| is_det(k))
    } {
        from = d;
    } else {
        while from > 0
            && words.len() - from < 3
            && !is_stop(word(text, all, words[from - 1]))
            && !names::is_opener(word(text, all, words[from - 1]))
        {
            from -= 1;
        }
    }
    words[from..].to_vec()
}

/// The phrase read forward from word `from` to the clause's end, and the apposition after
/// it: "said Rep. Jerry Nadler, a Democrat from New York".
pub(crate) fn forward(
    reading: &Reading,
    all: &[Range<usize>],
    from: usize,
    end: usize,
    mentions: &[(Range<usize>, usize)],
) -> Option<SpeakerPhrase> {
    let clause = |from: usize| -> Vec<usize> {
        let mut out = Vec::new();
        for i in from..all.len() {
            if all[i].start > end || i > from && reading.boundary(all[i - 1].end..all[i].start) {
                break;
            }
            out.push(i);
        }
        out
    };
    let first = clause(from);
    let np = leading(reading.text, all, &first);
    let next = first.last().map(|&l| clause(l + 1)).filter(|c| !c.is_empty() && np.len() == first.len());
    classify(reading, all, &np, next.as_deref(), mentions)
}

/// What the phrase of `words` names, with `described` the clause that may describe it.
pub(crate) fn classify(
    reading: &Reading,
    all: &[Range<usize>],
    words: &[usize],
    described: Option<&[usize]>,
    mentions: &[(Range<usize>, usize)],
) -> Option<SpeakerPhrase> {
    let text = reading.text;
    let trimmed = leading_trimmed(text, all, words);
    // "Paganini and his team wrote": the first of two speakers, when named.
    let possessive = |i: usize| matches!(lower_of(text, all, i).as_str(), "his" | "her" | "their" | "its");
    if let Some(and) = trimmed
        .iter()
        .position(|&i| word(text, all, i) == "and")
        .filter(|&a| a > 0 && trimmed.get(a + 1).is_some_and(|&n| possessive(n)))
    {
        let first = classify(reading, all, &trimmed[..and], None, mentions);
        if matches!(first, Some(SpeakerPhrase::Named(..) | SpeakerPhrase::Entity(..))) {
            return first;
        }
    }
    // "a spokesperson for the British Foreign Office": a described speaker is the phrase
    // opening with the determiner, not the name its preposition leads to.
    let opening = leading(text, all, &trimmed);
    let determined =
        trimmed.first().is_some_and(|&i| matches!(lower_of(text, all, i).as_str(), "a" | "an" | "the" | "one"));
    let words = if determined && !opening.is_empty() && opening.len() < trimmed.len() {
        trailing(text, all, &opening)
    } else {
        trailing(text, all, &trimmed)
    };
    let (&first, &last) = (words.first()?, words.last()?);
    let range = all[first].start..all[last].end;
    let written = text[range.clone()].to_string();
    if words.len() == 1 && names::listed(&PRONOUN_SET, &written) {
        return Some(SpeakerPhrase::Pronoun(written));
    }
    // An entity speaks when its mention ends the phrase: the head of the noun phrase.
    let head =
        mentions.iter().filter(|(r, _)| r.start >= range.start && r.end == range.end).min_by_key(|(r, _)| r.start);
    if let Some(&(_, entity)) = head {
        return Some(SpeakerPhrase::Entity(entity, written));
    }
    let ws: Vec<&str> = words.iter().map(|&i| word(text, all, i)).collect();
    // A one-word name that is also a role ("says Doctor"): the caller checks the source
    // names someone so.
    if let [only] = ws[..]
        && names::capitalised(only)
        && !names::possessive(only)
        && !names::is_opener(only)
        && names::split_name(&ws).is_none()
        && !is_determiner(only)
    {
        let named = NamedSpeaker { name: only.to_string(), title: None, description: None };
        return Some(SpeakerPhrase::Named(named, written));
    }
    if let Some(parts) = names::split_name(&ws) {
        if parts.body || parts.name_to - parts.name_from > 5 {
            return Some(SpeakerPhrase::Text(written));
        }
        let end = all[words[parts.name_to - 1]].end;
        let name = text[all[words[parts.name_from]].start..end].to_string();
        let title = (parts.title_from < parts.name_from).then(|| {
            let end = all[words[parts.name_from - 1]].end;
            let end = if text[end..].starts_with('.') { end + 1 } else { end };
            text[all[words[parts.title_from]].start..end].to_string()
        });
        let description = described
            .filter(|c| is_apposition(text, all, c))
            .map(|c| text[all[c[0]].start..all[*c.last().expect("a clause has words")].end].to_string());
        let written = text[all[words[parts.title_from]].start..end].to_string();
        return Some(SpeakerPhrase::Named(NamedSpeaker { name, title, description }, written));
    }
    let first_word = ws[0].to_lowercase();
    // "Ford’s now-deceased father": a possessive determines like "the".
    let determined = is_determiner(&first_word) || names::possessive(ws[0]) && ws.len() <= 4;
    let described_speaker = determined && (2..=10).contains(&ws.len())
        || ws.len() <= 3
            && ws.iter().all(|w| !names::capitalised(w))
            && ws.last().is_some_and(|w| {
                // A plural ("analysts"), not an adverb or a pronoun ("always", "this").
                w.ends_with('s') && !corpus::is_stop_word_in(w, "en") || matches!(*w, "police" | "staff" | "people")
            });
    if !described_speaker {
        return None;
    }
    // "according to his aunt, Jane Starner,": a name in apposition to a description is the
    // speaker's, and the description describes them.
    if let Some(clause) = described {
        let ws: Vec<&str> = clause.iter().map(|&i| word(text, all, i)).collect();
        let full = ws.iter().all(|w| names::capitalised(w))
            && names::split_name(&ws).is_some_and(|p| !p.body && p.name_from == 0 && (2..=4).contains(&p.name_to));
        if full && ws.len() <= 4 {
            let name = text[all[clause[0]].start..all[*clause.last().expect("a clause has words")].end].to_string();
            let named = NamedSpeaker { name: name.clone(), title: None, description: Some(written) };
            return Some(SpeakerPhrase::Named(named, name));
        }
    }
    Some(SpeakerPhrase::Text(written))
}

/// `words` without the conjunctions and adverbs that open a sentence ("But", "Later").
fn leading_trimmed(text: &str, all: &[Range<usize>], words: &[usize]) -> Vec<usize> {
    let skip = words
        .iter()
        .take_while(|&&i| {
            names::is_opener(word(text, all, i)) || matches!(lower_of(text, all, i).as_str(), "and" | "but")
        })
        .count();
    words[skip.min(words.len().saturating_sub(1))..].to_vec()
}
