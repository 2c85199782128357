//! Stop words: the share of a line's words that are function words ("the", "der", "и",
//! "في") tells running text from menus, headlines and labels, whatever the language
//! (jusText's measure).
//!
//! The lists are the `stop-words` crate's: NLTK's (Snowball's function words) where it has
//! the language, stopwords-iso's for the rest. Serbian in Cyrillic script, which neither
//! has, is the Croatian list transliterated: the two are written alike in Latin script, and
//! Serbian Cyrillic maps letter for letter onto it. The language of a text is not given:
//! the list covering the most of its words is taken ([`Language::detect`]).

use std::collections::HashMap;
use std::sync::LazyLock;

use foldhash::fast::FixedState;

/// Every list, by code, with its words folded as [`super::text::fold`] folds text.
struct Lists {
    codes: Vec<&'static str>,
    /// Each word with the set of lists holding it, one bit a list.
    words: HashMap<String, u128, FixedState>,
}

/// Lists left out: word lists without spaces between words (Chinese, Japanese, Thai), where
/// a "word" of ours is a whole phrase; and a list for a mixed language.
const SKIPPED: &[&str] = &["zh", "ja", "th", "hinglish"];

static LISTS: LazyLock<Lists> = LazyLock::new(|| {
    let mut codes: Vec<&'static str> =
        stop_words::available_languages().iter().copied().filter(|c| !SKIPPED.contains(c)).collect();
    codes.push("sr-Cyrl");
    // One bit a list in a u128.
    codes.truncate(128);
    let mut words: HashMap<String, u128, FixedState> = HashMap::default();
    for (bit, code) in codes.iter().enumerate() {
        let list: Vec<String> = match *code {
            "sr-Cyrl" => stop_words::get("hr").iter().map(|w| latin_to_cyrillic(w)).collect(),
            code => stop_words::get(code).iter().map(|w| w.to_string()).collect(),
        };
        for word in list {
            // A listed "l'" or "don't" folds to its pieces, which stand as words in text. Some
            // lists hold digits (stopwords-iso's Korean): numbers are in every language.
            let pieces = super::text::fold(&word);
            for piece in pieces.split(' ').filter(|p| p.chars().any(char::is_alphabetic)) {
                *words.entry(piece.to_string()).or_default() |= 1 << bit;
            }
        }
    }
    Lists { codes, words }
});

/// Serbian Latin to Cyrillic, letter for letter ("lj", "nj" and "dž" are one letter each).
fn latin_to_cyrillic(word: &str) -> String {
    const PAIRS: &[(&str, char)] = &[("lj", 'љ'), ("nj", 'њ'), ("dž", 'џ')];
    const SINGLE: &[(char, char)] = &[
        ('a', 'а'),
        ('b', 'б'),
        ('c', 'ц'),
        ('č', 'ч'),
        ('ć', 'ћ'),
        ('d', 'д'),
        ('đ', 'ђ'),
        ('e', 'е'),
        ('f', 'ф'),
        ('g', 'г'),
        ('h', 'х'),
        ('i', 'и'),
        ('j', 'ј'),
        ('k', 'к'),
        ('l', 'л'),
        ('m', 'м'),
        ('n', 'н'),
        ('o', 'о'),
        ('p', 'п'),
        ('r', 'р'),
        ('s', 'с'),
        ('š', 'ш'),
        ('t', 'т'),
        ('u', 'у'),
        ('v', 'в'),
        ('z', 'з'),
        ('ž', 'ж'),
    ];
    let mut out = String::with_capacity(word.len() * 2);
    let mut rest = word;
    while let Some(c) = rest.chars().next() {
        if let Some((pair, cyrillic)) = PAIRS.iter().find(|(pair, _)| rest.starts_with(pair)) {
            out.push(*cyrillic);
            rest = &rest[pair.len()..];
            continue;
        }
        out.push(SINGLE.iter().find(|(latin, _)| *latin == c).map_or(c, |(_, cyrillic)| *cyrillic));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The stop-word list a text is measured with: the one that covers most of its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    bit: u128,
}

/// Whether `word` is a stop word of any language the lists hold ("the", "quando", "мой").
pub fn is_stop_word(word: &str) -> bool {
    let folded = super::text::fold(word);
    !folded.is_empty() && folded.split(' ').all(|piece| LISTS.words.contains_key(piece))
}

/// Whether `word` is a stop word of the language coded `code` ("ru": "мой", not "Ma").
pub fn is_stop_word_in(word: &str, code: &str) -> bool {
    let Some(bit) = LISTS.codes.iter().position(|c| *c == code) else { return false };
    let folded = super::text::fold(word);
    !folded.is_empty()
        && folded.split(' ').all(|piece| LISTS.words.get(piece).is_some_and(|bits| bits & (1 << bit) != 0))
}

/// The language of an article's text, as the code of the stop-word list that covers most of
/// its words ("en", "de", "sr-Cyrl"), when the text is long enough and that list covers
/// enough of it to tell: at least 8 words, a tenth of them on the list. Close languages
/// (Croatian and Serbian in Latin script, Spanish and Galician) can be taken for each other;
/// `sitegen import` says the language was detected, for the user to check.
pub fn language_of(text: &str) -> Option<&'static str> {
    let (language, words, hits) = Language::detect_counted(text.lines());
    (words >= 8 && hits * 10 >= words).then(|| LISTS.codes[language.bit.trailing_zeros() as usize])
}

