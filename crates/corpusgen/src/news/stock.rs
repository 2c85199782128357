//! Text that recurs across unrelated stories: stock sentences of news writing, a few long
//! background sentences, and the wire services' sign-offs with their reporters' names.
//!
//! None of it goes through a story's substitution, so two stories that carry "Details were
//! not immediately available." carry it word for word, as real stories do.

use crate::mutate::Article;
use crate::rng::{Rng, hash_str};
use crate::vocab::{DATELINES, capitalise};

/// Short sentences any story may end a paragraph with.
const STOCK: &[&str] = &[
    "Details were not immediately available.",
    "The ministry did not respond to a request for comment.",
    "It was not clear when the talks would resume.",
    "No one was immediately available for comment.",
    "The statement did not give further details.",
    "Officials declined to comment.",
    "It was not immediately clear who was behind the attack.",
    "The report could not be independently verified.",
    "A spokesman declined to comment further.",
    "Further talks are expected next week.",
    "The embassy did not respond to requests for comment.",
    "There was no immediate comment from the government.",
];

/// Long background sentences that stories on one conflict repeat verbatim.
const BACKGROUND: &[&str] = &[
    "The conflict, which began in 2011, has killed more than 280,000 people and displaced half of the country's population.",
    "The United Nations says more than 4.8 million people have fled the country since the war began, most of them to Turkey, Lebanon and Jordan.",
    "A ceasefire brokered by Washington and Moscow in February has been repeatedly violated, with each side accusing the other of breaches.",
    "Russia began a campaign of air strikes in September 2015, saying it was targeting Islamic State and other militant groups.",
    "The talks, which have stalled several times since they began in Geneva, are meant to lead to a political transition and new elections.",
];

/// Probability that a story carries stock sentences (one or two).
const STOCK_STORY: f64 = 0.3;
/// Probability that a story carries a background sentence (exactly one).
const BACKGROUND_STORY: f64 = 0.05;
/// Probability that a wire story's copy ends with a sign-off.
const SIGNED: f64 = 0.8;
/// Reporters and editors per agency: few enough that their names recur across stories. The
/// names are made up, first names and surnames paired at random.
const STAFF: u64 = 40;

/// First names of the agencies' staff.
const FIRST_NAMES: &[&str] = &[
    "Tom", "Suleiman", "Lidia", "Dmitry", "Sarah", "John", "Ellen", "Mark", "Laila", "Andrew", "Maria", "Omar",
    "Katya", "Peter", "Rania", "David", "Anna", "Samia", "Michael", "Nadia", "Robin", "Jonathan", "Hugh", "Yara",
];

/// Surnames of the agencies' staff.
const SURNAMES: &[&str] = &[
    "Hadley",
    "Osman",
    "Varga",
    "Petrenko",
    "Haddad",
    "Lindqvist",
    "Morrow",
    "Castell",
    "Ibrahim",
    "Novak",
    "Sato",
    "Brennan",
    "Kassem",
    "Marlow",
    "Quinn",
    "Rahimi",
    "Soto",
    "Wexford",
    "Yilmaz",
    "Zorin",
    "Abbott",
    "Farrell",
    "Gallo",
    "Mansour",
];

/// Staff member `k` of `agency`: the same agency and number give the same name.
fn staff(agency: &str, k: u64) -> String {
    let h = hash_str(k, agency);
    let first = FIRST_NAMES[(h % FIRST_NAMES.len() as u64) as usize];
    let last = SURNAMES[(h / 1000 % SURNAMES.len() as u64) as usize];
    format!("{first} {last}")
}

/// Adds the story's stock text to its base article: with some probability one or two stock
/// sentences, and rarely one background sentence. The lede stays first, since the headline
/// is made from it.
pub fn add_stock_sentences(article: &mut Article, rng: &mut Rng) {
    if rng.chance(STOCK_STORY) {
        let count = rng.range(1, 2);
        for i in rng.sample(STOCK.len(), count) {
            insert_after_lede(article, STOCK[i].to_string(), rng);
        }
    }
    if rng.chance(BACKGROUND_STORY) {
        insert_after_lede(article, rng.pick(BACKGROUND).to_string(), rng);
    }
}

/// Inserts `sentence` at the end of a paragraph or as a paragraph of its own, after the first.
fn insert_after_lede(article: &mut Article, sentence: String, rng: &mut Rng) {
    let at = 1 + rng.below(article.len());
    if at < article.len() && rng.chance(0.5) {
        article[at].push(sentence);
    } else {
        article.insert(at, vec![sentence]);
    }
}

/// The sign-off that closes `agency`'s copy of a story, if it has one: "Reporting by X;
/// Editing by Y" (Reuters), "— AFP", "AP writer X contributed to this report.", "—With
/// assistance from X" (Bloomberg).
pub fn sign_off(agency: &str, rng: &mut Rng) -> Option<String> {
    if !rng.chance(SIGNED) {
        return None;
    }
    let person = |rng: &mut Rng| staff(agency, rng.below(STAFF as usize) as u64);
    let text = match agency {
        "Reuters" if rng.chance(0.5) => format!("Reporting by {}; Editing by {}", person(rng), person(rng)),
        "Reuters" => {
            let (reporter, writer, editor) = (person(rng), person(rng), person(rng));
            format!("(Reporting by {reporter}; Writing by {writer}; Editing by {editor})")
        }
        "AFP" if rng.chance(0.6) => "— AFP".to_string(),
        "AFP" => format!("Compiled by {}", person(rng)),
        "AP" if rng.chance(0.5) => format!("AP writer {} contributed to this report.", person(rng)),
        "AP" => {
            let name = person(rng);
            let place: Vec<String> = rng.pick(DATELINES).split(' ').map(|w| capitalise(&w.to_lowercase())).collect();
            format!("Associated Press writer {name} in {} contributed to this report.", place.join(" "))
        }
        _ => format!("—With assistance from {}", person(rng)),
    };
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stock_text_keeps_the_lede_and_sign_offs_recur() {
        let mut rng = Rng::new(4);
        for _ in 0..200 {
            let mut article: Article = vec![vec!["Lede.".to_string()], vec!["Two.".to_string()]];
            add_stock_sentences(&mut article, &mut rng);
            assert_eq!(article[0], vec!["Lede.".to_string()]);
            let added = article.iter().flatten().count() - 2;
            assert!(added <= 3);
        }
        let sign_offs: Vec<String> = (0..400).filter_map(|_| sign_off("Reuters", &mut rng)).collect();
        let distinct: std::collections::HashSet<&String> = sign_offs.iter().collect();
        assert!(sign_offs.len() > 250 && distinct.len() < sign_offs.len(), "{}", distinct.len());
        assert_eq!(staff("AFP", 3), staff("AFP", 3));
    }
}
