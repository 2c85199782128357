//! quotes.html, and the quotations shown on entity and source pages.

use std::collections::BTreeMap;

use serde::Serialize;

use annotate::quotes::Quote;

use crate::context::date_range_label;
use crate::diff::{Words, diff_words_html};
use crate::pages::{Page, SiteModel};

/// One source's report of a quotation, as pages list it.
#[derive(Serialize)]
pub struct ReportView<'a> {
    outlet: &'a str,
    outlet_inferred: bool,
    title: &'a str,
    published: String,
    published_label: String,
    number: usize,
    href: String,
    speaker_text: Option<&'a str>,
    /// When this outlet's words differ from the first report's: its wording with the
    /// differences marked (`<del>`, `<ins>`).
    wording_html: Option<String>,
}

/// A quotation as pages show it.
#[derive(Serialize)]
pub struct QuoteView<'a> {
    id: String,
    href: String,
    text: String,
    speaker_name: Option<&'a str>,
    speaker_href: Option<String>,
    speaker_text: Option<&'a str>,
    dates: String,
    reports: Vec<ReportView<'a>>,
}

/// Quotations of one speaker on quotes.html.
#[derive(Serialize)]
struct SpeakerGroup<'a> {
    name: String,
    href: Option<String>,
    quotes: Vec<QuoteView<'a>>,
}

/// A quotation's words as pages show them: one cut before its attribution ends in a comma,
/// which pages drop.
pub(crate) fn shown_text(text: &str) -> &str {
    text.trim_end_matches([',', ' '])
}

/// The dates of the sources that carried a quotation, as a range ("15–16 July 2016").
pub(crate) fn quote_dates(corpus: &corpus::Corpus, quote: &Quote) -> String {
    let dates = quote.reports.iter().map(|r| corpus.sources[r.source].meta.published);
    let first = dates.clone().min().expect("a quotation has a report");
    let last = dates.max().expect("a quotation has a report");
    date_range_label(first, last)
}

/// A quotation's words as every page shows them, worked out once per build: diffing each
/// report's wording against the first is most of the cost of a quotation's view.
pub(crate) struct QuoteText {
    /// The first report's words, as shown.
    text: String,
    /// For each report: its wording with the differences from the first marked, when its
    /// words differ.
    wordings: Vec<Option<String>>,
}

/// The [`QuoteText`] of every quotation, in order, worked out on every core.
pub(crate) fn quote_texts(corpus: &corpus::Corpus, quotes: &[Quote]) -> Vec<QuoteText> {
    use rayon::prelude::*;
    quotes
        .par_iter()
        .map(|quote| {
            let base = quote.reports[0].text(corpus);
            let base_words = Words::new(&base);
            let others = quote.reports[1..].iter().map(|r| {
                let wording = r.text(corpus);
                let words = Words::new(&wording);
                (!base_words.same_as(&words)).then(|| diff_words_html(&base_words, &words))
            });
            let wordings = std::iter::once(None).chain(others).collect();
            QuoteText { text: shown_text(&base).to_string(), wordings }
        })
        .collect()
}

impl<'a> SiteModel<'a> {
    /// The view of quotation `index`, linked from a page `root` away.
    pub(crate) fn quote_view(&self, index: usize, root: &str) -> QuoteView<'a> {
        let quote: &'a Quote = &self.annotations.quotations.quotes[index];
        let corpus = self.corpus;
        let texts = &self.quote_texts[index];
        let reports: Vec<ReportView<'a>> = quote
            .reports
            .iter()
            .zip(&texts.wordings)
            .map(|(r, wording_html)| {
                let source = &corpus.sources[r.source];
                let block = r.parts[0].block;
                ReportView {
                    outlet: &source.meta.outlet,
                    outlet_inferred: source.meta.outlet_inferred,
                    title: &source.meta.title,
                    published: source.meta.published.to_string(),
                    published_label: source.meta.published.label(),
                    number: block + 1,
                    href: format!("{root}sources/{}.html#p{}", source.slug, block + 1),
                    speaker_text: r.speaker_text.as_deref(),
                    wording_html: wording_html.clone(),
                }
            })
            .collect();
        QuoteView {
            id: format!("q{}", index + 1),
            href: format!("{root}quotes.html#q{}", index + 1),
            text: texts.text.clone(),
            speaker_name: quote.speaker.map(|e| corpus.entities[e].name.as_str()),
            speaker_href: quote.speaker.map(|e| format!("{root}entities/{}.html", corpus.entities[e].id)),
            speaker_text: quote.speaker_text.as_deref(),
            dates: quote_dates(corpus, quote),
            reports,
        }
    }

    /// The quotations whose speaker is `entity`.
    pub(crate) fn quotes_of(&self, entity: usize, root: &str) -> Vec<QuoteView<'a>> {
        let quotes = &self.annotations.quotations.quotes;
        (0..quotes.len()).filter(|&q| quotes[q].speaker == Some(entity)).map(|q| self.quote_view(q, root)).collect()
    }

    /// quotes.html: every quotation, grouped by speaker.
    pub fn quotes_page(&self) -> Page<'_> {
        let quotes = &self.annotations.quotations.quotes;
        // Catalogued speakers by name, then speakers as written, then unknown ones.
        let mut groups: BTreeMap<(u8, String), SpeakerGroup<'a>> = BTreeMap::new();
        for (q, quote) in quotes.iter().enumerate() {
            let (key, name, href) = match (quote.speaker, &quote.speaker_text) {
                (Some(e), _) => {
                    let entity = &self.corpus.entities[e];
                    ((0, entity.name.clone()), entity.name.clone(), Some(format!("entities/{}.html", entity.id)))
                }
                (None, Some(text)) => ((1, text.to_lowercase()), text.clone(), None),
                (None, None) => ((2, String::new()), "Speaker unknown".to_string(), None),
            };
            groups
                .entry(key)
                .or_insert_with(|| SpeakerGroup { name, href, quotes: Vec::new() })
                .quotes
                .push(self.quote_view(q, ""));
        }
        let groups: Vec<SpeakerGroup<'a>> = groups.into_values().collect();
        let description = format!(
            "{} direct quotations in {}, by speaker, with the outlets that carried them.",
            quotes.len(),
            self.corpus.site.title
        );
        let meta =
            crate::pages::PageMeta { title: "Quotes", kind: "quotes", path: "quotes.html", description: &description };
        let mut context = self.base_context("", meta);
        context.insert("speakers", groups);
        context.insert("quote_count", quotes.len());
        Page { path: "quotes.html".into(), template: "quotes.html", context }
    }
}
