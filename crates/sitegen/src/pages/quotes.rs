//! The quotes pages (quotes.html, then quotes/2.html, quotes/3.html…: every quotation, by
//! speaker) and the quotations entity pages show.
//!
//! A quotation's reports are grouped by wording ("reported in these words by 412 sources"),
//! so a quotation carried by 1,000 sources is one entry that grows by a link per source, and
//! pages are cut by size as well as by count (`layout`), so none passes 2 MB.

mod layout;
mod pages;
mod plan;
mod view;

pub(crate) use view::QuoteText;
pub(crate) use view::quote_texts;

use annotate::quotes::Quote;
use rayon::prelude::*;

use crate::pages::views::date_range_label;

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

/// Each quotation's page on the quotes pages (from 1), as [`quote_texts`] places them, for
/// whatever links to a quotation without the site's model (the search index).
pub(crate) fn quote_pages(corpus: &corpus::Corpus, quotes: &[Quote]) -> Vec<usize> {
    let weights: Vec<usize> = quotes
        .par_iter()
        .map(|quote| {
            let texts: Vec<String> = quote.reports.iter().map(|r| r.text(corpus)).collect();
            plan::plan(corpus, quote, &texts).weight
        })
        .collect();
    let keys: Vec<(u8, String)> = quotes.iter().map(|q| layout::speaker_key(corpus, q)).collect();
    layout::places(&keys, &weights).iter().map(|p| p.page).collect()
}

/// The link to quotation `index` (from 0), on quotes page `page`, from a page `root` away.
pub(crate) fn quote_page_href(page: usize, index: usize, root: &str) -> String {
    format!("{root}{}#q{}", layout::page_path(page), index + 1)
}