/// Words read to detect the language: enough for a verdict, and a bound on the cost.
const DETECTION_WORDS: usize = 20_000;

impl Language {
    /// The list covering most words of `lines` (English on a tie, or with no words at all).
    pub fn detect<'a>(lines: impl IntoIterator<Item = &'a str>) -> Language {
        Language::detect_counted(lines).0
    }

    /// [`Language::detect`], with how many words were read and how many of them the chosen
    /// list holds.
    fn detect_counted<'a>(lines: impl IntoIterator<Item = &'a str>) -> (Language, usize, usize) {
        let lists = &*LISTS;
        let mut hits = vec![0usize; lists.codes.len()];
        let mut seen = 0;
        let mut buffer = String::new();
        'lines: for line in lines {
            for word in words(line) {
                seen += 1;
                if seen > DETECTION_WORDS {
                    break 'lines;
                }
                let mut mask = lookup(word, &mut buffer);
                while mask != 0 {
                    hits[mask.trailing_zeros() as usize] += 1;
                    mask &= mask - 1;
                }
            }
        }
        let english = lists.codes.iter().position(|c| *c == "en").unwrap_or(0);
        let best = (0..hits.len()).fold(english, |best, i| if hits[i] > hits[best] { i } else { best });
        (Language { bit: 1 << best }, seen.min(DETECTION_WORDS), hits[best])
    }

    /// The language's code, as the `stop-words` crate names it ("en", "sr-Cyrl").
    #[cfg(test)]
    pub fn code(self) -> &'static str {
        LISTS.codes[self.bit.trailing_zeros() as usize]
    }

    /// How many words `line` has, and how many of them are stop words.
    pub fn count(self, line: &str, buffer: &mut String) -> (usize, usize) {
        let mut total = 0;
        let mut stop = 0;
        for word in words(line) {
            total += 1;
            stop += usize::from(lookup(word, buffer) & self.bit != 0);
        }
        (total, stop)
    }
}

/// The lists holding `word`, folded into `buffer` (reused: no allocation per word).
fn lookup(word: &str, buffer: &mut String) -> u128 {
    buffer.clear();
    for c in word.chars() {
        if c.is_ascii() {
            buffer.push(c.to_ascii_lowercase());
        } else {
            buffer.extend(c.to_lowercase());
        }
    }
    LISTS.words.get(buffer.as_str()).copied().unwrap_or(0)
}

/// The runs of letters and digits of `text`, as [`super::text::fold`] splits it.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_language_of_article_text() {
        for (code, text) in [
            ("en", "The talks in Geneva were long and difficult, and the two sides did not agree on a date."),
            (
                "de",
                "Die Gespräche in Genf waren lang und schwierig, und die beiden Seiten haben sich nicht auf einen Termin geeinigt.",
            ),
            (
                "fr",
                "Les discussions à Genève ont été longues et difficiles, et les deux parties ne se sont pas entendues sur une date.",
            ),
            (
                "es",
                "Las conversaciones en Ginebra fueron largas y difíciles, y las dos partes no se pusieron de acuerdo sobre una fecha.",
            ),
            (
                "pt",
                "As conversas em Genebra foram longas e difíceis, e os dois lados não chegaram a um acordo sobre uma data.",
            ),
            (
                "it",
                "I colloqui a Ginevra sono stati lunghi e difficili, e le due parti non si sono accordate su una data.",
            ),
            (
                "ru",
                "Переговоры в Женеве были долгими и трудными, и стороны так и не договорились о дате новой встречи.",
            ),
            ("ar", "كانت المحادثات في جنيف طويلة وصعبة، ولم يتفق الطرفان على موعد جديد من أجل اللقاء."),
            (
                "hr",
                "Razgovori u Ženevi bili su dugi i teški, a dvije strane se nisu dogovorile oko datuma jer je to bilo teško.",
            ),
            (
                "sr-Cyrl",
                "Разговори у Женеви су били дуги и тешки, а две стране се нису договориле око датума јер је то било тешко.",
            ),
        ] {
            assert_eq!(Language::detect([text]).code(), code, "{text}");
        }
        assert_eq!(Language::detect([""]).code(), "en");
    }

    #[test]
    fn counts_stop_words_in_any_case() {
        let english = Language::detect(["the and of to in"]);
        let mut buffer = String::new();
        assert_eq!(english.count("The talks in Geneva were long.", &mut buffer), (6, 3));
        assert_eq!(english.count("Home World Business Markets", &mut buffer), (4, 0));
        assert_eq!(latin_to_cyrillic("njegovih"), "његових");
        assert_eq!(latin_to_cyrillic("džep"), "џеп");
    }
}
