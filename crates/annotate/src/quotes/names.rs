//! Names in attributions: which capitalised words are a person's name, which are titles and
//! roles in front of it ("Senate Majority Leader", "Rep."), and which name a body rather than a
//! person ("the State Department", "NASA").

use super::pronouns;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Honorifics written without a full stop, besides corpus's [`corpus::sentences::TITLES`]
/// (which are written with one or without): "Sir", "Herr", "г-н".
#[rustfmt::skip]
const HONORIFICS: &[&str] = &[
    "miss", "sir", "dame", "lord", "lady", "herr", "frau", "m", "sig.ra", "г-н", "г-жа",
];
/// Role words written with a capital before a name: "Prime Minister", "Coach", "CEO". The
/// name is what follows the last of them.
#[rustfmt::skip]
const ROLES: &[&str] = &[
    "president", "vice", "prime", "minister", "secretary", "senator", "representative", "governor", "mayor", "leader",
    "chairman", "chairwoman", "chair", "chairperson", "director", "spokesman", "spokeswoman", "spokesperson",
    "ambassador", "general", "colonel", "commissioner", "chancellor", "king", "queen", "prince", "princess", "pope",
    "judge", "justice", "officer", "ceo", "cfo", "coo", "cto", "chief", "executive", "manager", "professor", "coach",
    "captain", "sergeant", "attorney", "speaker", "councilman", "councilwoman", "councillor", "councilor",
    "superintendent", "detective", "lieutenant", "commander", "admiral", "founder", "co-founder", "editor", "analyst",
    "economist", "host", "anchor", "correspondent", "candidate", "nominee", "sheriff", "deputy", "agent", "inspector",
    "constable", "trooper", "pastor", "bishop", "archbishop", "cardinal", "emir", "sultan", "crown",
    "president-elect", "dean", "principal", "doctor", "congressman", "congresswoman", "assemblyman", "assemblywoman",
    "lawmaker", "delegate", "mp", "mep", "brigadier", "marshal", "premier", "treasurer", "comptroller",
    "administrator", "adviser", "advisor", "counsel", "prosecutor", "lawyer", "vice-president", "former", "acting",
    "interim", "senior", "deputy", "assistant", "associate", "head", "rabbi", "imam", "sheikh", "father", "reverend",
    "chef", "star", "striker", "quarterback", "forward", "guard", "midfielder", "defender", "pitcher", "goalkeeper",
    "rapper", "singer", "actor", "actress", "author", "writer", "columnist", "producer", "designer", "partner",
    "owner", "scientist", "researcher", "astronaut", "physician", "nurse", "student", "activist", "spokesperson",
    "press", "foreign", "defense", "defence", "state", "interior", "finance", "attorney-general", "solicitor",
    "barrister", "chairman-elect", "majority", "minority", "whip", "white", "first", "lady", "gop", "democratic",
    "republican", "labour", "conservative", "liberal", "u.s.", "us", "uk", "eu", "un", "nato", "бывший", "президент",
    "министр", "глава", "пресс-секретарь", "премьер-министр", "представитель", "präsident", "präsidentin",
    "kanzlerin", "kanzler", "ministerin", "bundeskanzlerin", "sprecher", "sprecherin", "président", "présidente",
    "ministre", "premier", "porte-parole", "presidente", "ministro", "ministra", "portavoz", "portavoce",
];

/// Words that make a capitalised run the name of a body, not a person.
#[rustfmt::skip]
const BODY_WORDS: &[&str] = &[
    "department", "ministry", "inc", "corp", "corporation", "company", "co", "ltd", "llc", "plc", "group", "agency",
    "office", "police", "court", "council", "committee", "commission", "university", "college", "school", "institute",
    "association", "party", "bank", "fund", "foundation", "times", "post", "news", "journal", "network", "service",
    "services", "administration", "board", "authority", "government", "army", "navy", "force", "forces", "command",
    "center", "centre", "hospital", "union", "federation", "league", "club", "team", "church", "museum",
    "organization", "organisation", "campaign", "coalition", "alliance", "society", "bureau", "magazine", "press",
    "media", "studio", "studios", "labs", "systems", "technologies", "motors", "airlines", "airways", "holdings",
    "partners", "capital", "securities", "exchange", "parliament", "senate", "house", "congress", "kremlin",
    "pentagon", "ministry", "embassy", "states", "republic", "kingdom", "nations", "reuters", "bloomberg", "tass",
    "interfax", "xinhua", "afp", "ap", "cnn", "bbc", "nbc", "cbs", "abc", "fox", "report", "statement", "study",
    "survey", "poll", "index", "data", "lab", "laboratory", "clinic", "daily", "weekly", "tribune", "herald",
    "gazette", "telegraph", "guardian", "observer", "review", "international", "global", "industries",
    "entertainment", "records", "pictures", "games", "sports", "health", "energy", "airport", "station", "city",
    "county", "state", "province", "region", "district", "town", "village",
];

