//! A saved web page: the article body comes from trafilatura (the extractor that measured
//! best on the extraction benchmark, see the README), its text goes through the corpus
//! cleaner like any other body, and the metadata comes from what the page declares about
//! itself ([`page_meta`]).

use super::article::Article;
use super::fields::{Found, Meta};
use super::{find, page_meta, text};
use crate::cli::file_error::FileProblem;

/// The article a saved page holds, or why there is none.
pub(super) fn article(html: &str) -> Result<Article, FileProblem> {
    let declared = page_meta::read(html);
    let url = declared.canonical.as_ref().map(|c| c.value.clone());
    let mut options =
        trafilatura::Options::default().with_fallback(true).with_focus(trafilatura::ExtractionFocus::FavorPrecision);
    if let Some(parsed) = url.as_deref().and_then(|u| url::Url::parse(u).ok()) {
        options = options.with_url(parsed);
    }
    let extracted = trafilatura::extract(html, &options).map_err(|e| FileProblem::NoArticleBody(e.to_string()))?;
    let text = paragraphs_of(&extracted.content_html);
    let title = declared.title.as_ref().map_or("", |t| t.value.as_str());
    let cleaned = corpus::clean(&text, title);
    let mut notes = Vec::new();
    if !declared.is_article {
        notes.push("the page does not declare itself an article (og:type, JSON-LD): check the body".to_string());
    }
    let found = |f: &Option<page_meta::Found<String>>| f.as_ref().map(|f| Found::new(f.value.clone(), f.from));
    let outlet = found(&declared.outlet).or_else(|| {
        let (name, known) = find::outlet_of(url.as_deref()?)?;
        Some(Found::new(
            name,
            if known { "the canonical URL's domain" } else { "the URL's domain: write the outlet's name" },
        ))
    });
    let meta = Meta {
        title: found(&declared.title),
        title_hint: None,
        outlet,
        published: declared.published.as_ref().map(|p| Found::new(p.value, p.from)),
        url: found(&declared.canonical),
        byline: found(&declared.byline),
        wire: find::wire(&cleaned).map(|(agency, credit)| Found::new(agency, format!("{credit:?} in the text"))),
        language: found(&declared.lang).or_else(|| text::language_of(&cleaned)),
    };
    Ok(Article { cleaned, meta, notes })
}

/// The extracted body's HTML as text, one paragraph (or heading, list item, quotation) per
/// block with a blank line between, unwrapped and without markup decorations.
fn paragraphs_of(html: &str) -> String {
    html2text::config::with_decorator(html2text::render::TrivialDecorator::new())
        .raw_mode(true)
        .string_from_read(html.as_bytes(), 1_000_000)
        .unwrap_or_default()
}
