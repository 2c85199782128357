//! Photo captions, recognised by their shape: a credit closing the line ("PHOTO: REUTERS",
//! "(AP Photo/Pavel Golovkin)", "REUTERS/Maxim Shemetov", "Foto: dpa", "[AFP]"), or a
//! description of a picture: one sentence in the present tense, with who stands where
//! ("(L)", ", right,") or what they do ("shakes hands", "attends"), closing on a place and
//! a date ("… in Moscow, Russia, Tuesday, Dec. 15, 2015"). Running text reports in the past
//! tense and quotes people: a sentence that says someone "said" something, or quotes them,
//! is never taken for a caption.

use super::text::{WordSet, ends_like_sentence, fold, starts_like_a_title, word_count, word_set};

/// Markers that open a photo credit closing a caption, as printed.
#[rustfmt::skip]
const CREDIT_MARKERS: &[&str] = &[
    "PHOTO:", "Photo:", "PHOTOS:", "Photos:", "Photograph:", "PHOTOGRAPH:", "Photo by ", "Photograph by ", "Image:",
    "IMAGE:", "Picture:", "Credit:", "CREDIT:", "Illustration:", "Getty Images", "File photo", "FILE PHOTO",
];

/// Markers of other languages and of the agencies' own credits, each with a colon or a
/// slash ("(AP Photo/Pavel Golovkin)",
/// "REUTERS/Maxim Shemetov"): a credit after one of these must read as a name, so "a
/// Reuters/Ipsos poll" at the end of a sentence stays. (A line that opens with one is a
/// credit whatever follows: "Foto: dpa".)
#[rustfmt::skip]
const NAMED_CREDIT_MARKERS: &[&str] = &[
    "Foto:", "FOTO:", "Fotos:", "Bild:", "Quelle:", "Photo :", "Photos :", "Crédit :", "Crédits :",
    "Crédit photo :", "Фото:", "ФОТО:", "Фото/", "Imagem:", "Imagen:", "Izvor:", "Извор:", "Snimio:", "Snimila:",
    "صورة:", "تصوير:", "AP Photo/", "AP/", "REUTERS/", "AFP/", "EPA/", "EPA-EFE/", "TASS/", "AA/",
];

/// Where a photo credit starts, when the line ends with one: "... 2016.PHOTO: REUTERS",
/// "... Photograph: AFP Photo/ Sergei Karpukhin", "... in Syria [AFP]".
pub fn caption_credit_at(line: &str) -> Option<usize> {
    // "Image copyright Getty Images Image caption Scooter Braun has managed …": a caption
    // that says so first.
    if ["Image caption", "Image copyright", "Photo caption", "Caption:", "Bildunterschrift", "Légende"]
        .iter()
        .any(|label| line.starts_with(label))
    {
        return Some(0);
    }
    // A credit leaves at most 8 words after its marker: an occurrence ending before the 9th
    // word from the end cannot be one, so only the tail of a long line is searched.
    let longest = CREDIT_MARKERS.iter().chain(NAMED_CREDIT_MARKERS).map(|m| m.len()).max().unwrap_or(0);
    let mut from = nth_word_from_end(line, 9).map_or(0, |at| at.saturating_sub(longest));
    while !line.is_char_boundary(from) {
        from -= 1;
    }
    if !may_hold_credit_marker(&line[from..]) {
        return bracketed_credit_at(line);
    }
    credit_in(line, from)
}

/// The search of [`caption_credit_at`] from byte `from` on: the last occurrence of each
/// marker that opens a credit.
fn credit_in(line: &str, from: usize) -> Option<usize> {
    // Every named marker has a colon or a slash: a tail without either has none of them.
    let named_too = line[from..].contains([':', '/']);
    for (markers, named) in [(CREDIT_MARKERS, false), (NAMED_CREDIT_MARKERS, true)] {
        if named && !named_too {
            break;
        }
        for marker in markers {
            if let Some(at) = line[from..].rfind(marker).map(|at| at + from) {
                let rest = &line[at + marker.len()..];
                let fits =
                    word_count(rest) <= 8 && !rest.contains(". ") && (!named || at == 0 || reads_as_credit(rest));
                if at_word_start(line, at) && fits {
                    return Some(at);
                }
            }
        }
    }
    bracketed_credit_at(line)
}

/// A marker stands at a word's start: after a space or punctuation, or glued to the caption
/// after a lower-case letter ("… a large rodentCredit: The Siberian Times").
fn at_word_start(line: &str, at: usize) -> bool {
    let capital = line[at..].chars().next().is_some_and(char::is_uppercase);
    line[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric() || capital && c.is_lowercase())
}