/// Particles inside a name, written in lower case: "Ursula von der Leyen", "Mohammed bin Salman".
#[rustfmt::skip]
const PARTICLES: &[&str] = &[
    "of", "for", "de", "da", "del", "della", "di", "do", "dos", "das", "du", "van", "von", "der", "den", "ter", "ten",
    "bin", "ibn", "al", "el", "la", "le", "y", "zu", "bint", "abu",
];

/// Capitalised words that open a sentence without being part of a name.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "but", "and", "then", "later", "earlier", "still", "however", "meanwhile", "also", "now", "today", "yesterday",
    "tonight", "so", "yet", "instead", "indeed", "again", "here", "there", "thus", "asked", "speaking", "writing",
    "as", "when", "while", "after", "before", "in", "on", "at", "for", "with", "last", "this", "that", "ultimately",
    "finally", "first", "second", "separately", "similarly", "nonetheless", "nevertheless", "overall", "elsewhere",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "aber", "und", "doch", "mais", "et",
    "pero", "y", "ma", "e", "но", "и", "а", "both", "once", "not", "despite", "whatever", "although", "though",
    "because", "unlike", "like", "if", "unless", "until", "since", "it", "i", "there’s", "there's", "we", "you",
    "they", "my", "our", "what", "who", "how", "why", "where", "which", "even", "only", "just", "perhaps", "maybe",
    "ahead", "prior", "thanks", "according", "during", "from", "to", "by", "of", "about", "among", "without", "with",
    "under",
];

/// `name` folded for comparison: transliterated to ASCII, lower case, words joined by single
/// spaces, without full stops ("Jérôme  Powell" and "jerome powell" fold alike).
pub(crate) fn fold(name: &str) -> String {
    let ascii = any_ascii::any_ascii(name).to_lowercase();
    let words: Vec<&str> = ascii.split(|c: char| c.is_whitespace() || c == '.').filter(|w| !w.is_empty()).collect();
    words.join(" ")
}

/// A word list made a set, looked up for every word a phrase is read over.
pub(crate) type WordSet = HashSet<&'static str, foldhash::fast::FixedState>;

/// The set of a word list; each list's set is made once, in a `LazyLock`.
pub(crate) fn set(words: &[&'static str]) -> WordSet {
    words.iter().copied().collect()
}

static HONORIFIC_SET: LazyLock<WordSet> =
    LazyLock::new(|| HONORIFICS.iter().chain(corpus::sentences::TITLES).copied().collect());
static ROLE_SET: LazyLock<WordSet> = LazyLock::new(|| set(ROLES));
static BODY_SET: LazyLock<WordSet> = LazyLock::new(|| set(BODY_WORDS));
static OPENER_SET: LazyLock<WordSet> = LazyLock::new(|| set(OPENERS));

/// Whether `word`, in lower case and without a closing full stop, is in `words`; short ASCII
/// words (nearly all) are lowered on the stack.
pub(crate) fn listed(words: &WordSet, word: &str) -> bool {
    lowered(word.trim_end_matches('.'), |w| words.contains(w))
}

/// `f` of `word` in lower case; short ASCII words (nearly all) are lowered on the stack.
pub(crate) fn lowered<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buffer = [0u8; 24];
    if word.len() <= buffer.len() && word.is_ascii() {
        let lower = &mut buffer[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return f(std::str::from_utf8(lower).expect("ASCII stays UTF-8"));
    }
    f(&word.to_lowercase())
}

/// A word written with a capital (or a digit: "3M"), as names are.
pub(crate) fn capitalised(word: &str) -> bool {
    match word.chars().next() {
        Some(c) if c.is_uppercase() => true,
        Some(c) if c.is_ascii_digit() => word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase),
        _ => false,
    }
}

