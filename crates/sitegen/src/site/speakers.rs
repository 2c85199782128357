//! Named speakers outside the catalogue: the people quotations are attributed to by name
//! ("Rep. Jerry Nadler", then "Nadler") whom no catalogue entity matches. Quotations whose
//! named speakers share a key ([`NamedSpeaker::key`]) are one speaker's, within a source and
//! across sources. Each such speaker has a group on the quotes pages, a page of their own
//! (`speakers/<slug>.html`, `speaker_page.rs`), and a line among `sitegen check`'s
//! candidates for the catalogue once quoted often enough.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::Serialize;

use annotate::quotes::{NamedSpeaker, Quote};

/// A speaker's slug is cut, at a word, to this many bytes.
const SLUG_MAX: usize = 60;

/// The key of the named speaker of `quote`, when it has one and no catalogue speaker (an
/// empty key, from a name of no letters, counts as none).
pub(crate) fn named_key(quote: &Quote) -> Option<String> {
    if quote.speaker.is_some() {
        return None;
    }
    quote.named.as_ref().map(NamedSpeaker::key).filter(|key| !key.is_empty())
}

/// "Rep. Jerry Nadler": the title before the name when it is one a name is written with
/// ("Rep.", "President"); a longer one ("Kremlin spokesman") is left to the speaker's page.
pub(crate) fn titled_name(title: Option<&str>, name: &str) -> String {
    match title {
        Some(title) if annotate::quotes::is_title(title) => format!("{} {name}", title.trim()),
        _ => name.to_string(),
    }
}

/// Something the sources give of a speaker (a spelling of the name, a title, a description),
/// and how many sources give it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Given {
    pub(crate) text: String,
    pub(crate) sources: usize,
}

/// One named speaker outside the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Speaker {
    /// The folded name: the speaker's identity.
    pub(crate) key: String,
    /// Unique among the speakers: `speakers/<slug>.html`.
    pub(crate) slug: String,
    /// The name as most sources write it.
    pub(crate) name: String,
    /// The title most sources give, when any gives one.
    pub(crate) title: Option<String>,
    /// The title and the name: "Rep. Jerry Nadler".
    pub(crate) display: String,
    /// Every spelling of the name, every title and every description the sources give, each
    /// once, the most given first (then in text order).
    pub(crate) names: Vec<Given>,
    pub(crate) titles: Vec<Given>,
    pub(crate) descriptions: Vec<Given>,
    /// The speaker's quotations (indexes, in the quotations' order).
    pub(crate) quotes: Vec<usize>,
    /// Sources carrying any of them.
    pub(crate) sources: usize,
}

impl Speaker {
    /// The speaker's page inside the site.
    pub(crate) fn path(&self) -> String {
        format!("speakers/{}.html", self.slug)
    }
}

/// Every named speaker outside the catalogue, by key, and each quotation's.
#[derive(Debug, Default)]
pub(crate) struct NamedSpeakers {
    /// Ordered by key.
    pub(crate) speakers: Vec<Speaker>,
    /// For each quotation, its speaker's index in `speakers`.
    of_quote: Vec<Option<usize>>,
}

/// What the reports say of one speaker, gathered.
#[derive(Default)]
struct Gathered {
    quotes: Vec<usize>,
    sources: BTreeSet<usize>,
    /// Spellings of the name, each on its own.
    names: BTreeMap<String, Variants>,
    /// Titles and descriptions by their folded text: "Rep." and "rep" are one title.
    titles: BTreeMap<String, Variants>,
    descriptions: BTreeMap<String, Variants>,
}

/// One text, in the spellings the reports give it.
#[derive(Default)]
struct Variants {
    sources: BTreeSet<usize>,
    /// Each spelling, with how many reports give it.
    spellings: BTreeMap<String, usize>,
}

impl Variants {
    fn add(&mut self, source: usize, text: &str) {
        self.sources.insert(source);
        *self.spellings.entry(text.to_string()).or_default() += 1;
    }

