//! Property tests of the cleaner over generated raw articles: paragraphs of news sentences
//! with the boilerplate the rules look for around them (URLs, "READ MORE:", captions,
//! bylines, dates, wire tags, repeated lines, headings, glued sentences, hard wraps); and
//! over generated web pages' text, an article among menus, headline lists, share buttons,
//! timestamps and comments.

use corpus::{Block, Cleaned, clean, clean_page};
use proptest::prelude::*;
use proptest::sample::select;

/// Words inside sentences: plain words, names, abbreviations that must not end a sentence,
/// numbers, a possessive, a soft hyphen inside a word and a non-ASCII name.
const WORDS: &[&str] = &[
    "the",
    "talks",
    "ceasefire",
    "government",
    "said",
    "on",
    "in",
    "opposition",
    "forces",
    "aid",
    "rebels",
    "agreed",
    "plan",
    "week",
    "officials",
    "with",
    "a",
    "new",
    "group",
    "of",
    "and",
    "to",
    "ministers",
    "city",
    "share",
    "more",
    "read",
    "photo",
    "Putin",
    "Kerry",
    "Lavrov",
    "Moscow",
    "Syria",
    "U.S.",
    "Mr.",
    "Jan.",
    "p.m.",
    "Assad’s",
    "Islamic",
    "State",
    "Geneva",
    "Erdoğan",
    "2016",
    "14",
    "al-Nusra",
    "Syr\u{AD}ian",
    "“we",
    "(AFP)",
];

/// Words that open a sentence.
const OPENERS: &[&str] =
    &["The", "Officials", "Putin", "Kerry", "He", "Russia", "Washington", "In", "“We", "U.S.", "Mr.", "A", "2016"];

const ENDINGS: &[&str] = &[".", ".", ".", "?", "!", ".”", ".\"", "…"];

/// Short capitalised phrases without sentence punctuation: headings, titles, link texts.
const PHRASES: &[&str] = &[
    "Joint Command",
    "Time running out",
    "Good vs bad terrorists",
    "Kerry in Moscow",
    "US moving towards cooperation",
    "Putin says deal is close",
    "Gradual Change",
];

fn sentence() -> impl Strategy<Value = String> {
    (select(OPENERS), prop::collection::vec(select(WORDS), 2..12), select(ENDINGS))
        .prop_map(|(first, rest, end)| format!("{first} {}{end}", rest.join(" ")))
}

/// How the sentences of a paragraph are put together on the page.
#[derive(Debug, Clone, Copy)]
enum Join {
    Plain,
    /// "... Islamic State.Putin ...": a lost paragraph break.
    Glued,
    /// Hard-wrapped onto a new line before a lower-case word.
    Wrapped,
    /// A non-breaking space, or a zero-width space before the space.
    OddSpaces,
}

fn paragraph() -> impl Strategy<Value = String> {
    let wire_before = select(vec!["", "", "", "MOSCOW (AFP) - ", "(Bloomberg) -- ", "LONDON, July 14 (Reuters) - "]);
    let wire_after = select(vec!["", "", "", " – (Reuters)", "– (Reuters)"]);
    let join = select(vec![Join::Plain, Join::Plain, Join::Glued, Join::Wrapped, Join::OddSpaces]);
    (prop::collection::vec(sentence(), 1..5), join, wire_before, wire_after).prop_map(
        |(sentences, join, before, after)| {
            let body = match join {
                Join::Plain => sentences.join(" "),
                Join::Glued => sentences.join(""),
                Join::Wrapped => sentences.join(" ").replacen(" the ", "\nthe ", 1),
                Join::OddSpaces => sentences.join(" ").replace(" a ", "\u{a0}a ").replace(" in ", "\u{200b} in "),
            };
            format!("{before}{body}{after}")
        },
    )
}