/// A generational suffix after a surname: "Jr.", "III".
pub(crate) fn is_suffix(word: &str) -> bool {
    lowered(word.trim_end_matches('.'), |w| matches!(w, "jr" | "sr" | "ii" | "iii" | "iv"))
}

/// A possessive: "Steenburgen’s", "Google's".
pub(crate) fn possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s") || word.ends_with('\'') || word.ends_with('’')
}

/// An honorific or a short title: "Mr.", "Rep", "Dr.".
pub(crate) fn is_honorific(word: &str) -> bool {
    listed(&HONORIFIC_SET, word)
}

/// A role word that may stand before a name: "President", "spokesman".
pub(crate) fn is_role(word: &str) -> bool {
    listed(&ROLE_SET, word) || listed(&HONORIFIC_SET, word)
}

/// A lower-case particle inside a name ("von", "bin", "al").
pub(crate) fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
}

/// A capitalised word that opens a sentence without naming anyone ("But", "Later", "Monday").
pub(crate) fn is_opener(word: &str) -> bool {
    listed(&OPENER_SET, word)
}

/// Written all in capitals (an acronym: "NASA", "FBI"), two letters or more.
fn acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && word.chars().all(|c| !c.is_lowercase())
}

/// How a phrase's words split into titles and a name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct NameParts {
    /// Index of the first word of the name.
    pub(crate) name_from: usize,
    /// Index after the last word of the name (before an "of" that follows it).
    pub(crate) name_to: usize,
    /// Index of the first word of the titles before it (= `name_from` when there are none).
    pub(crate) title_from: usize,
    /// Whether the name is a body's ("NASA", "Apple Inc"), not a person's.
    pub(crate) body: bool,
}

/// The name that ends `words` (a phrase's words, in order), with the titles before it:
/// "Senate Majority Leader Mitch McConnell" gives the name "Mitch McConnell" and the titles
/// "Senate Majority Leader"; "Kremlin spokesman Dmitry Peskov" gives "Dmitry Peskov" and
/// "Kremlin spokesman". None when the phrase does not end in a name ("a senior official",
/// "the President").
pub(crate) fn split_name(words: &[&str]) -> Option<NameParts> {
    // "Rosaly Lopes of NASA's Jet Propulsion Laboratory": a person's full name before "of"
    // is the name; what follows says where they work.
    let of = words.iter().position(|w| matches!(*w, "of" | "at" | "from"));
    if let Some(of) = of.filter(|&of| of >= 2) {
        let before = &words[..of];
        let person = before[of - 2..].iter().all(|w| capitalised(w) && !is_role(w) && !listed(&BODY_SET, w));
        if person && let Some(parts) = split_name(before).filter(|p| !p.body && p.name_to - p.name_from >= 2) {
            return Some(parts);
        }
    }
    let last = *words.last()?;
    if !capitalised(last) || possessive(last) {
        return None;
    }
    // The capitalised run ending the phrase, particles included.
    let mut start = words.len() - 1;
    while start > 0 && (capitalised(words[start - 1]) || is_particle(words[start - 1]) && start > 1) {
        start -= 1;
    }
    let is_determiner = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "the" | "a" | "an" | "this" | "that" | "these" | "those" | "his" | "her" | "their" | "its" | "our" | "my"
        )
    };
    let mut determined = start > 0 && is_determiner(words[start - 1]);
    // A participle opening a sentence is not a name: "Hosting Cook".
    let participle = |w: &str| w.chars().count() > 5 && w.ends_with("ing");
    while start < words.len() - 1
        && (is_particle(words[start])
            || is_opener(words[start])
            || is_determiner(words[start])
            || participle(words[start]))
    {
        determined |= is_determiner(words[start]);
        start += 1;
    }
    if words[start..].iter().all(|w| is_role(w) && !acronym(w)) {
        return None;
    }
    // The last word is always the name's ("Jeffrey White"); before it, the name runs back
    // to the last role word ("President Trump", "First Lady Melania Trump").
    let mut name_from = words.len() - 1;
    while name_from > start && !is_role(words[name_from - 1]) && !possessive(words[name_from - 1]) {
        name_from -= 1;
    }
    if words[name_from..].iter().all(|w| is_opener(w)) {
        return None;
    }
    while is_particle(words[name_from]) && name_from + 1 < words.len() {
        name_from += 1;
    }
    // "special envoy to Ukraine Kurt Volker": a word before a common first name, in a run
    // of three or more, is a place or a body, not the name's.
    let placed = words.len() - name_from >= 3
        && pronouns::of_first_name(words[name_from]).is_none()
        && pronouns::of_first_name(words[name_from + 1]).is_some();
    if placed {
        name_from += 1;
    }
    // A person's name has no "of": "Martin Taylor of Aberdeenshire" is Martin Taylor.
    let mut words = words;
    let of = words[name_from..].iter().position(|w| matches!(*w, "of" | "for")).map(|p| p + name_from);
    if let Some(of) = of.filter(|&of| of > name_from && !words[name_from..of].iter().any(|w| listed(&BODY_SET, w))) {
        words = &words[..of];
    }
    // Determiners before a run make it a body's name ("the State Department").
    let body = determined
        || words[name_from..].iter().any(|w| listed(&BODY_SET, w))
        || (name_from + 1 == words.len() && acronym(last));
    // Titles: the words before the name, back to the phrase's start or a determiner.
    let mut title_from = name_from;
    while !placed
        && title_from > 0
        && !matches!(words[title_from - 1].to_lowercase().as_str(), "the" | "a" | "an" | "and" | "or")
    {
        title_from -= 1;
    }
    Some(NameParts { name_from, name_to: words.len(), title_from, body })
}

