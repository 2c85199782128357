//! Each quotation's words, wordings and place on the quotes pages, worked out once per build
//! for every page that shows quotations (and the search index that links to them).

pub(crate) mod layout;
pub(crate) mod plan;

use annotate::quotes::Quote;
use corpus::Corpus;
use rayon::prelude::*;

use crate::render::diff::{Words, diff_words_html};
use crate::render::labels::date_range_label;
use layout::Place;
use plan::{Plan, plan};

/// The dates of the sources that carried a quotation, as a range ("15–16 July 2016").
pub(crate) fn quote_dates(corpus: &Corpus, quote: &Quote) -> String {
    let dates = quote.reports.iter().map(|r| corpus.sources[r.source].meta.published);
    let first = dates.clone().min().expect("a quotation has a report");
    let last = dates.max().expect("a quotation has a report");
    date_range_label(first, last)
}

/// A quotation's words as pages show them: one cut before its attribution ends in a comma,
/// which pages drop.
pub(crate) fn shown_text(text: &str) -> &str {
    text.trim_end_matches([',', ' '])
}

/// A quotation's words and place, worked out once per build: grouping the reports by
/// wording and marking each wording's differences is most of the cost of a quotation's view.
pub(crate) struct QuoteText {
    /// The first report's words, as shown.
    pub(crate) text: String,
    /// What the quotation's entry lists.
    pub(crate) plan: Plan,
    /// For each shown group of reports after the first: its words with the differences from
    /// the first report's marked.
    pub(crate) wordings: Vec<String>,
    /// Where it stands on the quotes pages.
    pub(crate) place: Place,
}

/// The [`QuoteText`] of every quotation, in order, worked out on every core.
pub(crate) fn quote_texts(corpus: &Corpus, quotes: &[Quote]) -> Vec<QuoteText> {
    let mut texts: Vec<QuoteText> = quotes
        .par_iter()
        .map(|quote| {
            let reports: Vec<String> = quote.reports.iter().map(|r| r.text(corpus)).collect();
            let plan = plan(corpus, quote, &reports);
            // Shown as the quotation is: without the comma that ends words cut before their
            // attribution.
            let base = Words::new(shown_text(&reports[0]));
            let wordings = plan.groups[1..plan.shown]
                .iter()
                .map(|group| diff_words_html(&base, &Words::new(shown_text(&reports[group[0]]))))
                .collect();
            QuoteText { text: shown_text(&reports[0]).to_string(), plan, wordings, place: Place::default() }
        })
        .collect();
    let keys: Vec<(u8, String)> = quotes.iter().map(|q| layout::speaker_key(corpus, q)).collect();
    let weights: Vec<usize> = texts.iter().map(|t| t.plan.weight).collect();
    for (text, place) in texts.iter_mut().zip(layout::places(&keys, &weights)) {
        text.place = place;
    }
    texts
}

/// One source's report of a quotation, as pages list it.
/// Each quotation's page on the quotes pages (from 1), as [`quote_texts`] places them, for
/// whatever links to a quotation without the site's model (the search index).
pub(crate) fn quote_pages(corpus: &corpus::Corpus, quotes: &[Quote]) -> Vec<usize> {
    let weights: Vec<usize> = quotes
        .par_iter()
        .map(|quote| {
            let texts: Vec<String> = quote.reports.iter().map(|r| r.text(corpus)).collect();
            plan(corpus, quote, &texts).weight
        })
        .collect();
    let keys: Vec<(u8, String)> = quotes.iter().map(|q| layout::speaker_key(corpus, q)).collect();
    layout::places(&keys, &weights).iter().map(|p| p.page).collect()
}

/// The link to quotation `index` (from 0), on quotes page `page`, from a page `root` away.
pub(crate) fn quote_page_href(page: usize, index: usize, root: &str) -> String {
    format!("{root}{}#q{}", layout::page_path(page), index + 1)
}
