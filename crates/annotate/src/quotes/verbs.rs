//! Speech verbs, per language: the words that tie a quotation to its speaker.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::names::{self, WordSet};

/// How a speech word points at its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verb {
    /// The speaker stands beside the verb: "Putin said", "said a senior official".
    Said,
    /// The speaker follows: "according to the report", "selon M. Macron", "so Merkel".
    According,
    /// A participle whose speaker is its clause's subject: "…, writing: “…”", "…, adding".
    Participle,
}

/// English speech verbs (every source's: wire copy quotes in English everywhere).
#[rustfmt::skip]
const ENGLISH: &[&str] = &[
    "said", "says", "say", "told", "tells", "tell", "added", "adds", "warned", "warns", "insisted", "insists",
    "urged", "urges", "stressed", "stresses", "noted", "notes", "asked", "asks", "declared", "declares", "explained",
    "explains", "recalled", "recalls", "commented", "argued", "argues", "continued", "continues", "wrote", "writes",
    "replied", "replies", "answered", "acknowledged", "acknowledges", "admitted", "admits", "claimed", "claims",
    "complained", "complains", "conceded", "concedes", "cautioned", "suggested", "suggests", "announced", "announces",
    "tweeted", "tweets", "posted", "stated", "states", "remarked", "observed", "observes", "responded", "responds",
    "predicted", "predicts", "promised", "vowed", "vows", "pledged", "boasted", "joked", "quipped", "shouted",
    "yelled", "whispered", "testified", "emphasized", "emphasised", "emphasizes", "mused", "exclaimed", "lamented",
    "laments", "reiterated", "countered", "objected", "agreed", "concluded", "concludes", "affirmed", "alleged",
    "alleges", "assured", "confirmed", "confirms", "denied", "maintained", "maintains", "recounted",
    "revealed", "reveals", "texted", "wondered", "read", "reads", "described", "describes", "reported",
    "messaged", "pointed", "cried", "sighed", "laughed", "advised", "demanded", "thundered", "chimed",
    "offered", "begged", "pleaded", "chanted", "sang", "screamed", "teased", "elaborated", "clarified",
    "interjected", "quoted", "comments", "written", "remarks", "remembered", "remembers", "assures", "confides",
    "confided", "called", "calls", "muses", "jokes",
    "quips", "counters", "cautions", "shouts", "yells", "screams", "whispers", "sings", "exclaims", "wonders",
    "demands", "boasts", "laughs", "sighs", "cries", "pleads", "begs", "recounts", "testifies", "ordered", "orders",
    "snapped", "snaps", "barked", "murmured", "vented", "gushed", "raved",
];

#[rustfmt::skip]
const ENGLISH_PARTICIPLES: &[&str] = &[
    "saying", "adding", "writing", "noting", "telling", "explaining", "arguing", "warning", "insisting", "stressing",
    "asking", "declaring", "claiming", "urging", "stating", "tweeting", "posting", "suggesting", "acknowledging",
    "calling", "describing", "recalling", "quipping", "joking", "replying", "responding", "concluding", "emphasizing",
    "emphasising", "announcing", "promising", "vowing", "complaining", "admitting",
];

/// Other languages' speech verbs, by ISO 639-1 code.
const OTHER: &[(&str, &[&str])] = &[
    (
        "de",
        &[
            "sagte",
            "sagt",
            "sagten",
            "erklärte",
            "erklärt",
            "betonte",
            "betont",
            "meinte",
            "meint",
            "schrieb",
            "schreibt",
            "warnte",
            "kritisierte",
            "antwortete",
            "ergänzte",
            "forderte",
            "sagten",
            "fügte",
            "teilte",
            "versicherte",
            "bekräftigte",
            "räumte",
            "unterstrich",
            "verkündete",
            "twitterte",
        ],
    ),
    (
        "fr",
        &[
            "déclaré",
            "dit",
            "affirmé",
            "expliqué",
            "ajouté",
            "souligné",
            "estimé",
            "indiqué",
            "confié",
            "assuré",
            "écrit",
            "déclare",
            "affirme",
            "explique",
            "ajoute",
            "souligne",
            "estime",
            "indique",
            "assure",
            "répondu",
            "répond",
            "lancé",
            "martelé",
            "prévenu",
            "insisté",
            "confie",
            "raconte",
            "raconté",
            "précisé",
            "précise",
        ],
    ),
    (
        "es",
        &[
            "dijo",
            "afirmó",
            "declaró",
            "explicó",
            "añadió",
            "aseguró",
            "señaló",
            "indicó",
            "escribió",
            "dice",
            "afirma",
            "explica",
            "asegura",
            "señala",
            "indica",
            "agregó",
            "sostuvo",
            "manifestó",
            "advirtió",
        ],
    ),
    (
        "it",
        &[
            "detto",
            "dichiarato",
            "spiegato",
            "affermato",
            "aggiunto",
            "sottolineato",
            "scritto",
            "dice",
            "afferma",
            "spiega",
            "aggiunge",
            "sottolinea",
            "dichiara",
            "ribadito",
            "commentato",
            "commenta",
        ],
    ),
    (
        "pt",
        &[
            "disse",
            "afirmou",
            "declarou",
            "explicou",
            "acrescentou",
            "escreveu",
            "diz",
            "afirma",
            "explica",
            "destacou",
            "ressaltou",
            "garantiu",
            "comentou",
            "contou",
        ],
    ),
    (
        "ru",
        &[
            "заявил",
            "заявила",
            "заявили",
            "сказал",
            "сказала",
            "сказали",
            "отметил",
            "отметила",
            "отметили",
            "подчеркнул",
            "подчеркнула",
            "добавил",
            "добавила",
            "сообщил",
            "сообщила",
            "сообщили",
            "пояснил",
            "пояснила",
            "написал",
            "написала",
            "говорит",
            "признался",
            "призналась",
            "рассказал",
            "рассказала",
            "считает",
            "заявляет",
            "уточнил",
            "уточнила",
            "ответил",
            "ответила",
            "говорится",
            "констатировал",
        ],
    ),
    ("uk", &["заявив", "заявила", "сказав", "сказала", "зазначив", "зазначила", "повідомив", "повідомила", "додав"]),
    ("id", &["kata", "katanya", "ujar", "ujarnya", "jelasnya", "tuturnya", "ungkapnya", "tegasnya", "menambahkan"]),
    ("nl", &["zei", "zegt", "verklaarde", "schreef", "benadrukte", "aldus"]),
];

