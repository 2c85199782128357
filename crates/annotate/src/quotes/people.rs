//! The people a source names in full, so that a later "Nadler" or "Mr. Nadler" is the "Rep.
//! Jerry Nadler" the source introduced; the pronoun the source uses for each; and whether a
//! capitalised word is a name the source writes inside sentences.

use std::collections::HashMap;
use std::ops::Range;

use corpus::{Block, BlockKind, Source};

use super::names;
use super::pronouns::{self, Pronoun};
use super::quotation::NamedSpeaker;
use super::reading::{Reading, SourceReading};

/// A full name and the titles written before it where it first appears.
#[derive(Debug, Clone)]
struct FullName {
    name: String,
    /// The name in lower case, as the maps key it.
    key: String,
    title: Option<String>,
}

/// A name as People keys it: lower case (no transliteration: it is the same source's text).
fn key(name: &str) -> String {
    name.to_lowercase()
}

/// A source's people by their surname and their first name.
#[derive(Debug, Default)]
pub(crate) struct People {
    by_surname: HashMap<String, Vec<FullName>>,
    by_first_name: HashMap<String, Vec<FullName>>,
    /// Per surname, the sentences naming only that person with "he" or "his" and with
    /// "she" or "her": (he, she).
    pronouns: HashMap<String, (u32, u32)>,
}

