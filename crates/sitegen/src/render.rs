//! Turning text into HTML: the theme's Tera templates, Markdown, links to entities, escaping
//! and marked-up text, word differences, short labels (a text's first words, a range of
//! dates), and text as ASCII words for slugs.

pub(crate) mod ascii;
pub(crate) mod diff;
pub(crate) mod html;
pub(crate) mod labels;
pub(crate) mod linker;
pub(crate) mod markdown;
pub(crate) mod theme;
