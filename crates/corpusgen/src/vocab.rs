//! Word lists and the pseudo-word vocabulary that makes each story's wording its own.

use crate::rng::{hash_str, mix};

/// Fictional outlets that publish the generated sources.
pub const OUTLETS: &[&str] = &[
    "The Meridian Post",
    "Harbourview Herald",
    "The Northern Ledger",
    "Eastgate Daily",
    "The Coastal Courier",
    "Atlas Review",
    "The Evening Lantern",
    "Riverside Gazette",
    "The Capital Observer",
    "Summit Times",
    "The Morning Compass",
    "Global Dispatch Online",
    "The Continental Letter",
    "Bridgewater Chronicle",
    "The Southern Star-Tribune",
    "Pinecrest Journal",
    "The Lakeside Sentinel",
    "Frontier Monitor",
    "The Weekly Beacon",
    "Metro Outlook",
    "The Highland Register",
    "Crossroads News",
    "The Pacific Examiner",
    "Old Town Telegraph",
    "The Open Record",
    "Westbrook Mail",
    "The Daily Horizon",
    "Orchard Valley Times",
    "The Foreign Desk",
    "Granite City Press",
    "The Union Bulletin",
    "Ashford Review",
    "The Civic Mirror",
    "Portside Express",
    "The Middle Sea Post",
    "Kingsway Tribune",
    "Levant Wire Digest",
    "The Quarterdeck",
    "Silverline News",
    "The Border Echo",
];

/// News agencies whose copy the sources may carry.
pub const WIRES: &[&str] = &["AFP", "Reuters", "AP", "Bloomberg"];

/// Datelines for wire tags ("MOSCOW (AFP) -").
pub const DATELINES: &[&str] = &[
    "MOSCOW",
    "WASHINGTON",
    "BEIRUT",
    "GENEVA",
    "DAMASCUS",
    "LONDON",
    "PARIS",
    "ANKARA",
    "VIENNA",
    "AMMAN",
    "CAIRO",
    "BRUSSELS",
    "NEW YORK",
    "TEHRAN",
    "ISTANBUL",
];

/// What the subject of a photo caption is doing.
pub const CAPTION_ACTIONS: &[&str] = &[
    "speaks to reporters",
    "attends a meeting",
    "arrives for talks",
    "waves before getting into a car",
    "looks on during a news conference",
    "shakes hands with officials",
    "leaves a closed-door session",
];

/// Agencies credited under photos.
pub const PHOTO_CREDITS: &[&str] = &["REUTERS", "AFP", "AP", "EPA", "GETTY"];

/// English month names, January first.
pub use corpus::MONTH_NAMES as MONTHS;

