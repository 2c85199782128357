//! One module per kind of page, each with the view structs its template reads: entities,
//! mentions, stories, quotations, speakers; the template context every page shares
//! ([`page`], [`views`]) and the margin notes of paragraphs ([`margins`]).

pub(crate) mod base;
pub(crate) mod entities;
pub(crate) mod entity;
pub(crate) mod fingerprint;
pub(crate) mod index;
pub(crate) mod margins;
pub(crate) mod mentions;
pub(crate) mod page;
pub(crate) mod quotes;
pub(crate) mod source;
pub(crate) mod speaker;
pub(crate) mod story;
pub(crate) mod story_rows;
pub(crate) mod story_texts;
pub(crate) mod svg;
pub(crate) mod views;
