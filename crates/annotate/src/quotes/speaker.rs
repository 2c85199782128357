//! Who a phrase names, as far as the source tells: a catalogue entity, a named person (a
//! one-word name resolved to the full name the source gives), a description, or the person
//! or body a pronoun stands for.

use std::ops::Range;

use corpus::Corpus;

use super::names;
use super::people::{self, People};
use super::phrase::SpeakerPhrase;
use super::pronouns::Pronoun;
use super::quotation::{NamedSpeaker, QuoteReport};
use super::reading::SourceReading;
use crate::mentions::Mention;

/// A speaker as far as the source tells.
#[derive(Debug, Clone, Default)]
pub(crate) struct Speaker {
    /// The catalogue entity.
    pub(crate) entity: Option<usize>,
    /// The words naming the speaker.
    pub(crate) text: Option<String>,
    /// The named speaker outside the catalogue.
    pub(crate) named: Option<NamedSpeaker>,
}

impl Speaker {
    /// Whether anything is known of the speaker.
    pub(crate) fn known(&self) -> bool {
        self.entity.is_some() || self.text.is_some() || self.named.is_some()
    }

    /// The same speaker, continued without words of its own.
    pub(crate) fn continued(&self) -> Speaker {
        Speaker { entity: self.entity, text: None, named: self.named.clone() }
    }

    /// The speaker a report gives.
    pub(crate) fn of_report(report: &QuoteReport) -> Speaker {
        Speaker { entity: report.speaker, text: report.speaker_text.clone(), named: report.named.clone() }
    }
}

/// Whether a description refers back to the person the text is about: "the actor", "the
/// 56-year-old", "the singer and guitarist" (a definite person, not a document or a body).
pub(crate) fn refers_back(words: &str) -> bool {
    let ws: Vec<&str> = words.split_whitespace().collect();
    let Some((first, rest)) = ws.split_first() else { return false };
    let Some((head_word, adjectives)) = rest.split_last() else { return false };
    let head = head_word.to_lowercase();
    // "the 56-year-old", "the Portuguese boss": an age or a person noun, after adjectives
    // (a capitalised one only when it is the only one: a nationality).
    let person = names::is_role(&head) || head.ends_with("-old") || PERSON_NOUNS.contains(&head.as_str());
    first.eq_ignore_ascii_case("the")
        && rest.len() <= 4
        && (adjectives.len() == 1 || adjectives.iter().all(|w| !names::capitalised(w)))
        && !names::capitalised(head_word)
        && person
        && !NOT_PEOPLE.contains(&head.as_str())
}

/// Nouns for a person that are no title: what a text calls someone it has named.
#[rustfmt::skip]
const PERSON_NOUNS: &[&str] = &[
    "boss", "veteran", "player", "winger", "teenager", "youngster", "politician", "billionaire",
    "businessman", "businesswoman", "tycoon", "musician", "comedian", "filmmaker", "official", "diplomat",
    "frontman", "entrepreneur", "investor", "officer", "lawmaker", "legislator", "athlete", "champion",
];

/// Whether a description names a person ("a senior US official", "the 56-year-old"), not a
/// document or a body.
pub(crate) fn describes_person(words: &str) -> bool {
    let Some(head) = words.split_whitespace().last() else { return false };
    // A capitalised head names a body ("the White House"), a plural several people.
    let singular = !head.ends_with('s') || head.ends_with("ss");
    !names::capitalised(head) && singular && !NOT_PEOPLE.contains(&head)
}

/// Heads of descriptions that are not a person: "the statement", "the company".
#[rustfmt::skip]
const NOT_PEOPLE: &[&str] = &[
    "statement", "report", "company", "firm", "group", "agency", "newspaper", "paper", "study", "letter", "ministry",
    "department", "government", "court", "team", "club", "document", "filing", "lawsuit", "complaint", "survey",
    "poll", "website", "site", "post", "tweet", "email", "memo", "release", "announcement", "book", "article",
    "editorial", "magazine", "network", "channel", "station", "board", "committee", "council", "commission",
    "administration", "campaign", "party", "army", "military", "police", "band", "organization", "organisation",
    "institute", "university", "school", "hospital", "office", "bank", "fund", "union", "league", "association",
    "message", "note", "sign", "banner", "order", "ruling", "judgment", "indictment", "transcript", "video",
    "research", "analysis", "summary", "review", "source", "spokesman", "spokeswoman", "spokesperson",
];

