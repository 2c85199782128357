//! Stock sentences: text that many unrelated articles carry because of what it is, not
//! because one copied the other. They are kept out of reuse by their shape, never by how
//! many sources carry them, so a wire story carried by 800 outlets stays visible.
//!
//! Two shapes: *light* sentences, with too few content words to identify a passage ("He
//! said it was not true."); and *stock formulas* — a wire's sign-off ("Reporting by …;
//! Editing by …"), a credit ("… contributed to this report"), a no-comment line ("did not
//! respond to a request for comment"), a disclaimer — with little else around them.

use std::sync::OnceLock;

use super::tokens::{TokenSet, token, weight};

/// Content words (function words count a quarter) a sentence needs to be a passage.
const MIN_CONTENT_WEIGHT: f32 = 4.0;
/// Content words besides a stock formula that make the sentence a passage after all.
const MIN_CONTENT_BESIDES_FORMULA: f32 = 5.0;

/// Credits, sign-offs, disclaimers and promotions: a sentence holding one is stock however
/// many names or words it has besides.
const CREDITS: &[&str] = &[
    "the views expressed",
    "do not necessarily reflect",
    "do not reflect the editorial policy",
    "all rights reserved",
    "may not be published broadcast rewritten or redistributed",
    "subscribe for",
    "subscribe now",
    "unlimited access",
    "our newsletter",
    "daily newsletter",
    "in your inbox",
    "news alerts",
    "our free app",
    "download our app",
    "reporting by",
    "writing by",
    "editing by",
    "additional reporting",
    "compiled by",
    "contributed to this report",
    "contributed reporting",
];

/// Formulas of no-comment lines, disclaimers and page furniture, as lower-case words: stock
/// when little else stands around them.
const FORMULAS: &[&str] = &[
    "did not respond to a request for comment",
    "did not immediately respond to a request for comment",
    "did not respond to requests for comment",
    "declined to comment",
    "could not be reached for comment",
    "was not immediately available for comment",
    "were not immediately available for comment",
    "not immediately available",
    "details were not immediately available",
    "no further details were available",
    "it was not immediately clear",
    "it was not clear",
    "this article was originally published",
    "this story has been updated",
    "this story has been corrected",
    "this article has been updated",
    "sign up for",
    "sign up to",
    "click here",
    "follow us on",
    "subscribe to",
    "story continues below",
    "continue reading",
    "read more",
    "more to follow",
    "more details to follow",
    "this is a developing story",
    "breaking news",
];

/// Phrases as token sequences, sorted by their first token so that a sentence's words find
/// the phrases they may open by binary search: most words open none.
struct Phrases {
    by_first: Vec<(u64, Vec<u64>)>,
    first_tokens: TokenSet,
}

impl Phrases {
    fn new(list: &[&str]) -> Phrases {
        let mut by_first: Vec<(u64, Vec<u64>)> = list
            .iter()
            .map(|f| {
                let tokens: Vec<u64> = f.split(' ').map(token).collect();
                (tokens[0], tokens)
            })
            .collect();
        by_first.sort_unstable();
        let first_tokens = TokenSet::new(by_first.iter().map(|(first, _)| *first));
        Phrases { by_first, first_tokens }
    }

    /// The phrases standing in `tokens` as contiguous runs.
    fn found_in<'p>(&'p self, tokens: &'p [u64]) -> impl Iterator<Item = &'p [u64]> + 'p {
        tokens.iter().enumerate().filter(|(_, first)| self.first_tokens.contains(**first)).flat_map(
            move |(at, &first)| {
                let from = self.by_first.partition_point(|(f, _)| *f < first);
                self.by_first[from..]
                    .iter()
                    .take_while(move |(f, _)| *f == first)
                    .map(|(_, phrase)| phrase.as_slice())
                    .filter(move |phrase| tokens[at..].starts_with(phrase))
            },
        )
    }
}

fn credits() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| Phrases::new(CREDITS))
}

fn formulas() -> &'static Phrases {
    static PHRASES: OnceLock<Phrases> = OnceLock::new();
    PHRASES.get_or_init(|| Phrases::new(FORMULAS))
}

/// The summed weight of `tokens`: content words 1, function words a quarter.
fn content_weight(tokens: &[u64]) -> f32 {
    tokens.iter().map(|&t| weight(t)).sum()
}

/// True when the sentence of `tokens` is stock text: too light to identify a passage, or a
/// stock formula with little else.
pub fn is_stock(tokens: &[u64]) -> bool {
    let total = content_weight(tokens);
    if total < MIN_CONTENT_WEIGHT {
        return true;
    }
    credits().found_in(tokens).next().is_some()
        || formulas().found_in(tokens).any(|formula| total - content_weight(formula) < MIN_CONTENT_BESIDES_FORMULA)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<u64> {
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| token(&w.to_lowercase())).collect()
    }

    #[test]
    fn sign_offs_credits_and_light_lines_are_stock() {
        for line in [
            "Reporting by Maria Tsvetkova; Editing by Andrew Heavens",
            "(Writing by Tom Perry; editing by Giles Elgood)",
            "AP writer Matthew Lee contributed to this report.",
            "The ministry did not respond to a request for comment.",
            "Details were not immediately available.",
            "It was not clear when the talks would resume.",
            "He said it was not so.",
            "Subscribe for unlimited access to our journalism.",
            "Get the day's top headlines in your inbox every morning.",
            "The views expressed in this article are the author's own and do not reflect the editorial policy of this outlet.",
        ] {
            assert!(is_stock(&tokens(line)), "{line}");
        }
    }

    #[test]
    fn sentences_of_a_story_are_not_stock() {
        for line in [
            "UN Syria envoy Staffan de Mistura urged Moscow and Washington to push for a resumption of the talks next month.",
            "They never said a single word regarding this,” he said.",
            "Kerry's office did not respond to a request for comment on the ceasefire plan agreed in Geneva with Lavrov.",
        ] {
            assert!(!is_stock(&tokens(line)), "{line}");
        }
    }
}
