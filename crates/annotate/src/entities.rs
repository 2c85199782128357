//! Entity mentions by alias: one automaton over every name and alias of the catalogue (and
//! a second, ASCII-case-insensitive one for the aliases marked any-case).
//!
//! Rules, in order:
//! - Matching is exact and case-sensitive ("US" never matches "us"), except for aliases
//!   listed under `aliases_any_case` ("ISIS" finds "Isis"). Only whole words match, by
//!   Unicode's rules: the characters either side of a match must not be letters or digits,
//!   so "Iran" does not match in "Iranian", accented and Cyrillic names work, and
//!   possessives ("Assad’s") and punctuation ("Kerry,") still match.
//! - The longest match wins, then the leftmost: "Russian President Vladimir Putin" is one
//!   mention when the catalogue lists it.
//! - A descriptive alias, one of several words whose first word is all lower-case letters
//!   ("the Russian president", "the top US diplomat"), links only once the same text has
//!   named the entity by a proper name or alias earlier on.
//! - A place that `stands_for` another entity ("Moscow" for Russia) links to that entity
//!   unless a preposition of place comes just before it ("in Moscow", "to Moscow").
//!
//! Overlapping matches are all collected first and chosen afterwards, because filtering the
//! leftmost matches of the automaton for word boundaries would lose valid longer ones.

use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use corpus::Entity;

/// A match of an entity's alias in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index of the entity in the catalogue (after `stands_for` is applied).
    pub entity: usize,
    /// Byte range of the matched words.
    pub range: Range<usize>,
}

struct Pattern {
    entity: usize,
    descriptive: bool,
}

/// Finds catalogue entities in text. Build it once per corpus.
pub struct EntityMatcher {
    exact: Option<(AhoCorasick, Vec<Pattern>)>,
    any_case: Option<(AhoCorasick, Vec<Pattern>)>,
    stands_for: Vec<Option<usize>>,
}

/// Prepositions of place: after one of these, a place is the place, not its government.
const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "to",
    "at",
    "from",
    "into",
    "near",
    "outside",
    "inside",
    "across",
    "around",
    "toward",
    "towards",
    "via",
    "within",
    "throughout",
    "through",
];

fn is_descriptive(alias: &str) -> bool {
    let first = alias.split(' ').next().unwrap_or("");
    alias.contains(' ') && first.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn automaton(texts: &[&str], any_case: bool) -> AhoCorasick {
    // A DFA, whatever the number of aliases: every block of every source is searched, and a
    // DFA steps through a byte with one lookup, where the NFA chosen above 100 patterns
    // follows failure links. Catalogues are small, so its size is not a concern.
    AhoCorasick::builder()
        .kind(Some(AhoCorasickKind::DFA))
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(any_case)
        .build(texts)
        .expect("aliases are short literal strings")
}

/// The word before byte `at`, lower-cased.
fn previous_word(text: &str, at: usize) -> String {
    let before = text[..at].trim_end();
    let start = before
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    before[start..].to_lowercase()
}

impl EntityMatcher {
    /// Builds the matcher for a catalogue: every entity's name and aliases.
    pub fn new(entities: &[Entity]) -> Self {
        let mut exact: (Vec<&str>, Vec<Pattern>) = (Vec::new(), Vec::new());
        let mut any_case: (Vec<&str>, Vec<Pattern>) = (Vec::new(), Vec::new());
        for (entity, e) in entities.iter().enumerate() {
            for alias in std::iter::once(&e.name).chain(&e.aliases) {
                exact.0.push(alias);
                exact.1.push(Pattern { entity, descriptive: is_descriptive(alias) });
            }
            for alias in &e.aliases_any_case {
                any_case.0.push(alias);
                any_case.1.push(Pattern { entity, descriptive: is_descriptive(alias) });
            }
        }
        let build = |(texts, patterns): (Vec<&str>, Vec<Pattern>), fold: bool| {
            (!texts.is_empty()).then(|| (automaton(&texts, fold), patterns))
        };
        EntityMatcher {
            exact: build(exact, false),
            any_case: build(any_case, true),
            stands_for: entities.iter().map(|e| e.stands_for).collect(),
        }
    }

    /// The mentions in `text`, in order. `named[e]` says whether entity `e` was already
    /// named earlier in the same document; it is updated, so pass the same slice for every
    /// block of one document.
    pub fn find(&self, text: &str, named: &mut [bool]) -> Vec<Match> {
        let mut candidates: Vec<(Range<usize>, &Pattern)> = Vec::new();
        for (automaton, patterns) in self.exact.iter().chain(&self.any_case) {
            candidates.extend(
                automaton
                    .find_overlapping_iter(text)
                    .filter(|m| on_word_boundaries(text, m.start(), m.end()))
                    .map(|m| (m.start()..m.end(), &patterns[m.pattern().as_usize()])),
            );
        }
        // Longest first at each start, so the greedy pass below keeps leftmost-longest.
        candidates
            .sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)).then(a.1.entity.cmp(&b.1.entity)));
        let mut matches: Vec<Match> = Vec::new();
        let mut covered_until = 0;
        for (range, pattern) in candidates {
            if range.start < covered_until || (pattern.descriptive && !named[pattern.entity]) {
                continue;
            }
            covered_until = range.end;
            let entity = match self.stands_for[pattern.entity] {
                Some(government) if !PLACE_PREPOSITIONS.contains(&previous_word(text, range.start).as_str()) => {
                    government
                }
                _ => pattern.entity,
            };
            if !pattern.descriptive {
                named[entity] = true;
                named[pattern.entity] = true;
            }
            matches.push(Match { entity, range });
        }
        matches
    }
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let matched = &text[start..end];
    let starts_word = matched.chars().next().is_some_and(is_word_char);
    let ends_word = matched.chars().next_back().is_some_and(is_word_char);
    let before_ok = !starts_word || text[..start].chars().next_back().is_none_or(|c| !is_word_char(c));
    let after_ok = !ends_word || text[end..].chars().next().is_none_or(|c| !is_word_char(c));
    before_ok && after_ok
}

/// Aliases that contain another entity's name or alias, such as "UN Syria envoy Staffan de
/// Mistura" containing "UN": with the longest match winning, the inner entity is never
/// linked there. Returns (entity, alias, inner entity, inner words) for a curator to review.
pub fn nested_aliases(entities: &[Entity]) -> Vec<(usize, String, usize, String)> {
    let matcher = EntityMatcher::new(entities);
    let mut found = Vec::new();
    for (e, entity) in entities.iter().enumerate() {
        for alias in entity.aliases.iter().chain(&entity.aliases_any_case) {
            let Some((automaton, patterns)) = &matcher.exact else {
                continue;
            };
            for m in automaton.find_overlapping_iter(alias.as_str()) {
                let inner = patterns[m.pattern().as_usize()].entity;
                let strictly_inside = m.end() - m.start() < alias.len();
                if inner != e && strictly_inside && on_word_boundaries(alias, m.start(), m.end()) {
                    found.push((e, alias.clone(), inner, alias[m.start()..m.end()].to_string()));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[cfg(test)]
mod tests;
