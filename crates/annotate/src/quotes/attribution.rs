//! Who said it: the speaker phrase next to a speech verb in a quotation's sentence.
//!
//! The verb nearest the quotation wins: after it ("“…,” Putin said", "“…,” said a senior
//! western diplomat") when the quotation opens its sentence, otherwise before it ("Putin
//! said Ankara and Moscow “…”", "Mr Lavrov told Mr Kerry …: “…”"). The speaker is the noun
//! phrase beside the verb, within its clause: an entity when a catalogue mention ends the
//! phrase ("Kremlin spokesman Dmitry Peskov"), a pronoun ("he") for the caller to resolve,
//! or the words as written ("a senior US official", where "US" is not the head).

use std::ops::Range;

/// Speech verbs, and "according to".
const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "warned",
    "warns",
    "insisted",
    "insists",
    "urged",
    "urges",
    "stressed",
    "stresses",
    "noted",
    "notes",
    "asked",
    "asks",
    "declared",
    "explained",
    "recalled",
    "commented",
    "argued",
    "continued",
    "wrote",
    "replied",
    "answered",
    "acknowledged",
    "admitted",
    "claimed",
    "complained",
    "conceded",
    "cautioned",
    "suggested",
    "announced",
    "according",
];

/// Words that may stand between a speaker and the verb: "Mr Kerry had said".
const AUXILIARIES: &[&str] = &["had", "has", "have", "was", "is", "would", "will", "also", "then", "later", "earlier"];

/// A speaker as the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpeakerPhrase {
    /// A catalogue entity, with the words naming it.
    Entity(usize, String),
    /// "he" or "she", to resolve from the context.
    Pronoun(String),
    /// A speaker outside the catalogue, as written.
    Text(String),
}