    /// The spelling most reports give, then the longest ("Rep." rather than "Rep"), then
    /// the first in text order.
    fn spelling(&self) -> &str {
        let best = self.spellings.iter().min_by_key(|&(text, &reports)| {
            (std::cmp::Reverse(reports), std::cmp::Reverse(text.chars().count()), text.clone())
        });
        best.map(|(text, _)| text.as_str()).expect("a text has a spelling")
    }
}

/// `text` folded as names are for their keys: case, accents, full stops and spacing aside.
fn fold(text: &str) -> String {
    NamedSpeaker { name: text.to_string(), title: None, description: None }.key()
}

impl Gathered {
    fn add(&mut self, source: usize, named: &NamedSpeaker) {
        let name = named.name.trim();
        self.names.entry(name.to_string()).or_default().add(source, name);
        for (texts, text) in [(&mut self.titles, &named.title), (&mut self.descriptions, &named.description)] {
            if let Some(text) = text.as_deref().map(str::trim).filter(|t| !fold(t).is_empty()) {
                texts.entry(fold(text)).or_default().add(source, text);
            }
        }
    }
}

/// The texts given, the most sources first, then the shortest (a heading takes "Rep." before
/// "House Judiciary Committee Chairman" when as many sources give each), then in text order.
fn given(texts: BTreeMap<String, Variants>) -> Vec<Given> {
    let mut given: Vec<Given> =
        texts.values().map(|v| Given { text: v.spelling().to_string(), sources: v.sources.len() }).collect();
    given.sort_by_cached_key(|g| (std::cmp::Reverse(g.sources), g.text.chars().count(), g.text.clone()));
    given
}

impl NamedSpeakers {
    /// The named speakers of `quotes`. A speaker's names, titles and descriptions are those
    /// of the reports naming them (by key) among their quotations.
    pub(crate) fn new(quotes: &[Quote]) -> NamedSpeakers {
        let mut gathered: BTreeMap<String, Gathered> = BTreeMap::new();
        let keys: Vec<Option<String>> = quotes.iter().map(named_key).collect();
        for (q, (quote, key)) in quotes.iter().zip(&keys).enumerate() {
            let (Some(key), Some(named)) = (key, &quote.named) else { continue };
            let speaker = gathered.entry(key.clone()).or_default();
            speaker.quotes.push(q);
            let mut named_here = false;
            for report in &quote.reports {
                speaker.sources.insert(report.source);
                if let Some(report_named) = report.named.as_ref().filter(|n| n.key() == *key) {
                    speaker.add(report.source, report_named);
                    named_here = true;
                }
            }
            // The quotation's own named speaker comes from one of its reports; should none of
            // them say so, it still counts, as its first report's.
            if !named_here && let Some(report) = quote.reports.first() {
                speaker.add(report.source, named);
            }
        }
        let slugs = unique_slugs(&gathered.keys().map(String::as_str).collect::<Vec<_>>());
        let speakers: Vec<Speaker> = gathered
            .into_iter()
            .zip(slugs)
            .map(|((key, found), slug)| {
                let names = given(found.names);
                let titles = given(found.titles);
                let name = names.first().map_or_else(|| key.clone(), |n| n.text.clone());
                let title = titles.first().map(|t| t.text.clone());
                Speaker {
                    display: titled_name(title.as_deref(), &name),
                    key,
                    slug,
                    name,
                    title,
                    names,
                    titles,
                    descriptions: given(found.descriptions),
                    quotes: found.quotes,
                    sources: found.sources.len(),
                }
            })
            .collect();
        let mut of_quote = vec![None; quotes.len()];
        for (s, speaker) in speakers.iter().enumerate() {
            for &q in &speaker.quotes {
                of_quote[q] = Some(s);
            }
        }
        NamedSpeakers { speakers, of_quote }
    }

    /// The named speaker of quotation `q`, if it has one (and no catalogue speaker).
    pub(crate) fn of_quote(&self, q: usize) -> Option<&Speaker> {
        self.of_quote.get(q).copied().flatten().map(|s| &self.speakers[s])
    }
}

