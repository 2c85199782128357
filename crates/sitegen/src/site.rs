//! The model of the site the pages are views of: the annotated corpus with its indexes
//! ([`model::SiteModel`]), duplicate coverage as pages show it, the named speakers outside the
//! catalogue, and the timeline.

pub(crate) mod coverage;
pub(crate) mod model;
pub(crate) mod quote_texts;
pub(crate) mod speakers;
pub(crate) mod timeline;

/// The generator's name and version, as pages and the JSON export credit it.
pub const GENERATOR: &str = concat!("sitegen ", env!("CARGO_PKG_VERSION"));
