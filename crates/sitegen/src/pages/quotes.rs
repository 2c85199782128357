//! The quotes pages (quotes.html, then quotes/2.html, quotes/3.html…: every quotation, by
//! speaker) and the quotations entity pages show.
//!
//! A quotation's reports are grouped by wording ("reported in these words by 412 sources"),
//! so a quotation carried by 1,000 sources is one entry that grows by a link per source, and
//! pages are cut by size as well as by count (`crate::site::quote_texts::layout`), so none passes 2 MB.

mod pages;
mod view;

use annotate::quotes::Quote;

use crate::pages::views::date_range_label;

/// The dates of the sources that carried a quotation, as a range ("15–16 July 2016").
pub(crate) fn quote_dates(corpus: &corpus::Corpus, quote: &Quote) -> String {
    let dates = quote.reports.iter().map(|r| corpus.sources[r.source].meta.published);
    let first = dates.clone().min().expect("a quotation has a report");
    let last = dates.max().expect("a quotation has a report");
    date_range_label(first, last)
}