/// A slug for a key: its words transliterated, lower case, joined by hyphens, cut at a word
/// to [`SLUG_MAX`] bytes; "speaker" when it has no word.
fn base_slug(key: &str) -> String {
    let mut slug = String::new();
    for word in crate::render::ascii::ascii_words(key) {
        let word = &word[..word.len().min(SLUG_MAX)];
        if !slug.is_empty() && slug.len() + 1 + word.len() > SLUG_MAX {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
    }
    if slug.is_empty() { "speaker".to_string() } else { slug }
}

/// One slug per key (`keys` sorted), unique: the first key of a slug keeps it, the others
/// take it with the first free number from 2 ("j-r-smith-2"), in key order.
fn unique_slugs(keys: &[&str]) -> Vec<String> {
    let bases: Vec<String> = keys.iter().map(|key| base_slug(key)).collect();
    let mut taken: HashSet<String> = HashSet::new();
    let mut slugs: Vec<Option<String>> =
        bases.iter().map(|base| taken.insert(base.clone()).then(|| base.clone())).collect();
    for (slug, base) in slugs.iter_mut().zip(&bases) {
        if slug.is_none() {
            let free = (2..).map(|n| format!("{base}-{n}")).find(|s| !taken.contains(s)).expect("numbers are many");
            taken.insert(free.clone());
            *slug = Some(free);
        }
    }
    slugs.into_iter().map(|s| s.expect("every key has a slug")).collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use annotate::quotes::{QuotePart, QuoteReport};

    pub(crate) fn named(name: &str, title: Option<&str>, description: Option<&str>) -> NamedSpeaker {
        NamedSpeaker {
            name: name.to_string(),
            title: title.map(str::to_string),
            description: description.map(str::to_string),
        }
    }

    pub(crate) fn report(source: usize, text: &str, named: Option<NamedSpeaker>) -> QuoteReport {
        QuoteReport {
            source,
            parts: vec![QuotePart { block: 0, range: 0..1 }],
            speaker: None,
            speaker_text: Some(text.to_string()),
            named,
        }
    }

    pub(crate) fn quote(reports: Vec<QuoteReport>) -> Quote {
        let first = reports.iter().find(|r| r.named.is_some()).unwrap_or(&reports[0]);
        Quote { speaker: None, speaker_text: reports[0].speaker_text.clone(), named: first.named.clone(), reports }
    }

    #[test]
    fn one_speaker_under_many_names_titles_and_descriptions() {
        let nadler = |title, description| Some(named("Jerry Nadler", title, description));
        let quotes = vec![
            quote(vec![
                report(0, "Rep. Jerry Nadler", nadler(Some("Rep."), Some("a Democrat from New York"))),
                report(1, "Nadler", nadler(Some("Rep."), None)),
                report(2, "a Democrat", None),
            ]),
            quote(vec![report(3, "a senior US official", None)]),
            quote(vec![report(2, "Nadler", Some(named("jerry  NADLER", Some("Chairman"), None)))]),
            // A catalogue speaker stays the entity's, whatever the report names.
            Quote { speaker: Some(0), ..quote(vec![report(4, "Mr. Nadler", nadler(None, None))]) },
        ];
        let speakers = NamedSpeakers::new(&quotes);
        assert_eq!(speakers.speakers.len(), 1);
        let nadler = &speakers.speakers[0];
        assert_eq!(
            (nadler.key.as_str(), nadler.slug.as_str(), nadler.path()),
            ("jerry nadler", "jerry-nadler", "speakers/jerry-nadler.html".into())
        );
        assert_eq!(
            (nadler.name.as_str(), nadler.title.as_deref(), nadler.display.as_str()),
            ("Jerry Nadler", Some("Rep."), "Rep. Jerry Nadler")
        );
        assert_eq!(nadler.quotes, [0, 2]);
        assert_eq!(nadler.sources, 3, "sources 0, 1 and 2 carry his quotations");
        fn given(list: &[Given]) -> Vec<(&str, usize)> {
            list.iter().map(|g| (g.text.as_str(), g.sources)).collect()
        }
        assert_eq!(given(&nadler.names), [("Jerry Nadler", 2), ("jerry  NADLER", 1)]);
        assert_eq!(given(&nadler.titles), [("Rep.", 2), ("Chairman", 1)]);
        assert_eq!(given(&nadler.descriptions), [("a Democrat from New York", 1)]);
        assert_eq!(speakers.of_quote(0).map(|s| s.slug.as_str()), Some("jerry-nadler"));
        assert_eq!(speakers.of_quote(1), None);
        assert_eq!(speakers.of_quote(3), None, "the catalogue's speaker");
        assert_eq!(speakers.of_quote(99), None);
    }

    #[test]
    fn speakers_are_ordered_by_key_and_what_as_many_sources_give_by_length_then_text() {
        let quotes = vec![
            quote(vec![report(0, "Zoe", Some(named("Zoe Adams", Some("Dr."), None)))]),
            quote(vec![report(0, "Al", Some(named("Al Brown", Some("Senator"), None)))]),
            quote(vec![report(1, "Al", Some(named("Al Brown", Some("Sen."), None)))]),
            quote(vec![report(2, "Al", Some(named("Al Brown", Some("Rep."), None)))]),
            quote(vec![report(2, "Al", Some(named("Al Brown", Some("rep"), None)))]),
        ];
        let speakers = NamedSpeakers::new(&quotes);
        let keys: Vec<&str> = speakers.speakers.iter().map(|s| s.key.as_str()).collect();
        assert_eq!(keys, ["al brown", "zoe adams"]);
        let titles: Vec<&str> = speakers.speakers[0].titles.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(titles, ["Rep.", "Sen.", "Senator"], "one source each: the shortest, then in text order");
        assert_eq!(speakers.speakers[0].titles[0].sources, 1, "\"rep\" is \"Rep.\" spelt otherwise");
        assert_eq!(speakers.speakers[0].display, "Rep. Al Brown");
        assert_eq!(speakers.of_quote(0).unwrap().key, "zoe adams");
    }

    #[test]
    fn a_name_of_no_letters_is_no_named_speaker() {
        let quotes = vec![quote(vec![report(0, "…", Some(named(" . ", None, None)))])];
        assert!(NamedSpeakers::new(&quotes).speakers.is_empty());
        assert_eq!(named_key(&quotes[0]), None);
    }

    #[test]
    fn slugs_are_transliterated_and_unique_whatever_the_keys() {
        assert_eq!(base_slug("jerome powell"), "jerome-powell");
        assert_eq!(base_slug("o'brien"), "obrien");
        assert_eq!(base_slug("сергей рябков"), "sergey-ryabkov");
        assert_eq!(base_slug("!!!"), "speaker");
        assert!(base_slug(&"abcdefghij ".repeat(20)).len() <= SLUG_MAX);
        // "j r smith" and "j-r smith" both give "j-r-smith"; a third key already is "j-r-smith-2".
        let keys = ["j r smith", "j-r smith", "j-r-smith 2", "jr smith"];
        assert_eq!(unique_slugs(&keys), ["j-r-smith", "j-r-smith-3", "j-r-smith-2", "jr-smith"]);
        assert_eq!(unique_slugs(&["!", "?"]), ["speaker", "speaker-2"]);
    }

    #[test]
    fn a_title_goes_before_the_name() {
        assert_eq!(titled_name(Some("Rep."), "Jerry Nadler"), "Rep. Jerry Nadler");
        assert_eq!(titled_name(Some("Kremlin spokesman"), "Dmitry Peskov"), "Dmitry Peskov");
        assert_eq!(titled_name(Some("analyst"), "Ken Doctor"), "Ken Doctor");
        assert_eq!(titled_name(Some(" "), "Peskov"), "Peskov");
        assert_eq!(titled_name(None, "Peskov"), "Peskov");
    }
}
