//! The quotes pages (quotes.html, then quotes/2.html, quotes/3.html…: every quotation, by
//! speaker) and the quotations entity pages show.
//!
//! A quotation's reports are grouped by wording ("reported in these words by 412 sources"),
//! so a quotation carried by 1,000 sources is one entry that grows by a link per source, and
//! pages are cut by size as well as by count (`crate::site::quote_texts::layout`), so none passes 2 MB.

mod pages;
mod view;