impl People {
    /// The people named in full (two words or more) in `source`'s text outside its
    /// quotations (`readings` gives them), which words it capitalises inside a sentence, and
    /// the pronouns it uses for each person. One pass over the plain words of each block:
    /// this runs for most sources that quote anyone.
    pub(crate) fn of(source: &Source, readings: &SourceReading) -> People {
        let mut people = People::default();
        let kept = |b: &&Block| matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading);
        let mut blocks: Vec<(&Block, &Reading)> = Vec::new();
        for (i, block) in source.blocks.iter().enumerate().filter(|(_, b)| kept(b)) {
            let reading = readings.block(i);
            people.read(reading);
            blocks.push((block, reading));
        }
        for (block, reading) in blocks.iter().filter(|(b, _)| b.kind == BlockKind::Paragraph) {
            for sentence in &block.sentences {
                people.count_pronouns(&block.text, reading.words(sentence.clone()));
            }
        }
        people
    }

    /// Counts the pronouns of a sentence (its words `all` in `text`) that names one person only.
    fn count_pronouns(&mut self, text: &str, all: &[Range<usize>]) {
        let mut named: Option<String> = None;
        let (mut he, mut she) = (false, false);
        for w in all {
            let word = &text[w.clone()];
            // "him" is seldom the person a sentence names ("Matthesen found him").
            let object = names::lowered(word, |l| l == "him");
            let pronoun = if object { None } else { Pronoun::of(word) };
            // A pronoun before the name is mostly someone else's ("His friends held a service,
            // which Jane Starner attended").
            match pronoun {
                Some(Pronoun::He) if named.is_some() => he = true,
                Some(Pronoun::She) if named.is_some() => she = true,
                Some(_) => {}
                None if names::capitalised(word)
                    && names::lowered(possessor(word), |l| self.by_surname.contains_key(l)) =>
                {
                    let key = key(possessor(word));
                    if named.as_ref().is_some_and(|n| *n != key) {
                        return;
                    }
                    named = Some(key);
                }
                None => {}
            }
        }
        if let (Some(key), true) = (named, he != she) {
            let votes = self.pronouns.entry(key).or_default();
            if he { votes.0 += 1 } else { votes.1 += 1 }
        }
    }

    /// The pronoun the source uses for the person named `name`, when it says.
    pub(crate) fn pronoun(&self, name: &str) -> Option<Pronoun> {
        let surname = name.split_whitespace().rev().find(|w| !names::is_suffix(w))?;
        match self.pronouns.get(&key(surname)) {
            Some(&(he, she)) if he > she => Some(Pronoun::He),
            Some(&(he, she)) if she > he => Some(Pronoun::She),
            _ => name.split_whitespace().next().filter(|_| name.contains(' ')).and_then(pronouns::of_first_name),
        }
    }

    /// Registers the runs of capitalised words of a block as names.
    fn read(&mut self, reading: &Reading) {
        let text = reading.text;
        let all = reading.words(0..text.len());
        let mut run: Vec<usize> = Vec::new();
        for i in 0..=all.len() {
            let joined = i < all.len() && run.last().is_none_or(|&p| !reading.boundary(all[p].end..all[i].start)) && {
                let w = &text[all[i].clone()];
                names::capitalised(w) || names::is_particle(w) && !run.is_empty()
            };
            if joined {
                run.push(i);
                continue;
            }
            if run.len() >= 2 {
                self.add(text, all, &run);
            }
            run.clear();
            if i < all.len() && names::capitalised(&text[all[i].clone()]) {
                run.push(i);
            }
        }
    }

    fn add(&mut self, text: &str, all: &[std::ops::Range<usize>], run: &[usize]) {
        let ws: Vec<&str> = run.iter().map(|&i| &text[all[i].clone()]).collect();
        let Some(parts) = names::split_name(&ws) else { return };
        let name_words = &ws[parts.name_from..parts.name_to];
        // A full name, or one name with a title it is written with ("Prince Andrew").
        let titled = parts.name_from == parts.name_to - 1
            && parts.title_from + 1 == parts.name_from
            && names::is_title(ws[parts.title_from]);
        if parts.body || !((2..=4).contains(&name_words.len()) || titled) {
            return;
        }
        let name = text[all[run[parts.name_from]].start..all[run[parts.name_to - 1]].end].to_string();
        let title = (parts.title_from < parts.name_from).then(|| {
            let end = all[run[parts.name_from - 1]].end;
            let end = if text[end..].starts_with('.') { end + 1 } else { end };
            text[all[run[parts.title_from]].start..end].to_string()
        });
        let full = FullName { key: key(&name), name, title };
        let surname_at = name_words.iter().rposition(|w| !names::is_suffix(w)).unwrap_or(name_words.len() - 1);
        let surname = key(name_words[surname_at]);
        let first = key(name_words[0]);
        for (map, key) in [(&mut self.by_surname, surname), (&mut self.by_first_name, first)] {
            let known = map.entry(key).or_default();
            if !known.iter().any(|k| k.key == full.key) {
                known.push(full.clone());
            }
        }
    }

    /// `speaker` with a one-word name made the full name the source gives, when the source
    /// names one person so (by surname first, then by first name); `spoken` are the
    /// speakers the source has quoted so far, which win when several people share a name.
    pub(crate) fn resolve(&self, speaker: NamedSpeaker, spoken: &[NamedSpeaker]) -> NamedSpeaker {
        if speaker.name.split_whitespace().count() != 1 {
            return speaker;
        }
        let key = key(&speaker.name);
        for map in [&self.by_surname, &self.by_first_name] {
            let Some(known) = map.get(&key) else { continue };
            // "Van Der Beek" is the "James Van Der Beek" the source also names.
            let fullest: Vec<&FullName> = known
                .iter()
                .filter(|k| !known.iter().any(|o| o.key.len() > k.key.len() && o.key.ends_with(&format!(" {}", k.key))))
                .collect();
            let chosen = match fullest.as_slice() {
                [one] => Some(*one),
                many => many.iter().copied().find(|k| spoken.iter().any(|s| s.name.to_lowercase() == k.key)),
            };
            if let Some(full) = chosen {
                return NamedSpeaker {
                    name: full.name.clone(),
                    title: speaker.title.or_else(|| full.title.clone()),
                    description: speaker.description,
                };
            }
            return speaker;
        }
        speaker
    }
}