/// Lines that are boilerplate by their shape, or short lines a rule might take for it.
fn furniture_line() -> impl Strategy<Value = String> {
    let fixed = select(vec![
        "Advertisement",
        "Share this article",
        "Sign up to our newsletter",
        "4 min read",
        "15 July, 2016",
        "Tuesday 15 December 2015 10:32 GMT",
        "Updated: July 15, 2016",
        "By Henry Meyer and Ilya Arkhipov",
        "Reporting by Denis Dyomkin; Editing by Richard Balmforth",
        "(Updates with Putin comments on Turkey from 10th paragraph.)",
        "©2016 Bloomberg L.P.",
        "To contact the reporter on this story: Henry Meyer in Moscow at hmeyer4@bloomberg.net",
        "--With assistance from Scott Rose",
        "20",
        "- John Kerry",
        "MOSCOW (AFP) -",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        4 => fixed,
        1 => (1..999u32).prop_map(|n| format!("https://www.example.com/2016/07/14/story-{n}")),
        1 => select(PHRASES).prop_map(|p| format!("READ MORE: {p}")),
        1 => select(PHRASES).prop_map(str::to_string),
        1 => sentence().prop_map(|s| format!("{s}PHOTO: REUTERS")),
        1 => select(PHRASES).prop_map(|p| format!("{p} in Syria [AFP]")),
        1 => sentence().prop_map(|s| format!("{s} Photograph: AFP Photo/ Sergei Karpukhin")),
        // Boilerplate whose pieces are not boilerplate: a wrapped headline or reading time,
        // furniture glued to a sentence or behind a wire tag, a quote's attribution.
        1 => select(PHRASES).prop_map(|p| p.replacen(' ', "\n", 1)),
        1 => (1..30u32).prop_map(|n| format!("{n} min\nread")),
        1 => (sentence(), select(vec!["Advertisement", "READ MORE: Kerry in Moscow", "15 July, 2016"]))
            .prop_map(|(s, furniture)| format!("{s} he said.{furniture}")),
        1 => select(vec!["MOSCOW (AFP) - Advertisement", "(Bloomberg) -- 4 min read", "(AFP) - (Reuters) - Putin spoke."])
            .prop_map(str::to_string),
        1 => (sentence(), select(vec!["- John Kerry", "– Sergei Lavrov", "―Putin"]))
            .prop_map(|(s, name)| format!("{s}\n{name}")),
    ]
}

/// One raw line or paragraph, possibly printed twice (a repeated line, or a caption's plain
/// copy before the credited one).
fn item() -> impl Strategy<Value = String> {
    let twice = prop::bool::weighted(0.1);
    (prop_oneof![3 => paragraph(), 2 => furniture_line()], twice)
        .prop_map(|(text, twice)| if twice { format!("{text}\n{text}") } else { text })
}

/// A headline and a raw article: items separated by line breaks, blank lines or lines of
/// white space, the headline sometimes printed again at the top.
fn article() -> impl Strategy<Value = (String, String)> {
    let separator = select(vec!["\n", "\n\n", "\n\n", "\n\n\n", "\n \n", "\r\n\r\n"]);
    (select(PHRASES), prop::bool::ANY, prop::collection::vec((item(), separator), 1..14)).prop_map(
        |(title, headline_again, items)| {
            let mut raw = if headline_again { format!("{title}\n\n") } else { String::new() };
            for (text, separator) in items {
                raw.push_str(&text);
                raw.push_str(separator);
            }
            (title.to_string(), raw)
        },
    )
}

/// The words of `text` as the whole-site test counts them (`crates/sitegen/tests/site.rs`):
/// runs of letters and digits, lower-cased, sorted so that two lists compare as multisets.
fn word_bag<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut bag: Vec<String> = texts
        .into_iter()
        .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    bag.sort_unstable();
    bag
}

/// `text` less the characters the cleaner deletes outright (invisible ones and controls that
/// are not white space): deleting a soft hyphen joins "Syr­ian" into one word, so the raw
/// text's words are counted after the same deletion.
fn visible(text: &str) -> String {
    let invisible = |c: char| matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}');
    text.chars().filter(|&c| c.is_whitespace() || !(c.is_control() || invisible(c))).collect()
}

/// The cleaned article written out again as raw text: blocks apart by blank lines, a pull
/// quote's attribution on the line under it, as articles print them.
fn written_out(cleaned: &Cleaned) -> String {
    let block = |b: &Block| match &b.attribution {
        Some(name) => format!("{}\n- {name}", b.text),
        None => b.text.clone(),
    };
    cleaned.blocks.iter().map(block).collect::<Vec<_>>().join("\n\n")
}

