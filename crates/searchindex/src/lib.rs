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

#![warn(missing_docs)]

mod build;
mod cache;
mod counting_sort;
mod document;
mod index_file;
mod term_order;
mod term_table;
mod terms;
mod vocabulary;
pub mod words;

pub use build::{build, build_cached};
pub use cache::IndexCache;
pub use document::{Document, DocumentType, Section};
pub use index_file::{FOLDER, IndexFile, VERSION};
