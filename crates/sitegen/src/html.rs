//! Escaping, and article text with entity links.

use std::ops::Range;

/// Appends `text`, escaped for HTML content and attribute values, to `out`.
pub fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// A link to be placed over a range of text.
pub struct Link<'a> {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The link target, already relative to the page.
    pub href: &'a str,
}

/// A range of text to wrap in `<span class="...">`, such as a reused sentence.
pub struct Mark<'a> {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// The span's class attribute.
    pub class: &'a str,
    /// A tooltip, if any.
    pub title: Option<&'a str>,
}

/// Escapes `text`, wrapping each range of `links` (ordered, not overlapping) in
/// `<a class="entity" href="...">`.
pub fn linked_text(text: &str, links: &[Link<'_>]) -> String {
    annotated_text(text, &[], links)
}

/// Escapes `text`, wrapping the ranges of `marks` in spans and those of `links` in entity
/// links. Both lists are ordered and free of overlaps; a link that crosses the edge of a
/// mark is left out rather than break the nesting.
pub fn annotated_text(text: &str, marks: &[Mark<'_>], links: &[Link<'_>]) -> String {
    let mut out = String::with_capacity(text.len() + links.len() * 48 + marks.len() * 32);
    let mut next_link = 0;
    let mut at = 0;
    for mark in marks {
        emit(text, at..mark.range.start, links, &mut next_link, &mut out);
        out.push_str("<span class=\"");
        escape_into(mark.class, &mut out);
        out.push('"');
        if let Some(title) = mark.title {
            out.push_str(" title=\"");
            escape_into(title, &mut out);
            out.push('"');
        }
        out.push('>');
        emit(text, mark.range.clone(), links, &mut next_link, &mut out);
        out.push_str("</span>");
        at = mark.range.end;
    }
    emit(text, at..text.len(), links, &mut next_link, &mut out);
    out
}

/// Writes `text[span]` escaped, with the links that lie wholly inside it.
fn emit(text: &str, span: Range<usize>, links: &[Link<'_>], next: &mut usize, out: &mut String) {
    let mut cursor = span.start;
    while *next < links.len() && links[*next].range.start < span.end {
        let link = &links[*next];
        *next += 1;
        if link.range.start < cursor || link.range.end > span.end {
            continue;
        }
        escape_into(&text[cursor..link.range.start], out);
        out.push_str("<a class=\"entity\" href=\"");
        escape_into(link.href, out);
        out.push_str("\">");
        escape_into(&text[link.range.clone()], out);
        out.push_str("</a>");
        cursor = link.range.end;
    }
    escape_into(&text[cursor..span.end], out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything_but_the_links() {
        let text = "<script>Putin & \"Kerry\"";
        let links = [Link {
            range: 8..13,
            href: "../entities/putin.html",
        }];
        assert_eq!(
            linked_text(text, &links),
            "&lt;script&gt;<a class=\"entity\" href=\"../entities/putin.html\">Putin</a> &amp; &quot;Kerry&quot;"
        );
    }

    #[test]
    fn nests_links_inside_marks_and_drops_crossing_ones() {
        let text = "Putin spoke. Kerry & Lavrov listened.";
        let marks = [Mark {
            range: 13..37,
            class: "reused near",
            title: Some("also in \"X\""),
        }];
        let links = [
            Link {
                range: 0..5,
                href: "p.html",
            },
            Link {
                range: 11..18,
                href: "crossing.html",
            },
            Link {
                range: 21..27,
                href: "l.html",
            },
        ];
        assert_eq!(
            annotated_text(text, &marks, &links),
            "<a class=\"entity\" href=\"p.html\">Putin</a> spoke. <span class=\"reused near\" title=\"also in &quot;X&quot;\">Kerry &amp; <a class=\"entity\" href=\"l.html\">Lavrov</a> listened.</span>"
        );
    }
}
