//! The build: the pipeline read top to bottom ([`pipeline`]), the pages written on every
//! core ([`page_writer`], which skips pages whose fingerprint did not change since the last
//! build) and the output folder swapped in atomically ([`output`]).

pub(crate) mod output;
pub(crate) mod page_writer;
pub(crate) mod pipeline;