/// The state of reading a source: its blocks, the people it names and those it has quoted.
pub(crate) struct Context<'c, 'r> {
    /// The whole corpus: the source's blocks, and the catalogue its people are matched to.
    pub(crate) corpus: &'c Corpus,
    /// The source's number.
    pub(crate) source: usize,
    /// Every block of the source, read once when needed.
    pub(crate) readings: &'r SourceReading<'c>,
    /// The source's mentions, ordered by block.
    pub(crate) mentions: &'r [Mention],
    /// The source's language (ISO 639-1, lower case).
    pub(crate) language: String,
    people: Option<People>,
    spoken: Vec<NamedSpeaker>,
}

impl<'c, 'r> Context<'c, 'r> {
    /// The context of source `source` of `corpus`, whose mentions are `mentions`.
    pub(crate) fn new(
        corpus: &'c Corpus,
        source: usize,
        readings: &'r SourceReading<'c>,
        mentions: &'r [Mention],
    ) -> Self {
        let meta = &corpus.sources[source].meta;
        let language: String = meta.language.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        Context {
            corpus,
            source,
            readings,
            mentions,
            language: language.to_lowercase(),
            people: None,
            spoken: Vec::new(),
        }
    }

    /// The entity mentions of block `b`: (range, entity).
    pub(crate) fn block_mentions(&self, b: usize) -> Vec<(Range<usize>, usize)> {
        let from = self.mentions.partition_point(|m| m.block < b);
        let to = self.mentions.partition_point(|m| m.block <= b);
        self.mentions[from..to].iter().map(|m| (m.range.clone(), m.entity)).collect()
    }

    fn people(&mut self) -> &People {
        let source = &self.corpus.sources[self.source];
        self.people.get_or_insert_with(|| People::of(source, self.readings))
    }

    /// The speakers named so far, in the order the source quoted them.
    pub(crate) fn spoken(&self) -> &[NamedSpeaker] {
        &self.spoken
    }

    /// The speaker a phrase names where the text names someone without quoting them (a
    /// subject, a reporter of speech): resolved as a speaker's would be, but not counted
    /// among the speakers quoted, whom later names and pronouns prefer.
    pub(crate) fn mentioned(&mut self, found: SpeakerPhrase) -> Speaker {
        let quoted = self.spoken.len();
        let speaker = self.speaker(found, &None, &None);
        self.spoken.truncate(quoted);
        speaker
    }

    /// The people sentence `sentence` of block `b` names, in order (see [`People::named_in`]).
    pub(crate) fn named_in(&mut self, b: usize, sentence: Range<usize>) -> Vec<(usize, NamedSpeaker)> {
        let reading = self.readings.block(b);
        let source = &self.corpus.sources[self.source];
        let people = self.people.get_or_insert_with(|| People::of(source, self.readings));
        people.named_in(reading, sentence, &self.spoken)
    }

    /// The pronoun the source uses for a speaker, when it says.
    pub(crate) fn pronoun_of(&mut self, speaker: &Speaker) -> Option<Pronoun> {
        let corpus = self.corpus;
        let name = match (&speaker.named, speaker.entity) {
            (Some(named), _) => named.name.as_str(),
            (None, Some(e)) => corpus.entities[e].name.as_str(),
            (None, None) => return None,
        };
        self.people().pronoun(name)
    }

    /// Whether the pronoun `words` is not the one the source uses for `named`.
    fn mismatched(&mut self, words: &str, named: &NamedSpeaker) -> bool {
        let people = self.people();
        matches!((Pronoun::of(words), people.pronoun(&named.name)), (Some(a), Some(b)) if a != b)
    }

