//! The commands other than the build: `check` (validate and curate), `serve` (build, serve
//! and rebuild on change), `import` (saved pages and pasted texts as new sources) and `new`
//! (a documented source template); and the command line that runs them all ([`run`]). The
//! build itself is [`crate::build`].

mod build;
pub(crate) mod check;
mod commands;
pub(crate) mod file_error;
pub(crate) mod import;
pub(crate) mod new;
pub(crate) mod serve;

pub use commands::run;
