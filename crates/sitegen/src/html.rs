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

/// Escapes `text`, wrapping each range of `links` (ordered, not overlapping) in
/// `<a class="entity" href="...">`.
pub fn linked_text(text: &str, links: &[Link<'_>]) -> String {
    let mut out = String::with_capacity(text.len() + links.len() * 48);
    let mut at = 0;
    for link in links {
        escape_into(&text[at..link.range.start], &mut out);
        out.push_str("<a class=\"entity\" href=\"");
        escape_into(link.href, &mut out);
        out.push_str("\">");
        escape_into(&text[link.range.clone()], &mut out);
        out.push_str("</a>");
        at = link.range.end;
    }
    escape_into(&text[at..], &mut out);
    out
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
}