/// The words after a credit marker are names: each starts with a capital or a digit, bar a
/// few joining words ("via", "for").
fn reads_as_credit(rest: &str) -> bool {
    rest.split([' ', '/', ',', '(', ')', '-']).filter(|w| w.chars().any(char::is_alphanumeric)).all(|w| {
        starts_like_a_title(w) || matches!(w, "via" | "for" | "and" | "de" | "von" | "di" | "et" | "y" | "i" | "и")
    })
}

/// False when `text` holds none of the credit markers: each has a colon, a slash, a capital G
/// or F, or "by ". One pass over the bytes, where most lines hold none, instead of one search per marker.
fn may_hold_credit_marker(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b':' | b'/' | b'G' | b'F' => true,
        b'b' => bytes[i..].starts_with(b"by "),
        _ => false,
    })
}

/// Where the `n`th run of letters or digits from the end of `line` starts.
fn nth_word_from_end(line: &str, n: usize) -> Option<usize> {
    let mut found = 0;
    let mut in_word = false;
    for (at, c) in line.char_indices().rev() {
        let word = c.is_alphanumeric();
        if in_word && !word {
            found += 1;
            if found == n {
                return Some(at + c.len_utf8());
            }
        }
        in_word = word;
    }
    (in_word && found + 1 == n).then_some(0)
}

/// A credit in square brackets closing the line: one to four capitalised words, after text
/// that does not end a sentence ("... cooperation with Russia in Syria [AFP]").
fn bracketed_credit_at(line: &str) -> Option<usize> {
    let inner = line.strip_suffix(']')?;
    let open = inner.rfind('[')?;
    let credit = &inner[open + 1..];
    let words: Vec<&str> = credit.split([' ', '/']).filter(|w| !w.is_empty()).collect();
    let capitalised = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let before = line[..open].trim_end();
    let fits = (1..=4).contains(&words.len()) && capitalised && !before.is_empty();
    (fits && !ends_like_sentence(before)).then_some(open)
}

/// Where people stand in a picture, as captions print it.
#[rustfmt::skip]
const POSITIONS: &[&str] = &[
    "(L)", "(R)", "(C)", "(L-R)", "(l-r)", "(left)", "(right)", "(center)", "(centre)", "(2nd L)", "(2nd R)",
    "(3rd L)", "(3rd R)", ", left,", ", right,", ", center,", ", centre,", ", second left,", ", second right,",
    ", left.", ", right.", ", front,", "from left", "From left", "(l.)", "(r.)", "(M.)", ", à gauche,",
    ", à droite,", ", au centre,", "(à gauche)", "(à droite)", ", a la izquierda,", ", a la derecha,", "(izq.)",
    "(der.)", ", à esquerda,", ", à direita,", "(esq.)", "(dir.)", ", a sinistra,", ", a destra,", "(слева)",
    "(справа)", ", слева,", ", справа,", "(в центре)", "(lijevo)", "(desno)", ", lijevo,", ", desno,", "(лево)",
    "(десно)", ", лево,", ", десно,", "(يمين)", "(يسار)", "(وسط)",
];

/// Verbs of a picture's present: what the people in it do as the shutter clicks.
#[rustfmt::skip]
const PICTURE_VERBS: &[&str] = &[
    "attends", "attend", "shakes", "shake", "waves", "wave", "speaks", "gestures", "gesture", "arrives", "arrive",
    "looks", "walks", "walk", "sits", "sit", "stands", "stand", "holds", "hold", "poses", "pose", "delivers",
    "listens", "listen", "talks", "meets", "smiles", "greets", "greet", "chats", "chat", "addresses", "reacts",
    "react", "prays", "pray", "inspects", "watches", "watch", "carries", "carry", "casts", "boards", "salutes",
    "salute", "marches", "march", "celebrates", "celebrate", "embraces", "embrace", "hugs", "kisses", "pictured",
    "seen", "gather", "protest", "rally", "visits", "leaves", "steht", "spricht", "sitzt", "winkt", "begrüßt",
    "schüttelt", "serre", "pose", "arrive", "assiste", "salue", "participe", "saluda", "estrecha", "posa", "asiste",
    "llega", "cumprimenta", "chega", "participa", "discursa", "stringe", "saluta", "arriva", "пожимает",
    "выступает", "прибывает", "встречается", "приветствует", "rukuje", "stiže", "govori", "се ракува", "ракува",
    "пристигнува", "یصافح", "يصافح", "يلقي", "يتحدث", "يصل",
];
static PICTURE_VERBS_SET: WordSet = WordSet::new(|| word_set(PICTURE_VERBS));

