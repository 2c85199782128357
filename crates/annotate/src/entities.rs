//! Entity mentions by alias: one automaton over every name and alias of the catalogue.
//!
//! Rules, in order:
//! - Matching is exact and case-sensitive ("US" never matches "us"), on whole words: the
//!   characters either side of a match must not be letters or digits, by Unicode's rules, so
//!   "Iran" does not match in "Iranian" and possessives ("Assad’s") and punctuation ("Kerry,")
//!   still match.
//! - The longest match wins, then the leftmost: "Russian President Vladimir Putin" is one
//!   mention of Putin.
//! - A descriptive alias, one whose first word is all lower-case letters ("the Russian
//!   president", "the top US diplomat"), links only once the same text has named the entity
//!   by a proper name or alias earlier on.
//!
//! Overlapping matches are all collected first and chosen afterwards, because filtering the
//! leftmost matches of the automaton for word boundaries would lose valid longer ones.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};
use corpus::Entity;

/// A match of an entity's alias in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Index of the entity in the catalogue.
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
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

fn is_descriptive(alias: &str) -> bool {
    let first = alias.split(' ').next().unwrap_or("");
    alias.contains(' ') && first.chars().all(|c| c.is_alphabetic() && c.is_lowercase())
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl EntityMatcher {
    /// Builds the matcher for a catalogue: every entity's name and aliases.
    pub fn new(entities: &[Entity]) -> Self {
        let mut texts = Vec::new();
        let mut patterns = Vec::new();
        for (entity, e) in entities.iter().enumerate() {
            for alias in std::iter::once(&e.name).chain(&e.aliases) {
                texts.push(alias.as_str());
                patterns.push(Pattern {
                    entity,
                    descriptive: is_descriptive(alias),
                });
            }
        }
        let automaton = (!texts.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .build(&texts)
                .expect("aliases are short literal strings")
        });
        EntityMatcher {
            automaton,
            patterns,
        }
    }

    /// The mentions in `text`, in order. `named[e]` says whether entity `e` was already
    /// named earlier in the same document; it is updated, so pass the same slice for every
    /// block of one document.
    pub fn find(&self, text: &str, named: &mut [bool]) -> Vec<Match> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut candidates: Vec<(Range<usize>, usize)> = automaton
            .find_overlapping_iter(text)
            .filter(|m| on_word_boundaries(text, m.start(), m.end()))
            .map(|m| (m.start()..m.end(), m.pattern().as_usize()))
            .collect();
        // Longest first at each start, so the greedy pass below keeps leftmost-longest.
        candidates.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
        let mut matches: Vec<Match> = Vec::new();
        let mut covered_until = 0;
        for (range, pattern) in candidates {
            let pattern = &self.patterns[pattern];
            if range.start < covered_until {
                continue;
            }
            if pattern.descriptive && !named[pattern.entity] {
                continue;
            }
            covered_until = range.end;
            if !pattern.descriptive {
                named[pattern.entity] = true;
            }
            matches.push(Match {
                entity: pattern.entity,
                range,
            });
        }
        matches
    }
}

fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let matched = &text[start..end];
    let starts_word = matched.chars().next().is_some_and(is_word_char);
    let ends_word = matched.chars().next_back().is_some_and(is_word_char);
    let before_ok = !starts_word
        || text[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
    let after_ok = !ends_word || text[end..].chars().next().is_none_or(|c| !is_word_char(c));
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus::EntityKind;

    fn entity(id: &str, name: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: id.into(),
            name: name.into(),
            kind: EntityKind::Person,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            description: None,
            wikidata: None,
        }
    }

    fn catalogue() -> Vec<Entity> {
        vec![
            entity(
                "putin",
                "Vladimir Putin",
                &[
                    "Putin",
                    "Russian President Vladimir Putin",
                    "the Russian president",
                ],
            ),
            entity("us", "United States", &["US", "U.S."]),
            entity("iran", "Iran", &[]),
            entity("nusra", "Nusra Front", &["al-Nusra"]),
            entity("moscow", "Moscow", &["Москва"]),
        ]
    }

    fn found(text: &str) -> Vec<(String, &str)> {
        let entities = catalogue();
        let matcher = EntityMatcher::new(&entities);
        let mut named = vec![false; entities.len()];
        matcher
            .find(text, &mut named)
            .into_iter()
            .map(|m| (entities[m.entity].id.clone(), &text[m.range]))
            .collect()
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(
            found("Russian President Vladimir Putin spoke."),
            [("putin", "Russian President Vladimir Putin")]
                .map(|(a, b): (&str, &str)| (a.to_string(), b))
        );
    }

    #[test]
    fn matches_whole_words_case_sensitively() {
        assert_eq!(
            found("Iranian militias told us that US forces"),
            [("us", "US")].map(|(a, b): (&str, &str)| (a.to_string(), b))
        );
        assert_eq!(
            found("Assad’s ally Iran, and Putin's plan; the U.S. said"),
            [("iran", "Iran"), ("putin", "Putin"), ("us", "U.S.")]
                .map(|(a, b): (&str, &str)| (a.to_string(), b))
        );
        assert_eq!(
            found("fighting al-Nusra in Москва."),
            [("nusra", "al-Nusra"), ("moscow", "Москва")]
                .map(|(a, b): (&str, &str)| (a.to_string(), b))
        );
    }

    #[test]
    fn descriptive_aliases_need_a_prior_name() {
        assert_eq!(
            found("the Russian president said"),
            [].map(|(a, b): (&str, &str)| (a.to_string(), b))
        );
        assert_eq!(
            found("Putin spoke; the Russian president said"),
            [("putin", "Putin"), ("putin", "the Russian president")]
                .map(|(a, b): (&str, &str)| (a.to_string(), b))
        );
    }

    #[test]
    fn an_empty_catalogue_finds_nothing() {
        assert!(EntityMatcher::new(&[]).find("Putin", &mut []).is_empty());
    }
}
