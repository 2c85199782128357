//! The one pass of lol_html over a page: it gathers the raw facts (meta tags, JSON-LD
//! blocks, headings, the visible text) without choosing among them.

use std::cell::RefCell;

use lol_html::html_content::{Element, TextType};
use lol_html::{HtmlRewriter, Settings, doc_text, element, text};

use super::values::clean;

/// What one pass over the page found, in page order.
#[derive(Default)]
pub(super) struct Raw {
    /// `<html lang>` (or `xml:lang`).
    pub(super) lang: Option<String>,
    /// The first `<title>`: an inline SVG can have its own later.
    pub(super) title: Option<String>,
    in_first_title: bool,
    /// The text of each `<h1>`, cleaned.
    pub(super) h1s: Vec<String>,
    /// Where each `<h1>` starts in [`Raw::text`].
    pub(super) h1_at: Vec<usize>,
    /// (key, value) of meta tags and of `itemprop` elements with a `content` or `datetime`;
    /// the key is the tag's `property`, `name`, `itemprop` or `http-equiv`, one entry each.
    pub(super) metas: Vec<(String, String)>,
    /// The first `<link rel=canonical>`'s href.
    pub(super) canonical: Option<String>,
    /// The text of each `<script type="application/ld+json">`.
    pub(super) json_ld: Vec<String>,
    in_json_ld: bool,
    /// Each `<time datetime>`, with where it stands in [`Raw::text`].
    pub(super) times: Vec<(usize, String)>,
    /// The page's visible text, still escaped, white space collapsed: the date a page shows
    /// is usually written just below or above its headline.
    pub(super) text: String,
}

impl Raw {
    /// The first non-empty value for one of `labels`, with its label. A label is the key
    /// itself ("og:title") or says which attribute carries it ("meta name=date"); either way
    /// the key is matched against all four attributes, since sites mix them up.
    pub(super) fn meta(&self, labels: &[&'static str]) -> Option<(&str, &'static str)> {
        labels.iter().find_map(|&label| {
            let key = label.rsplit('=').next().unwrap_or(label);
            let (_, value) = self.metas.iter().find(|(k, v)| k.eq_ignore_ascii_case(key) && !v.is_empty())?;
            Some((value.as_str(), label))
        })
    }

    /// The visible text between two byte offsets (clamped to character boundaries), cleaned.
    pub(super) fn text_between(&self, from: usize, to: usize) -> String {
        let (mut from, mut to) = (from.min(self.text.len()), to.min(self.text.len()));
        while !self.text.is_char_boundary(from) {
            from -= 1;
        }
        while !self.text.is_char_boundary(to) {
            to -= 1;
        }
        clean(&self.text[from..to])
    }
}

/// Reads `html` once, collecting what [`super::read`] chooses from.
pub(super) fn scan(html: &str) -> Raw {
    let raw = RefCell::new(Raw::default());
    // lol_html hands attribute values over as written, entities and all.
    let attr = |el: &Element<'_, '_>, name: &str| el.get_attribute(name).map(|v| clean(&v));
    let settings = Settings::new()
        // Not strict: on markup that could be read two ways, carry on rather than stop.
        .with_strict(false)
        .append_element_content_handler(element!("html", |el| {
            let mut raw = raw.borrow_mut();
            if raw.lang.is_none() {
                raw.lang = attr(el, "lang").or_else(|| attr(el, "xml:lang"));
            }
            Ok(())
        }))
        .append_element_content_handler(element!("title", |_| {
            let mut raw = raw.borrow_mut();
            raw.in_first_title = raw.title.is_none();
            raw.title.get_or_insert_default();
            Ok(())
        }))
        .append_element_content_handler(text!("title", |chunk| {
            let mut raw = raw.borrow_mut();
            if raw.in_first_title {
                raw.title.get_or_insert_default().push_str(chunk.as_str());
            }
            Ok(())
        }))
        .append_element_content_handler(element!("h1", |_| {
            let mut raw = raw.borrow_mut();
            let at = raw.text.len();
            raw.h1s.push(String::new());
            raw.h1_at.push(at);
            Ok(())
        }))
        .append_element_content_handler(text!("h1", |chunk| {
            if let Some(h1) = raw.borrow_mut().h1s.last_mut() {
                h1.push_str(chunk.as_str());
            }
            Ok(())
        }))
        .append_element_content_handler(element!("script", |el| {
            let mut raw = raw.borrow_mut();
            raw.in_json_ld = el.get_attribute("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
            if raw.in_json_ld {
                raw.json_ld.push(String::new());
            }
            Ok(())
        }))
        .append_element_content_handler(text!("script", |chunk| {
            let mut raw = raw.borrow_mut();
            if raw.in_json_ld
                && let Some(block) = raw.json_ld.last_mut()
            {
                block.push_str(chunk.as_str());
            }
            Ok(())
        }))
        .append_element_content_handler(element!("meta, [itemprop][content], [itemprop][datetime]", |el| {
            let Some(value) = attr(el, "content").or_else(|| attr(el, "datetime")) else { return Ok(()) };
            let mut raw = raw.borrow_mut();
            for key in ["property", "name", "itemprop", "http-equiv"].iter().filter_map(|k| el.get_attribute(k)) {
                raw.metas.push((key.trim().to_string(), value.clone()));
            }
            Ok(())
        }))
        .append_element_content_handler(element!("link[rel][href]", |el| {
            let rel = el.get_attribute("rel").unwrap_or_default().to_ascii_lowercase();
            let mut raw = raw.borrow_mut();
            if raw.canonical.is_none() && rel.split_ascii_whitespace().any(|r| r == "canonical") {
                raw.canonical = attr(el, "href");
            }
            Ok(())
        }))
        .append_element_content_handler(element!("time[datetime]", |el| {
            let mut raw = raw.borrow_mut();
            let at = raw.text.len();
            raw.times.extend(attr(el, "datetime").map(|t| (at, t)));
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|chunk| {
            // Data is what a reader sees; scripts, styles and the title are other text types.
            if chunk.text_type() == TextType::Data {
                // White space collapsed as it comes, so that distances in the text are
                // distances a reader sees, not indentation.
                let mut raw = raw.borrow_mut();
                for c in chunk.as_str().chars().chain(chunk.last_in_text_node().then_some(' ')) {
                    if !c.is_whitespace() {
                        raw.text.push(c);
                    } else if !raw.text.ends_with(' ') {
                        raw.text.push(' ');
                    }
                }
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    // A page lol_html gives up on keeps what was read before the failure.
    let _ = rewriter.write(html.as_bytes()).and_then(|()| rewriter.end());
    let mut raw = raw.into_inner();
    raw.title = raw.title.map(|t| clean(&t));
    raw.h1s = raw.h1s.iter().map(|h| clean(h)).collect();
    raw
}