/// Words after which the speaker follows, by language: "according to X", "so Merkel".
const ACCORDING: &[(&str, &[&str])] = &[
    ("en", &["according"]),
    ("de", &["laut", "so"]),
    ("fr", &["selon"]),
    ("es", &["según"]),
    ("it", &["secondo"]),
    ("pt", &["segundo"]),
    ("ru", &["словам"]),
    ("uk", &["словами"]),
    ("id", &["menurut"]),
    ("nl", &["volgens"]),
];

/// Auxiliaries and adverbs that may stand between a speaker and the verb: "Mr Kerry had
/// said", "Putin was quoted as saying", "M. Macron a déclaré".
#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "had", "has", "have", "was", "is", "were", "are", "would", "will", "also", "then", "later", "earlier", "quoted",
    "as", "once", "previously", "recently", "again", "further", "just", "reportedly", "publicly", "privately",
    "separately", "similarly", "simply", "only", "flatly", "repeatedly", "hat", "habe", "a", "ont", "avait", "ha",
    "hanno", "aveva", "tem", "já", "уже", "также", "тоже", "instead", "still", "even", "now", "finally", "did",
    "does", "do", "herself", "himself",
];

/// Whether `word` may stand between a speaker and the verb: an auxiliary, or an adverb in
/// -ly ("Thomas allegedly told").
pub(crate) fn auxiliary(word: &str) -> bool {
    let adverb = word.len() > 4 && word.ends_with("ly") && !word.chars().any(char::is_uppercase);
    adverb || names::listed(&AUXILIARY_SET, word)
}

static AUXILIARY_SET: LazyLock<WordSet> = LazyLock::new(|| names::set(AUXILIARIES));

/// What `word` (in lower case) is in a text of `language`, when it is a speech word.
pub(crate) fn verb(word: &str, language: &str) -> Option<Verb> {
    // Every word of every sentence is looked up: one hash probe, not a scan of the lists.
    let entries = TABLE.get(word)?;
    entries.iter().find(|(l, _)| l.is_empty() || *l == language).map(|&(_, verb)| verb)
}

/// Each speech word with the languages it is one in ("" for every language), first match wins.
type Table = HashMap<&'static str, Vec<(&'static str, Verb)>, foldhash::fast::FixedState>;

static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut table = Table::default();
    let mut add = |word: &'static str, language: &'static str, verb: Verb| {
        table.entry(word).or_default().push((language, verb));
    };
    ENGLISH.iter().for_each(|w| add(w, "", Verb::Said));
    for (language, words) in OTHER {
        words.iter().for_each(|w| add(w, language, Verb::Said));
    }
    ENGLISH_PARTICIPLES.iter().for_each(|w| add(w, "", Verb::Participle));
    add("according", "", Verb::According);
    for (language, words) in ACCORDING {
        words.iter().for_each(|w| add(w, language, Verb::According));
    }
    table
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbs_belong_to_their_language() {
        assert_eq!(verb("said", "de"), Some(Verb::Said));
        assert_eq!(verb("sagte", "de"), Some(Verb::Said));
        assert_eq!(verb("sagte", "en"), None);
        assert_eq!(verb("so", "en"), None);
        assert_eq!(verb("so", "de"), Some(Verb::According));
        assert_eq!(verb("заявил", "ru"), Some(Verb::Said));
        assert_eq!(verb("writing", "en"), Some(Verb::Participle));
    }

    #[test]
    fn each_word_is_listed_once() {
        for list in [ENGLISH, ENGLISH_PARTICIPLES, AUXILIARIES] {
            let mut seen = std::collections::HashSet::new();
            assert!(list.iter().all(|w| seen.insert(w)), "a word is listed twice");
        }
    }
}