    /// The speaker a phrase names, with one-word names resolved, and "he" or "she" given
    /// `current` (the person the text is about), "it" and "they" `thing` (the body).
    pub(crate) fn speaker(
        &mut self,
        found: SpeakerPhrase,
        current: &Option<Speaker>,
        thing: &Option<Speaker>,
    ) -> Speaker {
        match found {
            SpeakerPhrase::Entity(entity, words) => Speaker { entity: Some(entity), text: Some(words), named: None },
            // A full name needs nothing from the rest of the source (which is then not read).
            SpeakerPhrase::Named(named, words) if named.name.contains(char::is_whitespace) => {
                if !self.spoken.contains(&named) {
                    self.spoken.push(named.clone());
                }
                Speaker { entity: None, text: Some(words), named: Some(named) }
            }
            SpeakerPhrase::Named(named, words) => {
                let source = &self.corpus.sources[self.source];
                let people = self.people.get_or_insert_with(|| People::of(source, self.readings));
                let named = people.resolve(named, &self.spoken);
                // A one-word name the source never writes with a capital inside a sentence
                // is a word opening one ("Teachers said"); a role word ("Doctor") names
                // someone only when the source gives the full name.
                if !named.name.contains(char::is_whitespace) {
                    // "Я", "Мой", "There": a stop word of the source's language is no one's
                    // name (though "Ma", "Li" and "May" are other languages' stop words).
                    if corpus::is_stop_word_in(&named.name, &self.language) {
                        return Speaker::default();
                    }
                    if names::is_role(&named.name) {
                        return Speaker { entity: None, text: Some(words), named: None };
                    }
                    if !people::is_proper(source, &named.name) {
                        // "Prosecutors alleged": a plural opening the sentence describes;
                        // "Quando", "Мой", "Moving" are words, not names.
                        let plural = named.name.ends_with('s') && named.name.chars().skip(1).all(char::is_lowercase);
                        if plural {
                            return Speaker { entity: None, text: Some(named.name.to_lowercase()), named: None };
                        }
                        if corpus::is_stop_word(&named.name) || named.name.ends_with("ing") {
                            return Speaker::default();
                        }
                    }
                }
                if !self.spoken.contains(&named) {
                    self.spoken.push(named.clone());
                }
                Speaker { entity: None, text: Some(words), named: Some(named) }
            }
            SpeakerPhrase::Text(words) if refers_back(&words) => match current {
                Some(c) if c.entity.is_some() || c.named.is_some() => {
                    Speaker { entity: c.entity, text: Some(words), named: c.named.clone() }
                }
                _ => Speaker { entity: None, text: Some(words), named: None },
            },
            SpeakerPhrase::Text(words) => Speaker { entity: None, text: Some(words), named: None },

            // "it added", "they said": the body or group the text is about.
            SpeakerPhrase::Pronoun(words) if matches!(words.to_lowercase().as_str(), "it" | "they") => match thing {
                Some(thing) => thing.clone(),
                None => Speaker::default(),
            },
            SpeakerPhrase::Pronoun(words) => match current {
                // "she" is not a person the source calls "he": the last one quoted or named
                // whom it does call "she", if any.
                Some(Speaker { named: Some(n), .. }) if self.mismatched(&words, n) => {
                    let said = Pronoun::of(&words);
                    let people = self.people.as_ref().expect("a named speaker read the source's people");
                    match self.spoken.iter().rev().find(|s| people.pronoun(&s.name) == said && said.is_some()) {
                        Some(other) => Speaker { entity: None, text: Some(words), named: Some(other.clone()) },
                        None => Speaker::default(),
                    }
                }
                Some(c) if c.entity.is_some() || c.named.is_some() => {
                    Speaker { entity: c.entity, text: Some(words), named: c.named.clone() }
                }
                Some(c) => c.clone(),
                None => Speaker::default(),
            },
        }
    }
}