proptest! {
    /// Every word of the raw text is in the article (its blocks and their attributions) or
    /// in the record of what was dropped, as many times as the raw text has it.
    #[test]
    fn cleaning_never_loses_a_word((title, raw) in article()) {
        let cleaned = clean(&raw, &title);
        let kept = cleaned.blocks.iter().flat_map(|b| std::iter::once(b.text.as_str()).chain(b.attribution.as_deref()));
        let dropped = cleaned.dropped.iter().map(|d| d.text.as_str());
        prop_assert_eq!(word_bag([visible(&raw).as_str()]), word_bag(kept.chain(dropped)));
    }

    /// Cleaning what the cleaner kept, written out again, keeps all of it, unchanged: the
    /// same blocks, kinds, attributions and sentences, and nothing dropped. The strongest
    /// form: headings and pull quotes must be recognised again from the text alone, so no
    /// rule may lean on a shape the output loses (a hard wrap, a dropped line between two
    /// copies, an orphan heading a pull quote repeated). Each way it failed is a regression
    /// test in `src/clean/tests.rs`.
    #[test]
    fn cleaning_twice_equals_cleaning_once((title, raw) in article()) {
        let once = clean(&raw, &title);
        let twice = clean(&written_out(&once), &title);
        prop_assert_eq!(&twice.blocks, &once.blocks, "raw: {:?}", raw);
        prop_assert!(twice.dropped.is_empty(), "dropped again: {:?}", twice.dropped);
    }

    /// A whole page's text loses no word either: what is not in the article is in the
    /// record of what was dropped.
    #[test]
    fn cleaning_a_page_never_loses_a_word(raw in page()) {
        let cleaned = clean_page(&raw, "");
        let kept = cleaned.blocks.iter().flat_map(|b| std::iter::once(b.text.as_str()).chain(b.attribution.as_deref()));
        let dropped = cleaned.dropped.iter().map(|d| d.text.as_str());
        prop_assert_eq!(word_bag([visible(&raw).as_str()]), word_bag(kept.chain(dropped)));
    }

    /// The article cleaned out of a page is cleaned to itself again: nothing of it is
    /// dropped the second time, though the page around it that decided what was kept is
    /// gone.
    #[test]
    fn cleaning_a_page_twice_equals_cleaning_it_once(raw in page()) {
        let once = clean_page(&raw, "");
        let twice = clean(&written_out(&once), "");
        prop_assert_eq!(&twice.blocks, &once.blocks, "raw: {:?}", raw);
        prop_assert!(twice.dropped.is_empty(), "dropped again: {:?}", twice.dropped);
    }
}

/// Menu items: short capitalised labels, in the languages the cleaner knows.
const MENU: &[&str] = &[
    "Home",
    "World",
    "Business",
    "Markets",
    "Politics",
    "Sport",
    "Opinion",
    "Nachrichten",
    "Wirtschaft",
    "Politique",
    "Economía",
    "Política",
    "Новости",
    "Вести",
    "Svijet",
    "أخبار",
    "Live TV",
    "Log In",
    "Subscribe",
];

/// Furniture lines of a page, each matched by a rule of its own.
const PAGE_FURNITURE: &[&str] = &[
    "2 hours ago",
    "vor 3 Stunden",
    "il y a 2 heures",
    "3 часа назад",
    "September 02, 2016 10:45 pm",
    "Share on Facebook",
    "Play video",
    "Reuters logo",
    "12 comments",
    "Leave a Reply",
    "Alex on September 17, 2018 at 6:34 am said:",
    "By Henry Meyer",
    "Related",
    "Lesen Sie auch",
    "Читайте также",
    "#65737",
    "0 : 0",
];

/// A page: a header menu, furniture, the article, headline lists, comments and a footer
/// menu, in a generated order and mix.
fn page() -> impl Strategy<Value = String> {
    let menu = prop::collection::vec(select(MENU), 0..12).prop_map(|items| items.join("\n"));
    let headlines = prop::collection::vec(select(PHRASES).prop_map(|p| format!("{p} as talks go on")), 0..6)
        .prop_map(|items| items.join("\n"));
    let block = prop_oneof![
        4 => paragraph(),
        2 => furniture_line(),
        2 => select(PAGE_FURNITURE).prop_map(str::to_string),
        1 => menu,
        1 => headlines,
        1 => select(PHRASES).prop_map(str::to_string),
    ];
    let separator = select(vec!["\n", "\n\n", "\n\n\n"]);
    (prop::collection::vec(select(MENU), 5..12), prop::collection::vec((block, separator), 1..24)).prop_map(
        |(header, blocks)| {
            let mut raw = header.join("\n");
            raw.push_str("\n\n");
            for (text, separator) in blocks {
                raw.push_str(&text);
                raw.push_str(separator);
            }
            raw
        },
    )
}
