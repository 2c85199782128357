//! The content model of a briefing and the loader that reads it from a content folder.
//!
//! A content folder holds `site.yaml`, `briefing.md`, `entities.yaml` and one YAML file per
//! article under `sources/`. [`load`](load()) reads and validates all of it, reporting every
//! content error it finds rather than only the first, and cleans each article's raw text into
//! typed [`Block`]s, keeping what it dropped and why ([`Dropped`]).

#![warn(missing_docs)]

mod clean;
mod date;
mod error;
mod load;
mod model;
pub mod sentences;
#[cfg(test)]
mod test_texts;
mod yaml;

pub use yaml::{is_plain_char as is_plain_yaml_char, quoted_scalar};

pub use clean::{
    Cleaned, Cleaner, WordHash, clean, clean_page, fold, is_caption, is_stop_word, is_stop_word_in, language_of,
};
pub use date::{Date, DateError, MONTH_NAMES, month_number};
pub use error::{ContentError, ContentErrors};
pub use load::cache::LoadCache;
pub use load::fields::{UrlError, check_http_url, is_language_tag, is_slug};
pub use load::source::parse_source;
pub use load::{load, load_with};
pub use model::{
    Block, BlockKind, Briefing, Corpus, DropReason, Dropped, Entity, EntityKind, SiteConfig, Source, SourceMeta,
};