/// Whether `title` (what stands before a name) is a title a name is written with: one
/// capitalised word that is an honorific or a role ("Rep.", "Dr", "President", "Prince"),
/// not a description ("veteran industry analyst", "Kremlin spokesman").
pub fn is_title(title: &str) -> bool {
    let title = title.trim();
    !title.contains(char::is_whitespace) && capitalised(title) && is_role(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(phrase: &str) -> Option<(String, String, bool)> {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        split_name(&words)
            .map(|p| (words[p.title_from..p.name_from].join(" "), words[p.name_from..p.name_to].join(" "), p.body))
    }

    #[test]
    fn titles_stand_before_the_name() {
        let person = |t: &str, n: &str| Some((t.to_string(), n.to_string(), false));
        assert_eq!(parts("Rep. Jerry Nadler"), person("Rep.", "Jerry Nadler"));
        assert_eq!(
            parts("Senate Majority Leader Mitch McConnell"),
            person("Senate Majority Leader", "Mitch McConnell")
        );
        assert_eq!(parts("Kremlin spokesman Dmitry Peskov"), person("Kremlin spokesman", "Dmitry Peskov"));
        assert_eq!(parts("former President Barack Obama"), person("former President", "Barack Obama"));
        assert_eq!(parts("Apple CEO Tim Cook"), person("Apple CEO", "Tim Cook"));
        assert_eq!(parts("Tapper"), person("", "Tapper"));
        assert_eq!(
            parts("European Commission President Ursula von der Leyen"),
            person("European Commission President", "Ursula von der Leyen")
        );
        assert_eq!(parts("Mr Putin"), person("Mr", "Putin"));
        assert_eq!(parts("Martin Taylor of Aberdeenshire"), person("", "Martin Taylor"));
        // A place before a common first name is not the name's, nor a title.
        assert_eq!(parts("envoy to Ukraine Kurt Volker"), person("", "Kurt Volker"));
        assert_eq!(parts("Mary Ann Smith"), person("", "Mary Ann Smith"));
    }

    #[test]
    fn bodies_and_descriptions_are_not_people() {
        assert_eq!(parts("the State Department").map(|p| p.2), Some(true));
        assert_eq!(parts("NASA").map(|p| p.2), Some(true));
        assert_eq!(parts("a senior US official"), None);
        assert_eq!(parts("the President"), None);
        assert_eq!(parts("the newspaper"), None);
    }

    #[test]
    fn folding_ignores_case_accents_and_stops() {
        assert_eq!(fold("Jérôme  H. Powell"), "jerome h powell");
    }
}
