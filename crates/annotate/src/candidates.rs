//! Candidate names: capitalised names in the sources that no catalogue entity matches, so
//! that growing the catalogue is a matter of reading a list.
//!
//! A candidate is a run of capitalised words ("Staffan de Mistura", "Joint Command") joined
//! by spaces, where lower-case particles (de, al, bin, van, von, der, la, le, of) may stand
//! between capitalised words. Runs inside an existing mention are skipped, as are headings.
//! Leading function words that merely open a sentence ("The", "But") are dropped. A single
//! word counts only when it does not open its sentence and appears at least twice, and
//! nationality adjectives ("Syrian", "Turkish": words ending in -ian, -ean, -ese, -ish) are
//! left out, as are months and weekdays.

use std::collections::BTreeMap;

use corpus::{BlockKind, Corpus};

use crate::{Annotations, SentenceRef};

/// A name that no entity of the catalogue matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The name as written.
    pub name: String,
    /// How often it occurs.
    pub count: usize,
    /// In how many sources.
    pub sources: usize,
    /// Its first occurrence: the sentence holding it.
    pub example: SentenceRef,
}

const PARTICLES: &[&str] = &["de", "al", "bin", "ibn", "van", "von", "der", "la", "le", "of", "da", "du"];
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "But",
    "And",
    "Or",
    "In",
    "On",
    "At",
    "For",
    "If",
    "As",
    "After",
    "Before",
    "When",
    "While",
    "With",
    "Without",
    "From",
    "To",
    "By",
    "Asked",
    "According",
    "Speaking",
    "Meanwhile",
    "Earlier",
    "Even",
    "Only",
    "Over",
    "Under",
    "Since",
    "Despite",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "Of",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "President",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// A month or weekday name as written in running text ("May", "Thursday").
fn is_calendar_word(word: &str) -> bool {
    corpus::MONTH_NAMES.contains(&word) || WEEKDAYS.contains(&word)
}

fn is_capitalised(word: &str) -> bool {
    let core = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    // "al-Assad" counts: a capital after a hyphen.
    core.chars().next().is_some_and(char::is_uppercase)
        || core.split('-').skip(1).any(|part| part.chars().next().is_some_and(char::is_uppercase))
}

fn is_demonym(word: &str) -> bool {
    ["ian", "ean", "ese", "ish"].iter().any(|s| word.ends_with(s))
}

/// Words of `text` with their byte ranges, split on white space, trailing punctuation and
/// possessives removed.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (start, c.is_whitespace()) {
            (None, false) => start = Some(i),
            (Some(s), true) => {
                let word = &text[s..i];
                let trimmed = word.trim_end_matches(|c: char| !c.is_alphanumeric());
                let trimmed = trimmed.strip_suffix("’s").or_else(|| trimmed.strip_suffix("'s")).unwrap_or(trimmed);
                let lead = trimmed.len() - trimmed.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                if trimmed.len() > lead {
                    out.push((s + lead, s + trimmed.len()));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Capitalised names not covered by any mention, most frequent first.
pub fn candidate_names(corpus: &Corpus, annotations: &Annotations) -> Vec<Candidate> {
    let mut found: BTreeMap<String, (usize, std::collections::BTreeSet<usize>, SentenceRef)> = BTreeMap::new();
    let mut mention_index = 0;
    for (s, source) in corpus.sources.iter().enumerate() {
        for (b, block) in source.blocks.iter().enumerate() {
            let start = mention_index;
            while mention_index < annotations.mentions.len()
                && (annotations.mentions[mention_index].source, annotations.mentions[mention_index].block) <= (s, b)
            {
                mention_index += 1;
            }
            if block.kind == BlockKind::Heading {
                continue;
            }
            let covered: Vec<std::ops::Range<usize>> = annotations.mentions[start..mention_index]
                .iter()
                .filter(|m| m.source == s && m.block == b)
                .map(|m| m.range.clone())
                .collect();
            for sentence in &block.sentences {
                let text = &block.text[sentence.clone()];
                let spans = words(text);
                let mut i = 0;
                while i < spans.len() {
                    let free = |k: usize| {
                        let (a, z) = (spans[k].0 + sentence.start, spans[k].1 + sentence.start);
                        !covered.iter().any(|r| r.start < z && a < r.end)
                    };
                    let word = |k: usize| &text[spans[k].0..spans[k].1];
                    let name_word = |k: usize| is_capitalised(word(k)) && !is_calendar_word(word(k)) && free(k);
                    // Words of one name are separated by a single space, nothing else.
                    let joined = |k: usize| &text[spans[k - 1].1..spans[k].0] == " ";
                    if !name_word(i) {
                        i += 1;
                        continue;
                    }
                    let mut j = i + 1;
                    loop {
                        if j < spans.len() && joined(j) && name_word(j) {
                            j += 1;
                        } else if j + 1 < spans.len()
                            && joined(j)
                            && joined(j + 1)
                            && PARTICLES.contains(&word(j))
                            && name_word(j + 1)
                        {
                            j += 2;
                        } else {
                            break;
                        }
                    }
                    let mut first = i;
                    while first < j && OPENERS.contains(&&text[spans[first].0..spans[first].1]) {
                        first += 1;
                    }
                    if first < j {
                        let name = &text[spans[first].0..spans[j - 1].1];
                        let single = first + 1 == j;
                        let opens_sentence = first == 0;
                        let skip = single && (opens_sentence || is_demonym(name));
                        if !skip && !name.chars().all(|c| c.is_ascii_digit()) {
                            let example = SentenceRef { source: s, block: b, range: sentence.clone() };
                            let entry = found.entry(name.to_string()).or_insert((0, Default::default(), example));
                            entry.0 += 1;
                            entry.1.insert(s);
                        }
                    }
                    i = j;
                }
            }
        }
    }
    let mut candidates: Vec<Candidate> = found
        .into_iter()
        .filter(|(name, (count, _, _))| name.contains(' ') || *count >= 2)
        .map(|(name, (count, sources, example))| Candidate { name, count, sources: sources.len(), example })
        .collect();
    candidates.sort_by(|a, b| b.count.cmp(&a.count).then(a.name.cmp(&b.name)));
    candidates
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_without_punctuation_or_possessives() {
        let text = "“Assad’s forces,” said Staffan de Mistura.";
        let got: Vec<&str> = words(text).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(got, ["Assad", "forces", "said", "Staffan", "de", "Mistura"]);
    }
}