/// Words (letters, digits, inner hyphens and apostrophes) with byte ranges, in `text`.
fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let inner = matches!(c, '-' | '\'' | '’' | '.')
            && start.is_some()
            && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || inner {
            start.get_or_insert(at);
        } else if let Some(s) = start.take() {
            out.push(s..at);
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// A clause boundary between two words: punctuation other than inner apostrophes.
fn boundary_between(text: &str) -> bool {
    text.contains([',', ';', ':', '.', '(', ')', '—', '–', '“', '”', '"'])
}

/// Finds the speaker of the quotation at `quote` (its range with marks) in `sentence`, a
/// range of `text` in which `masked` ranges (every quotation) are not read. `mentions` are
/// the block's entity mentions.
pub fn speaker(
    text: &str,
    sentence: Range<usize>,
    quote: Range<usize>,
    masked: &[Range<usize>],
    mentions: &[(Range<usize>, usize)],
) -> Option<SpeakerPhrase> {
    let visible = |r: &Range<usize>| !masked.iter().any(|m| m.start < r.end && r.start < m.end);
    let all: Vec<Range<usize>> = words(&text[sentence.clone()])
        .into_iter()
        .map(|r| r.start + sentence.start..r.end + sentence.start)
        .filter(|r| visible(r))
        .collect();
    let is_verb = |r: &Range<usize>| VERBS.contains(&text[r.clone()].to_lowercase().as_str());
    // A quotation running on from an earlier sentence counts as opening this one.
    let opens_sentence = quote.start <= sentence.start || text[sentence.start..quote.start].trim().is_empty();
    let after = all.iter().position(|r| r.start >= quote.end && is_verb(r));
    let before = all.iter().rposition(|r| r.end <= quote.start && is_verb(r));
    // A quotation that opens its sentence is attributed after it, any other before it.
    let verb = if opens_sentence { after.or(before) } else { before.or(after) }?;
    let verb_word = &text[all[verb].clone()];
    let according = verb_word.eq_ignore_ascii_case("according");
    // The noun phrase: between the quotation and a following verb, or before a verb that
    // precedes the quotation, back to the clause boundary; after the verb otherwise.
    let phrase: Range<usize> = if according {
        forward_phrase(text, &all, verb + 1, sentence.end)?
    } else if all[verb].start >= quote.end {
        let gap_start = quote.end;
        let gap = &text[gap_start..all[verb].start];
        let clause_start = gap.rfind([',', ';', ':']).map_or(gap_start, |i| gap_start + i + 1);
        let np = text[clause_start..all[verb].start].trim();
        if np.is_empty() {
            forward_phrase(text, &all, verb + 1, sentence.end)?
        } else {
            let start = clause_start + text[clause_start..].find(np).unwrap_or(0);
            start..start + np.len()
        }
    } else {
        backward_phrase(text, &all, verb)?
    };
    resolve(text, phrase, mentions)
}

/// Words after `from` up to a clause boundary: "said a senior western diplomat."
fn forward_phrase(text: &str, all: &[Range<usize>], from: usize, end: usize) -> Option<Range<usize>> {
    let first = all.get(from)?;
    let mut last = first.clone();
    for (i, w) in all.iter().enumerate().skip(from + 1) {
        if w.start > end || boundary_between(&text[all[i - 1].end..w.start]) {
            break;
        }
        last = w.clone();
    }
    Some(first.start..last.end)
}

/// Words before the verb at `verb` back to a clause boundary, without auxiliaries.
fn backward_phrase(text: &str, all: &[Range<usize>], verb: usize) -> Option<Range<usize>> {
    let mut last = verb.checked_sub(1)?;
    while AUXILIARIES.contains(&text[all[last].clone()].to_lowercase().as_str()) {
        last = last.checked_sub(1)?;
    }
    if boundary_between(&text[all[last].end..all[verb].start]) && last + 1 == verb {
        return None;
    }
    let mut first = last;
    while first > 0 && !boundary_between(&text[all[first - 1].end..all[first].start]) {
        first -= 1;
    }
    Some(all[first].start..all[last].end)
}

/// The speaker a phrase names.
fn resolve(text: &str, phrase: Range<usize>, mentions: &[(Range<usize>, usize)]) -> Option<SpeakerPhrase> {
    let words_in = words(&text[phrase.clone()]).len();
    let written = text[phrase.clone()].to_string();
    if matches!(written.to_lowercase().as_str(), "he" | "she") {
        return Some(SpeakerPhrase::Pronoun(written));
    }
    // An entity speaks when its mention ends the phrase: the head of the noun phrase.
    let head =
        mentions.iter().filter(|(r, _)| r.start >= phrase.start && r.end == phrase.end).min_by_key(|(r, _)| r.start);
    if let Some(&(_, entity)) = head {
        return Some(SpeakerPhrase::Entity(entity, written));
    }
    let first = written.split_whitespace().next().unwrap_or("").to_lowercase();
    let described =
        ["a", "an", "the", "one", "two", "three", "several", "some", "senior", "officials"].contains(&first.as_str());
    (described && (2..=8).contains(&words_in)).then_some(SpeakerPhrase::Text(written))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::marks::quoted_spans;

    /// The speaker of the first quotation of a one-sentence text; `names` are (words, entity).
    fn speaker_of(text: &str, names: &[(&str, usize)]) -> Option<SpeakerPhrase> {
        let spans = quoted_spans(text);
        let masked: Vec<Range<usize>> = spans.iter().map(|s| s.outer.clone()).collect();
        let mentions: Vec<(Range<usize>, usize)> = names
            .iter()
            .map(|&(name, e)| {
                let at = text.find(name).unwrap();
                (at..at + name.len(), e)
            })
            .collect();
        let last = spans.iter().rfind(|s| s.inner.len() > 20).unwrap_or(&spans[0]);
        speaker(text, 0..text.len(), last.outer.clone(), &masked, &mentions)
    }

    #[test]
    fn finds_speakers_before_and_after_the_verb() {
        let putin = [("Putin", 1)];
        assert_eq!(
            speaker_of("“The talks are very difficult,” Putin said.", &putin),
            Some(SpeakerPhrase::Entity(1, "Putin".into()))
        );
        assert_eq!(
            speaker_of("“It seems ambitious,” said a senior western diplomat.", &[]),
            Some(SpeakerPhrase::Text("a senior western diplomat".into()))
        );
        assert_eq!(
            speaker_of(
                "“We are seeking with you solutions,” Mr Putin told Mr Kerry, before talks.",
                &[("Mr Putin", 1), ("Mr Kerry", 2)]
            ),
            Some(SpeakerPhrase::Entity(1, "Mr Putin".into()))
        );
        assert_eq!(
            speaker_of(
                "Asked about Turkey, Putin said Ankara and Moscow “have a mutual desire to come to an agreement about it.”",
                &putin
            ),
            Some(SpeakerPhrase::Entity(1, "Putin".into()))
        );
        assert_eq!(
            speaker_of(
                "\"And I think people all over the world are waiting\" to fight terrorism, Kerry said.",
                &[("Kerry", 2)]
            ),
            Some(SpeakerPhrase::Entity(2, "Kerry".into()))
        );
    }

    #[test]
    fn keeps_unnamed_speakers_as_written_and_pronouns_for_later() {
        assert_eq!(
            speaker_of("“We need a solution to this,” a senior US official said.", &[("US", 3)]),
            Some(SpeakerPhrase::Text("a senior US official".into()))
        );
        assert_eq!(
            speaker_of("“Hopefully, we will make progress,” he said.", &[]),
            Some(SpeakerPhrase::Pronoun("he".into()))
        );
        assert_eq!(
            speaker_of("Earlier, Mr Kerry had said: “I think the world benefits from this.”", &[("Mr Kerry", 2)]),
            Some(SpeakerPhrase::Entity(2, "Mr Kerry".into()))
        );
        assert_eq!(speaker_of("“Where do you see elements of democracy in Libya?”", &[]), None);
    }
}
