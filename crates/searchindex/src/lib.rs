//! The site's full-text search index: documents in, static files out, no I/O.
//!
//! sitegen builds the index from the content it already holds (titles, paragraphs,
//! quotations), not by parsing the pages back, and writes it as JSON files that the theme's
//! `static/search-engine.js` fetches on demand: a query loads only the term chunks its words
//! fall in and the document files of the results it shows. Nothing runs on a server and
//! nothing is compiled to WebAssembly.
//!
//! # Format, version 1
//!
//! Under the search folder (`search/` in the site):
//!
//! - `index.json`: `{"version":1, "docs":N, "types":[{"name","from","to"}...],
//!   "term_chunks":[first term of each chunk...], "doc_files":[first document id of each
//!   file...]}`. Documents are numbered in groups of one type (`from <= id < to`).
//! - `terms/<n>.json`: an object from each term `t` with `term_chunks[n] <= t <
//!   term_chunks[n+1]` (in JavaScript's string order, UTF-16 code units) to its postings: a
//!   flat array of groups `docGap, count, section_1 … section_count`, where `docGap` is the
//!   document id less the previous group's (the first group: the id) and the sections are the
//!   indexes, ascending, of the document's sections that hold the term.
//! - `docs/<n>.json`: an array of the documents `doc_files[n]` to `doc_files[n+1] - 1`:
//!   `{"url", "title", "meta":[...], "sections":[[anchor, label, text]...]}`. The URL is
//!   relative to the site root; section 0 is the document's header (its title and facts).
//!
//! Words are cut as [`words::words`] says, which the script repeats with one regular
//! expression. Terms are not stemmed: the script matches each query word as a prefix.
//!
//! The output is deterministic: the same documents give the same bytes.

mod build;
mod cache;
mod terms;
mod vocabulary;
pub mod words;

use std::borrow::Cow;

pub use build::{build, build_cached};
pub use cache::IndexCache;

/// The folder the index is written to, inside the site.
pub const FOLDER: &str = "search";

/// The version of the format, in `index.json`.
pub const VERSION: u32 = 1;

/// A page to be found by search.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The page, relative to the site root (`sources/x.html`).
    pub url: String,
    /// The page's title.
    pub title: Cow<'a, str>,
    /// Short facts shown under the title in a result (an outlet, a date).
    pub meta: Vec<Cow<'a, str>>,
    /// The searchable text. The first is the header: the title and facts to match on, with
    /// no anchor and no label.
    pub sections: Vec<Section<'a>>,
}

/// A part of a page that a result can point to.
#[derive(Debug, Clone)]
pub struct Section<'a> {
    /// The id of its element on the page, or empty for the page itself.
    pub anchor: Cow<'a, str>,
    /// What a result calls it ("¶3", or a quotation's speaker and dates).
    pub label: Cow<'a, str>,
    /// Its plain text.
    pub text: Cow<'a, str>,
}

/// Documents of one type ("Source", "Entity"…), the filter a reader can narrow results by.
#[derive(Debug, Clone)]
pub struct DocumentType<'a> {
    /// The type's name, as the filter shows it.
    pub name: &'static str,
    /// Its documents, in the order they are numbered.
    pub documents: Vec<Document<'a>>,
}

/// One file of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFile {
    /// Its path inside the search folder (`terms/3.json`).
    pub path: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}
