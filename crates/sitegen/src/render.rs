//! Turning text into HTML: the theme's Tera templates, Markdown, links to entities, escaping
//! and marked-up text, word differences, and text as ASCII words for slugs.

pub(crate) mod ascii;
pub(crate) mod diff;
pub(crate) mod html;
pub(crate) mod linker;
pub(crate) mod markdown;
pub(crate) mod theme;