/// Words of running text, never of a caption: reporting verbs, and the past tense of the
/// verbs a caption would use.
#[rustfmt::skip]
const REPORTING: &[&str] = &[
    "said", "says", "told", "tells", "added", "according", "stated", "announced", "reported", "warned", "claimed",
    "insisted", "argued", "wrote", "was", "were", "had", "would", "will", "sagte", "sagt", "erklärte", "sagten",
    "déclaré", "dit", "affirmé", "dijo", "afirmó", "declaró", "disse", "afirmou", "detto", "dichiarato", "заявил",
    "сказал", "сообщил", "заявила", "сказала", "rekao", "izjavio", "kazao", "рекао", "изјавио", "изјави", "рече",
    "изјави", "قال", "أكد", "وقال", "وأكد",
];
static REPORTING_SET: WordSet = WordSet::new(|| word_set(REPORTING));

/// A picture described: one sentence, no quotation, no reporting verb, with who stands where
/// or what they do, closing on a date ("… in Moscow, Russia, Tuesday, Dec. 15, 2015"); or
/// a picture that names itself ("… in this undated picture released by …").
pub fn is_picture_description(line: &str) -> bool {
    // Most lines are paragraphs of several sentences, or end on no date and name no picture:
    // the cheap tests go first.
    // "In this undated picture …", "… in this handout photo released by … (KCNA)": such a
    // caption opens with it or closes on its credit.
    let may_name_itself = || {
        (line.starts_with("In this") || line.ends_with(')'))
            && line.match_indices("his ").any(|(at, _)| at > 0 && matches!(line.as_bytes()[at - 1], b't' | b'T'))
    };
    if !(may_end_on_a_date(line) && ends_on_a_date(&tail_words(line, 4)) || may_name_itself())
        || line.contains(['“', '”', '"', '«', '»', '„'])
    {
        return false;
    }
    if !(6..=70).contains(&word_count(line)) {
        return false;
    }
    if more_than_one_sentence(line) {
        return false;
    }
    let folded = fold(line);
    let words: Vec<&str> = folded.split(' ').collect();
    if words.iter().any(|w| REPORTING_SET.contains(w)) {
        return false;
    }
    let names_itself = words.windows(4).any(|w| {
        w[0] == "in"
            && w[1] == "this"
            && w[2..].iter().any(|x| matches!(*x, "photo" | "picture" | "image" | "handout" | "photograph"))
    });
    let staged =
        POSITIONS.iter().any(|p| line.contains(p)) || words.iter().take(20).any(|w| PICTURE_VERBS_SET.contains(w));
    names_itself || (staged && ends_on_a_date(&words))
}

/// More than one sentence: a full stop, "?" or "!" and a space before a capital, other than
/// after an abbreviation ("Dec. 15", "U.S. Secretary", "St. Petersburg").
fn more_than_one_sentence(line: &str) -> bool {
    let bytes = line.as_bytes();
    line.match_indices(['.', '?', '!']).any(|(at, _)| {
        let next_is_capital =
            bytes.get(at + 1) == Some(&b' ') && line[at + 2..].chars().next().is_some_and(char::is_uppercase);
        let word = line[..at].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let abbreviation = word.chars().count() <= 3 && word.chars().next().is_some_and(char::is_uppercase)
            || word.chars().count() == 1;
        next_is_capital && !abbreviation
    })
}

/// Whether the last word of `line` may close a date: a number, or a word as long as a
/// weekday's name. Most paragraphs end on neither, and are not folded.
fn may_end_on_a_date(line: &str) -> bool {
    let last = line.rsplit(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).unwrap_or("");
    let numeric = !last.is_empty() && last.len() <= 4 && last.bytes().all(|b| b.is_ascii_digit());
    numeric
        || (last.chars().count() >= 5 && last.chars().count() <= 12 && !last.bytes().all(|b| b.is_ascii_digit()))
            && WEEKDAYS_SET.contains(last.to_lowercase().as_str())
        || matches!(last, "года" | "г" | "godine" | "god")
}

/// The last `n` words of `line`, folded, in reading order.
fn tail_words(line: &str, n: usize) -> Vec<String> {
    let mut words: Vec<String> =
        line.rsplit(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(n).map(fold).collect();
    words.reverse();
    words
}

/// Weekdays that close a caption's date ("…, Tuesday, Dec. 15, 2015", "… on Monday").
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
    "dimanche", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo", "понедельник", "вторник",
    "среду", "четверг", "пятницу", "субботу", "воскресенье",
];
static WEEKDAYS_SET: WordSet = WordSet::new(|| word_set(WEEKDAYS));

