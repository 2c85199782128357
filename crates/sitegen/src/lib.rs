//! sitegen: builds a content folder of news sources into an annotated briefing site.
//!
//! The pipeline ([`build`]) reads top to bottom: load and clean the content (`corpus`),
//! find entity mentions (`annotate`), render pages through the theme's Tera templates,
//! write them into a staging folder, and swap it in for the output folder.

#![warn(missing_docs)]

mod build;
pub mod cli;
mod export;
mod pages;
mod render;
mod site;
#[cfg(test)]
mod test_fixture;

pub use build::pipeline::{BuildCache, BuildError, BuildOptions, Summary, build, build_with, check, project_root};
pub use cli::check::curation_report;
pub use cli::file_error::{FileError, FileProblem};
pub use cli::import::{ImportOptions, Imported, import_files};
pub use cli::new::new_source;
pub use cli::serve::{DEFAULT_BIND, ServeError, ServeOptions, serve};
pub use site::GENERATOR;
