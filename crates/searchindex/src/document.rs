//! What the index is built from: pages, their parts, and the types a reader filters by.

use std::borrow::Cow;

/// A page to be found by search.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The page, relative to the site root (`sources/x.html`).
    pub url: String,
    /// The page's title.
    pub title: Cow<'a, str>,
    /// Short facts shown under the title in a result (an outlet, a date).
    pub meta: Vec<Cow<'a, str>>,
    /// The searchable text. The first is the header: the title and facts to match on, with
    /// no anchor and no label.
    pub sections: Vec<Section<'a>>,
}

/// A part of a page that a result can point to.
#[derive(Debug, Clone)]
pub struct Section<'a> {
    /// The id of its element on the page, or empty for the page itself.
    pub anchor: Cow<'a, str>,
    /// What a result calls it ("¶3", or a quotation's speaker and dates).
    pub label: Cow<'a, str>,
    /// Its plain text.
    pub text: Cow<'a, str>,
}

/// Documents of one type ("Source", "Entity"…), the filter a reader can narrow results by.
#[derive(Debug, Clone)]
pub struct DocumentType<'a> {
    /// The type's name, as the filter shows it.
    pub name: &'static str,
    /// Its documents, in the order they are numbered.
    pub documents: Vec<Document<'a>>,
}