/// The folded words close on a date: a year (with "года", "godine" after it), a weekday, or
/// a month's day ("Dec 15").
fn ends_on_a_date<S: AsRef<str>>(words: &[S]) -> bool {
    let mut end = words.len();
    while end > 0 && matches!(words[end - 1].as_ref(), "года" | "г" | "godine" | "god" | "") {
        end -= 1;
    }
    let Some(last) = end.checked_sub(1).map(|i| words[i].as_ref()) else { return false };
    let year = last.len() == 4
        && (last.starts_with("19") || last.starts_with("20"))
        && last.bytes().all(|b| b.is_ascii_digit());
    let day = last.len() <= 2
        && last.bytes().all(|b| b.is_ascii_digit())
        && end >= 2
        && super::dates::is_month(words[end - 2].as_ref());
    year || day || WEEKDAYS_SET.contains(&last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// caption_credit_at as first written: every marker searched over the whole line.
    fn credit_at_everywhere(line: &str) -> Option<usize> {
        credit_in(line, 0)
    }

    #[test]
    fn every_credit_marker_passes_the_quick_test() {
        assert!(NAMED_CREDIT_MARKERS.iter().all(|m| m.contains([':', '/'])));
        for marker in CREDIT_MARKERS.iter().chain(NAMED_CREDIT_MARKERS) {
            assert!(may_hold_credit_marker(marker), "{marker}");
        }
        assert!(!may_hold_credit_marker("said on Tuesday, as expected"));
    }

    /// Searching only the tail finds what searching everywhere finds, on lines made of
    /// markers, words, punctuation and multi-byte letters in every order (a fixed-seed walk).
    #[test]
    fn credits_are_found_in_the_tail_as_everywhere() {
        let pieces = [
            "Photo:",
            "PHOTO:",
            "Photo by ",
            "Getty Images",
            "word",
            "Ünal",
            "é",
            " ",
            "  ",
            ". ",
            ",",
            "-",
            "[AFP]",
            "Reuters",
            "x",
            "2016",
            "“",
            "File photo",
            "Photograph by ",
            "REUTERS/",
            "Maxim",
            "Foto:",
            "(AP Photo/",
            "rodent",
            "Credit:",
        ];
        for line in crate::test_texts::texts(&pieces, 20_000, 39) {
            assert_eq!(caption_credit_at(&line), credit_at_everywhere(&line), "{line:?}");
        }
        assert_eq!(nth_word_from_end("a b", 2), Some(0));
        assert_eq!(nth_word_from_end(" ab, cd ", 1), Some(5));
        assert_eq!(nth_word_from_end("ab", 2), None);
    }

    #[test]
    fn describes_pictures_by_shape() {
        for line in [
            "Russian President Vladimir Putin, right, shakes hands with U.S. Secretary of State John Kerry during their meeting in the Kremlin in Moscow, Russia, Tuesday, Dec. 15, 2015",
            "Russian President Vladimir Putin attends a meeting with US Secretary of State John Kerry at the Kremlin in Moscow, July 14, 2016.",
            "Vladimir Putin (L) and John Kerry in the Kremlin on Dec. 15, 2015",
            "North Korean leader Kim Jong Un visits the Yangdok County Hot Spring Resort, North Korea, in this undated picture released by North Korea's Central News Agency (KCNA)",
            "Le président russe Vladimir Poutine, à droite, serre la main de John Kerry au Kremlin, à Moscou, le 15 décembre 2015.",
            "Президент России Владимир Путин (справа) и госсекретарь США Джон Керри в Кремле, 15 декабря 2015 года",
        ] {
            assert!(is_picture_description(line), "{line}");
        }
        for line in [
            "Putin, right, said the talks in the Kremlin had been useful, on Tuesday, Dec. 15, 2015.",
            "Kerry met Putin in the Kremlin on Tuesday. The talks lasted four hours, officials said on Dec. 15, 2015.",
            "“We shake hands,” Putin told reporters in Moscow on Tuesday.",
            "The two men shook hands before the talks, which lasted until late in the evening.",
            "Putin attends the summit every year, but this time he sent his foreign minister instead of going himself.",
            "Syria's civil war erupted in 2011 when Assad brutally suppressed anti-government demonstrations in 2011",
        ] {
            assert!(!is_picture_description(line), "{line}");
        }
    }
}
