//! The build: the pipeline read top to bottom ([`pipeline`]), the pages written on every
//! core ([`page_writer`]), the output folder swapped in atomically ([`output`]) and the
//! fingerprints that let a rebuild skip what did not change ([`fingerprint`]).

pub(crate) mod fingerprint;
pub(crate) mod output;
pub(crate) mod page_writer;
pub(crate) mod pipeline;