const ONSETS: &[&str] = &[
    "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "ch", "sh", "br", "dr", "gr", "kr", "tr",
    "st",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ea", "io"];
const CODAS: &[&str] = &["", "", "", "n", "l", "r", "s", "m", "t", "v"];

/// The pseudo-word numbered `h`: `syllables` consonant–vowel syllables and an optional final
/// consonant ("kestavo", "marunel"). The vocabulary holds millions of words.
pub fn pseudo_word(h: u64, syllables: usize) -> String {
    let mut bits = mix(h);
    let mut word = String::new();
    for _ in 0..syllables.max(2) {
        word.push_str(ONSETS[(bits % ONSETS.len() as u64) as usize]);
        bits /= ONSETS.len() as u64;
        word.push_str(VOWELS[(bits % VOWELS.len() as u64) as usize]);
        bits /= VOWELS.len() as u64;
    }
    word.push_str(CODAS[(bits % CODAS.len() as u64) as usize]);
    word
}

/// A pseudo-word about as long as `original`, cased like it: all capitals for an acronym,
/// a capital first letter for a name or a sentence start, lower case otherwise.
pub fn pseudo_like(original: &str, h: u64) -> String {
    let letters = original.chars().count();
    let word = pseudo_word(h, letters.div_ceil(3).clamp(2, 4));
    let mut chars = original.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let all_upper = first_upper && letters > 1 && chars.all(char::is_uppercase);
    if all_upper {
        word.to_uppercase()
    } else if first_upper {
        capitalise(&word)
    } else {
        word
    }
}

/// `word` with its first letter in upper case.
pub fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Byte ranges of the words of `text`: runs of letters.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// True for a word long enough to be substituted: more than three letters.
pub fn is_long(word: &str) -> bool {
    word.chars().nth(3).is_some()
}

/// How many of a thousand long words a story's substitution replaces: nine in ten. The
/// seeds give only about a hundred distinct sentences, so stories keep their structure and
/// function words; different events would not also share most of their content words, and
/// with fewer substituted, unrelated stories would read as edited copies of each other.
pub const SUBSTITUTED_PER_MILLE: u64 = 900;

/// Rewrites `text` with the substitution of `salt` (one per story): each word of more than
/// three letters is replaced, with probability [`SUBSTITUTED_PER_MILLE`] / 1000, by a
/// pseudo-word. The choice depends only on the salt and the word (ignoring case), so a story
/// says "kestavo" for "Moscow" every time. Punctuation, quotes, digits and spacing are kept.
pub fn substitute(text: &str, salt: u64) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (start, end) in word_spans(text) {
        let word = &text[start..end];
        if !is_long(word) {
            continue;
        }
        let h = hash_str(salt, &word.to_lowercase());
        if h % 1000 < SUBSTITUTED_PER_MILLE {
            out.push_str(&text[last..start]);
            out.push_str(&pseudo_like(word, h));
            last = end;
        }
    }
    out.push_str(&text[last..]);
    out
}

/// Replaces up to `count` random long words of `text` by pseudo-words drawn from `h`: a
/// light edit, as a copy editor's synonym would be.
pub fn change_words(text: &str, count: usize, rng: &mut crate::rng::Rng) -> String {
    let spans: Vec<(usize, usize)> = word_spans(text).into_iter().filter(|&(s, e)| is_long(&text[s..e])).collect();
    let mut chosen: Vec<(usize, usize)> = rng.sample(spans.len(), count).into_iter().map(|i| spans[i]).collect();
    chosen.sort_unstable();
    let mut out = String::with_capacity(text.len() + 16);
    let mut last = 0;
    for (start, end) in chosen {
        out.push_str(&text[last..start]);
        out.push_str(&pseudo_like(&text[start..end], rng.next_u64()));
        last = end;
    }
    out.push_str(&text[last..]);
    out
}

/// A web domain for an outlet: "The Meridian Post" → "meridianpost.com".
pub fn domain(outlet: &str) -> String {
    let name = outlet.strip_prefix("The ").unwrap_or(outlet);
    let mut domain: String = name.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect();
    domain.push_str(".com");
    domain
}

/// A URL path segment from a title: lower-case ASCII words joined by hyphens.
pub fn url_slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitution_is_consistent_and_keeps_shape() {
        let text = "“Moscow and Moscow,” said the Kremlin’s spokesman in MOSCOW.";
        let a = substitute(text, 1);
        assert_eq!(a, substitute(text, 1));
        assert!(a.starts_with('“') && a.ends_with('.') && a.contains("’s"));
        let words: Vec<&str> = word_spans(&a).iter().map(|&(s, e)| &a[s..e]).collect();
        assert_eq!(words[0], words[2], "{a}");
        assert!(words[0].chars().next().unwrap().is_uppercase());
        let differing = (0..50).filter(|&s| substitute(text, s) != text).count();
        assert!(differing > 25, "{differing}");
    }

    #[test]
    fn pseudo_words_are_cased_like_the_original() {
        assert!(pseudo_like("NATO", 5).chars().all(|c| c.is_uppercase()));
        assert!(pseudo_like("Kerry", 5).starts_with(char::is_uppercase));
        assert!(pseudo_like("talks", 5).chars().all(|c| c.is_lowercase()));
        assert!(pseudo_word(9, 2).len() >= 4);
    }

    #[test]
    fn domains_and_url_slugs() {
        assert_eq!(domain("The Southern Star-Tribune"), "southernstartribune.com");
        assert_eq!(url_slug("Putin’s “deal”, in 2016!"), "putin-s-deal-in-2016");
    }
}
