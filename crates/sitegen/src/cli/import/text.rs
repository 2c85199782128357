//! Article text pasted into a file, boilerplate and all: the cleaner finds the article, and
//! the metadata comes from what the text shows (a URL line, a headline, date lines, wire
//! tags, bylines).

use super::article::Article;
use super::fields::{Found, Meta};
use super::find;

/// The language of the cleaned article, detected from its stop words.
pub(super) fn language_of(cleaned: &corpus::Cleaned) -> Option<Found<String>> {
    let text: Vec<&str> = cleaned.blocks.iter().map(|b| b.text.as_str()).collect();
    let code = corpus::language_of(&text.join("\n"))?;
    Some(Found::new(code.to_string(), "its stop words (detected: check it)"))
}

/// The article in `raw` and what the text says of it.
pub(super) fn article(raw: &str) -> Article {
    let lines: Vec<String> = raw.lines().map(find::normalize).collect();
    let url = lines.iter().find(|l| !l.is_empty()).and_then(|l| find::url_of(l));
    let title = find::title(&lines);
    let cleaned = corpus::clean_page(raw, title.as_deref().unwrap_or(""));
    let meta = Meta {
        outlet: url.as_deref().and_then(find::outlet_of).map(|(name, known)| {
            let from = if known { "the URL's domain" } else { "the URL's domain: write the outlet's name" };
            Found::new(name, from)
        }),
        title_hint: if title.is_none() { url.as_deref().and_then(find::title_hint) } else { None },
        published: find::published_from(&cleaned, &lines, url.as_deref()).map(|(date, from)| Found::new(date, from)),
        wire: find::wire(&cleaned).map(|(agency, tag)| Found::new(agency, format!("{tag:?}"))),
        byline: find::byline_found(&cleaned).map(|(names, from)| Found::new(names, from)),
        url: url.map(|url| Found::new(url, "the text's first line")),
        title: title.map(|title| Found::new(title, "the text's first line")),
        language: language_of(&cleaned),
    };
    Article { cleaned, meta, notes: Vec::new() }
}
