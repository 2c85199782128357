//! Markdown to HTML for the overview and entity descriptions.
//!
//! Raw HTML in Markdown is escaped unless the site opts in (`unsafe_html: true` in
//! site.yaml), as Hugo does by default; link and image targets are limited to http(s),
//! mailto, fragments and relative paths, so `javascript:` links never reach a page.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

/// Rendered Markdown, with the leading level-1 heading taken out as the title when there is one.
pub struct Rendered {
    /// The text of a `# Heading` opening the document.
    pub title: Option<String>,
    /// The HTML of the rest.
    pub html: String,
}

/// True for link targets that are safe to put in `href` or `src`.
pub fn is_safe_url(url: &str) -> bool {
    let cleaned: String = url.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
    let lower = cleaned.to_ascii_lowercase();
    match lower.find(':') {
        None => true,
        Some(colon) => {
            // A colon after the first '/', '?' or '#' is part of a relative path, not a scheme.
            let first_separator = lower.find(['/', '?', '#']).unwrap_or(usize::MAX);
            colon > first_separator || ["http", "https", "mailto"].contains(&&lower[..colon])
        }
    }
}

fn safe_dest(dest: CowStr<'_>) -> CowStr<'_> {
    if is_safe_url(&dest) { dest } else { CowStr::Borrowed("") }
}

/// The Markdown extensions the site reads.
const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_FOOTNOTES).union(Options::ENABLE_STRIKETHROUGH);

/// CommonMark requires NUL to become U+FFFD "for security reasons"; pulldown-cmark passes it
/// through, and a NUL in HTML is a parse error that browsers each handle their way.
fn without_nul(markdown: &str) -> std::borrow::Cow<'_, str> {
    if markdown.contains('\0') {
        std::borrow::Cow::Owned(markdown.replace('\0', "\u{FFFD}"))
    } else {
        std::borrow::Cow::Borrowed(markdown)
    }
}

/// Renders `markdown`; `take_title` moves a leading `# Heading` out of the HTML.
pub fn render(markdown: &str, unsafe_html: bool, take_title: bool) -> Rendered {
    let markdown = without_nul(markdown);
    let mut events: Vec<Event<'_>> = Parser::new_ext(&markdown, OPTIONS)
        .map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) if !unsafe_html => Event::Text(raw),
            Event::Start(Tag::Link { link_type, dest_url, title, id }) => {
                Event::Start(Tag::Link { link_type, dest_url: safe_dest(dest_url), title, id })
            }
            Event::Start(Tag::Image { link_type, dest_url, title, id }) => {
                Event::Start(Tag::Image { link_type, dest_url: safe_dest(dest_url), title, id })
            }
            other => other,
        })
        .collect();
    let mut title = None;
    if take_title && matches!(events.first(), Some(Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }))) {
        let end = events.iter().position(|e| matches!(e, Event::End(TagEnd::Heading(HeadingLevel::H1))));
        if let Some(end) = end {
            let text: String = events[1..end]
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            title = Some(text);
            events.drain(..=end);
        }
    }
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    Rendered { title, html: out }
}

/// A block of Markdown as plain text, for the search index.
pub struct TextBlock {
    /// Whether the block is a heading.
    pub heading: bool,
    /// Its text, with inline markup dropped.
    pub text: String,
}

/// The text of `markdown`, block by block (paragraphs, headings, list items, table rows, code
/// blocks), without markup. Raw HTML counts as text: pages show it escaped unless the site
/// allows it, and then its words are the page's words anyway.
pub fn text_blocks(markdown: &str) -> Vec<TextBlock> {
    let markdown = without_nul(markdown);
    let mut blocks = Vec::new();
    let mut text = String::new();
    let mut flush = |text: &mut String, heading: bool| {
        let trimmed = text.trim();
        if !trimmed.is_empty() {
            blocks.push(TextBlock { heading, text: trimmed.to_string() });
        }
        text.clear();
    };
    for event in Parser::new_ext(&markdown, OPTIONS) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Item | Tag::TableCell) | Event::End(TagEnd::TableCell) => text.push(' '),
            Event::End(TagEnd::Heading(_)) => flush(&mut text, true),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableRow | TagEnd::TableHead | TagEnd::CodeBlock) => {
                flush(&mut text, false)
            }
            _ => {}
        }
    }
    flush(&mut text, false);
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_blocks_drop_markup() {
        let blocks = text_blocks(
            "# Title\n\nSome *talks* in [Geneva](x.html).\nNext line.\n\n- one\n- `two`\n\n| a | b |\n|---|---|\n| c | d |\n",
        );
        let texts: Vec<(bool, &str)> = blocks.iter().map(|b| (b.heading, b.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (true, "Title"),
                (false, "Some talks in Geneva. Next line."),
                (false, "one"),
                (false, "two"),
                (false, "a  b"),
                (false, "c  d")
            ]
        );
    }

    #[test]
    fn escapes_raw_html_unless_allowed() {
        let md = "Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>\n";
        let safe = render(md, false, false).html;
        assert!(!safe.contains("<script>") && !safe.contains("<div"), "{safe}");
        assert!(safe.contains("&lt;script&gt;"), "{safe}");
        assert!(render(md, true, false).html.contains("<script>"));
    }

    #[test]
    fn drops_dangerous_link_targets() {
        let html = render("[a](javascript:alert(1)) [b](JaVa\tScRiPt:x) [c](https://example.com) [d](sources/x.html#p2) [e](data:text/html,x)", false, false).html;
        assert!(!html.to_lowercase().contains("javascript") && !html.contains("data:"), "{html}");
        assert!(html.contains("https://example.com") && html.contains("sources/x.html#p2"), "{html}");
    }

    #[test]
    fn replaces_nul_as_commonmark_requires() {
        let rendered = render("# Ti\0tle\n\nPutin\0 spoke `co\0de` [l\0](x\0y)\n", false, true);
        assert_eq!(rendered.title.as_deref(), Some("Ti\u{FFFD}tle"));
        assert_eq!(
            rendered.html.trim(),
            "<p>Putin\u{FFFD} spoke <code>co\u{FFFD}de</code> <a href=\"x%EF%BF%BDy\">l\u{FFFD}</a></p>"
        );
    }

    #[test]
    fn takes_a_leading_title() {
        let rendered = render("# The talks\n\nText.", false, true);
        assert_eq!(rendered.title.as_deref(), Some("The talks"));
        assert_eq!(rendered.html.trim(), "<p>Text.</p>");
    }
}
