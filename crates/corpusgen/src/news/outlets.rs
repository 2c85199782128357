//! Thousands of fictional outlets, named like local papers: "The Dunmore Courier",
//! "Kingsbridge Evening Post". A name is a place (a first part and an ending) and a
//! masthead.

use crate::rng::hash;

/// How many outlets there are. A story's versions come from distinct outlets, so this also
/// caps a story's size.
pub const COUNT: usize = 5_000;

/// First parts of place names.
const PLACE_STARTS: &[&str] = &[
    "Ash", "Bel", "Black", "Bram", "Brook", "Burn", "Cal", "Carr", "Clay", "Cold", "Craig", "Dal", "Dun", "East",
    "Elm", "Fair", "Fern", "Glen", "Gold", "Green", "Hal", "Hart", "Hazel", "High", "Holm", "Kil", "Kings", "Lang",
    "Lin", "Mal", "Mar", "Mill", "New", "North", "Oak", "Pen", "Red", "Ros", "Salt", "Sand", "Shel", "Silver", "South",
    "Stan", "Stone", "Thorn", "West", "Whit", "Wind",
];

/// Endings of place names.
const PLACE_ENDS: &[&str] = &[
    "ford", "more", "bridge", "haven", "wood", "ton", "field", "bury", "ley", "dale", "mouth", "port", "wick", "stead",
    "gate", "ham", "hill", "by", "well", "chester", "combe", "minster", "worth",
];

/// Newspaper mastheads.
const MASTHEADS: &[&str] = &[
    "Courier",
    "Herald",
    "Gazette",
    "Times",
    "Post",
    "Chronicle",
    "Observer",
    "Tribune",
    "Echo",
    "Sentinel",
    "Examiner",
    "Ledger",
    "Record",
    "Mail",
    "Express",
    "Journal",
    "Standard",
    "Argus",
    "Mercury",
    "Advertiser",
    "Press",
    "Star",
    "Telegraph",
    "Dispatch",
    "Bulletin",
    "Register",
    "Review",
    "Daily News",
    "Evening Post",
    "Free Press",
    "Clarion",
    "Beacon",
    "Monitor",
    "Citizen",
    "Leader",
    "Enquirer",
];

/// Every (place, masthead) pair, 40,572 of them.
const NAMES: usize = PLACE_STARTS.len() * PLACE_ENDS.len() * MASTHEADS.len();

/// Outlet `i` is pair number `i * STRIDE` modulo [`NAMES`]: the stride is prime to it, so
/// the outlets are distinct pairs, and neighbours differ in place and masthead.
const STRIDE: usize = 7_919;

/// Mixed into an outlet's number to decide whether its name starts with "The" (three in five
/// do).
const THE_SALT: u64 = 0x54_6865;

/// The name of outlet `index` (below [`COUNT`]).
pub fn name(index: usize) -> String {
    let pair = index * STRIDE % NAMES;
    let places = PLACE_STARTS.len() * PLACE_ENDS.len();
    let (place, masthead) = (pair % places, pair / places);
    let start = PLACE_STARTS[place % PLACE_STARTS.len()];
    let end = PLACE_ENDS[place / PLACE_STARTS.len()];
    let the = if hash(&[index as u64, THE_SALT]) % 5 < 3 { "The " } else { "" };
    format!("{the}{start}{end} {}", MASTHEADS[masthead])
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    fn gcd(a: usize, b: usize) -> usize {
        if b == 0 { a } else { gcd(b, a % b) }
    }

    #[test]
    fn outlets_are_distinct_and_look_like_papers() {
        assert_eq!(gcd(STRIDE, NAMES), 1);
        let places: HashSet<String> =
            PLACE_STARTS.iter().flat_map(|s| PLACE_ENDS.iter().map(move |e| format!("{s}{e}"))).collect();
        assert_eq!(places.len(), PLACE_STARTS.len() * PLACE_ENDS.len(), "two spellings of one place");
        let names: Vec<String> = (0..COUNT).map(name).collect();
        let distinct: HashSet<String> = names.iter().map(|n| n.strip_prefix("The ").unwrap_or(n).to_string()).collect();
        assert_eq!(distinct.len(), COUNT);
        let domains: HashSet<String> = names.iter().map(|n| crate::vocab::domain(n)).collect();
        assert_eq!(domains.len(), COUNT);
        for n in &names {
            let words: Vec<&str> = n.split(' ').collect();
            assert!((2..=4).contains(&words.len()), "{n}");
            assert!(words.iter().all(|w| w.starts_with(char::is_uppercase)), "{n}");
        }
    }
}
