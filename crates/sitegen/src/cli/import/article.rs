//! An article as one file gives it, before it is written as a source file.

use corpus::Cleaned;

use super::fields::Meta;

/// An article read from one file: its cleaned text, what was found of its metadata, and
/// anything the user should look at.
pub(super) struct Article {
    /// The article's text, cleaned.
    pub(super) cleaned: Cleaned,
    /// What was found of its metadata, and where.
    pub(super) meta: Meta,
    /// Anything the user should look at.
    pub(super) notes: Vec<String>,
}
