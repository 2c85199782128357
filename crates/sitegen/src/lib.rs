//! sitegen: builds a content folder of news sources into an annotated briefing site.
//!
//! The pipeline ([`build`]) reads top to bottom: load and clean the content (`corpus`),
//! find entity mentions (`annotate`), render pages through the theme's Tera templates,
//! write them into a staging folder, and swap it in for the output folder.

mod context;
mod coverage;
mod curation;
mod diff;
mod entity_page;
mod export;
mod feeds;
mod fingerprint;
mod html;
mod import;
mod linker;
mod margins;
mod markdown;
mod mention_pages;
mod new_source;
mod output;
mod page;
mod pages;
mod pipeline;
mod pretty_json;
mod quotes_page;
mod render;
mod search;
mod serve;
mod speaker_page;
mod speakers;
mod story_page;
mod story_rows;
mod story_texts;
mod svg;
#[cfg(test)]
mod test_fixture;
mod theme;
mod timeline;

pub use curation::curation_report;
pub use import::{ImportOptions, Imported, import_files};
pub use new_source::{FileError, new_source};
pub use pipeline::{BuildCache, BuildError, BuildOptions, Summary, build, build_with, check, project_root};
pub use serve::{DEFAULT_BIND, ServeOptions, serve};

/// The generator's name and version, as pages and the JSON export credit it.
pub const GENERATOR: &str = concat!("sitegen ", env!("CARGO_PKG_VERSION"));