impl People {
    /// The people sentence `sentence` of `reading` names, outside its quotations, in the
    /// order it names them: every capitalised word (possessive or not) that is the surname
    /// or first name of someone the source names in full, resolved to that full name, with
    /// where it stands.
    pub(crate) fn named_in(
        &self,
        reading: &Reading,
        sentence: Range<usize>,
        spoken: &[NamedSpeaker],
    ) -> Vec<(usize, NamedSpeaker)> {
        let text = reading.text;
        let mut out: Vec<(usize, NamedSpeaker)> = Vec::new();
        for w in reading.words(sentence) {
            let word = &text[w.clone()];
            if !names::capitalised(word) {
                continue;
            }
            let word = possessor(word);
            let known = names::lowered(word, |l| self.by_surname.contains_key(l) || self.by_first_name.contains_key(l));
            if !known {
                continue;
            }
            let named = self.resolve(NamedSpeaker { name: word.to_string(), title: None, description: None }, spoken);
            // Only a person: someone quoted already, or someone the source or a common first
            // name gives a pronoun ("North Manchester" and "Stadia Pro" are written so too).
            let person = spoken.iter().any(|s| s.name == named.name) || self.pronoun(&named.name).is_some();
            // A surname several people share stays one word ("Ford" of Mike and Dale Ford).
            let full = named.name.contains(char::is_whitespace)
                || names::lowered(&named.name, |l| self.by_surname.get(l).is_some_and(|k| k.len() > 1));
            if person && full && !out.iter().any(|(_, o)| o.name == named.name) {
                out.push((w.start, named));
            }
        }
        out
    }
}

/// A word without its possessive ending: "Ford" of "Ford’s".
fn possessor(word: &str) -> &str {
    word.strip_suffix("’s").or_else(|| word.strip_suffix("'s")).unwrap_or(word)
}

/// The first person the source names in full in `text` (a sentence): "I immediately
/// thought of Elise Matthesen".
pub(crate) fn first_named(reading: &Reading, sentence: Range<usize>, spoken: &[NamedSpeaker]) -> Option<NamedSpeaker> {
    let text = reading.text;
    let all = reading.words(sentence);
    let mut i = 0;
    while i < all.len() {
        let mut j = i;
        while j < all.len()
            && names::capitalised(&text[all[j].clone()])
            && (j == i || !reading.boundary(all[j - 1].end..all[j].start))
        {
            j += 1;
        }
        if j > i + 1 {
            let ws: Vec<&str> = all[i..j].iter().map(|w| &text[w.clone()]).collect();
            if let Some(parts) = names::split_name(&ws).filter(|p| !p.body && p.name_to - p.name_from >= 2) {
                let key = key(&ws[parts.name_from..parts.name_to].join(" "));
                // Only a person: someone quoted already, or a common first name
                // ("Black Water" and "Roth IRA" are capitalised too).
                let person = spoken.iter().any(|s| s.name.to_lowercase() == key)
                    || pronouns::of_first_name(ws[parts.name_from]).is_some();
                if person {
                    let name = ws[parts.name_from..parts.name_to].join(" ");
                    let title =
                        (parts.title_from < parts.name_from).then(|| ws[parts.title_from..parts.name_from].join(" "));
                    return Some(NamedSpeaker { name, title, description: None });
                }
            }
        }
        i = j.max(i + 1);
    }
    None
}

/// Whether `word` is written, capitalised, inside a sentence somewhere in `source` (after a
/// word, not after a full stop or an opening quotation mark): a name, not a word capitalised
/// because it opens a sentence ("Teachers", "Мой"). Asked for few words, so read on demand.
pub(crate) fn is_proper(source: &Source, word: &str) -> bool {
    // Headings are often written in title case: only paragraphs tell.
    let paragraphs = source.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph);
    paragraphs.flat_map(|b| b.text.match_indices(word).map(move |(at, _)| (&b.text, at))).any(|(text, at)| {
        let bounded = !text[at + word.len()..].chars().next().is_some_and(char::is_alphanumeric);
        // After a quotation, what ended inside it tells: “… Students.” Teachers played.
        let before = text[..at].trim_end();
        let closed = before.trim_end_matches(['”', '’', '»', ')']);
        let inside = before.chars().next_back().is_some_and(|c| !matches!(c, '“' | '"' | '«' | '„' | '‘'))
            && closed.chars().next_back().is_some_and(|c| !matches!(c, '.' | '!' | '?'));
        bounded && inside && !text[..at].ends_with(|c: char| c.is_alphanumeric())
    })
}
