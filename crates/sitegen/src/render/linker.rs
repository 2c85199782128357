//! Entity links in rendered HTML (the overview, entity descriptions), with lol_html.
//!
//! Text inside links, code, preformatted blocks and headings stays unlinked. lol_html hands
//! text over in chunks split anywhere, so chunks are buffered until the end of each text
//! node; the buffered text is still HTML-escaped, so it is unescaped for matching and
//! escaped again around the links.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use annotate::EntityMatcher;
use lol_html::html_content::ContentType;
use lol_html::{RewriteStrSettings, doc_text, element, end_tag, rewrite_str};

use crate::render::html::{Link, linked_text};

const SKIP: &str = "a, code, pre, h1, h2, h3, h4, h5, h6, script, style, textarea";

/// Links entity mentions in `html`. `href(entity)` gives each entity's link target; links
/// to `skip_entity` (an entity's own page) are left out.
pub fn link_entities(
    html: &str,
    matcher: &EntityMatcher,
    entity_count: usize,
    skip_entity: Option<usize>,
    href: &dyn Fn(usize) -> String,
) -> String {
    let depth = Rc::new(Cell::new(0usize));
    let named = RefCell::new(vec![false; entity_count]);
    let mut buffer = String::new();
    let depth_in = Rc::clone(&depth);
    let settings = RewriteStrSettings::new()
        .append_element_content_handler(element!(SKIP, move |el| {
            depth_in.set(depth_in.get() + 1);
            let depth_out = Rc::clone(&depth_in);
            if el.can_have_content() {
                el.on_end_tag(end_tag!(move |_| {
                    depth_out.set(depth_out.get() - 1);
                    Ok(())
                }))?;
            } else {
                depth_out.set(depth_out.get() - 1);
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|chunk| {
            buffer.push_str(chunk.as_str());
            if !chunk.last_in_text_node() {
                chunk.remove();
                return Ok(());
            }
            let replacement = if depth.get() == 0 {
                link_text(&buffer, matcher, &mut named.borrow_mut(), skip_entity, href)
            } else {
                std::mem::take(&mut buffer)
            };
            buffer.clear();
            chunk.replace(&replacement, ContentType::Html);
            Ok(())
        }));
    rewrite_str(html, settings).unwrap_or_else(|_| html.to_string())
}

fn link_text(
    escaped: &str,
    matcher: &EntityMatcher,
    named: &mut [bool],
    skip_entity: Option<usize>,
    href: &dyn Fn(usize) -> String,
) -> String {
    let text = crate::render::html::unescape(escaped);
    let found: Vec<_> = matcher.find(&text, named).into_iter().filter(|m| Some(m.entity) != skip_entity).collect();
    if found.is_empty() {
        return escaped.to_string();
    }
    let hrefs: Vec<String> = found.iter().map(|m| href(m.entity)).collect();
    let links: Vec<Link<'_>> =
        found.iter().zip(&hrefs).map(|(m, h)| Link { range: m.range.clone(), href: h }).collect();
    linked_text(&text, &links)
}

#[cfg(test)]
mod tests {
    use super::*;
    use corpus::{Entity, EntityKind};

    fn matcher() -> (EntityMatcher, usize) {
        let entities = [("putin", "Vladimir Putin", vec!["Putin"]), ("kerry", "John Kerry", vec!["Kerry"])].map(
            |(id, name, aliases)| Entity {
                id: id.into(),
                name: name.into(),
                kind: EntityKind::Person,
                aliases: aliases.into_iter().map(String::from).collect(),
                aliases_any_case: Vec::new(),
                stands_for: None,
                description: None,
                wikidata: None,
            },
        );
        (EntityMatcher::new(&entities), entities.len())
    }

    fn link(html: &str, skip: Option<usize>) -> String {
        let (matcher, count) = matcher();
        link_entities(html, &matcher, count, skip, &|e| format!("entities/{e}.html"))
    }

    #[test]
    fn links_text_but_not_headings_links_or_code() {
        let html = "<h2>Putin</h2><p>Putin &amp; <em>Kerry</em> <a href=\"x\">Kerry</a> <code>Putin</code></p>";
        assert_eq!(
            link(html, None),
            "<h2>Putin</h2><p><a class=\"entity\" href=\"entities/0.html\">Putin</a> &amp; <em><a class=\"entity\" href=\"entities/1.html\">Kerry</a></em> <a href=\"x\">Kerry</a> <code>Putin</code></p>"
        );
    }

    #[test]
    fn keeps_escaped_markup_escaped() {
        let html = "<p>&lt;script&gt;Putin&lt;/script&gt;</p>";
        assert_eq!(
            link(html, None),
            "<p>&lt;script&gt;<a class=\"entity\" href=\"entities/0.html\">Putin</a>&lt;/script&gt;</p>"
        );
    }

    #[test]
    fn leaves_out_links_to_the_page_itself() {
        assert_eq!(
            link("<p>Putin met Kerry</p>", Some(0)),
            "<p>Putin met <a class=\"entity\" href=\"entities/1.html\">Kerry</a></p>"
        );
    }

    #[test]
    fn decodes_character_references() {
        assert_eq!(crate::render::html::unescape("a &amp; b &#39;c&#x27; &bogus; &"), "a & b 'c' &bogus; &");
        assert_eq!(crate::render::html::unescape("&#0;&#x0;&#xD800;"), "\u{FFFD}\u{FFFD}&#xD800;");
    }
}
