//! Escaping and unescaping, and article text with entity links.

use std::ops::Range;

/// Decodes the character references of HTML text: numeric ones, those an HTML serialiser
/// writes, and the typographic ones pages write in titles and bylines. Anything else is
/// left as written.
pub fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "rsquo" => Some('’'),
                "lsquo" => Some('‘'),
                "rdquo" => Some('”'),
                "ldquo" => Some('“'),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "hellip" => Some('…'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                    // HTML reads `&#0;` as U+FFFD; decoding it to NUL would write a NUL
                    // into the page when the text is escaped again around a link.
                    .map(|code| if code == 0 { 0xFFFD } else { code })
                    .and_then(char::from_u32),
            }?;
            Some((c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Appends `text`, escaped for HTML content and attribute values, to `out`.
pub fn escape_into(text: &str, out: &mut String) {
    let escaped: Result<(), std::convert::Infallible> = escape_with(text, |piece| {
        out.push_str(piece);
        Ok(())
    });
    let Ok(()) = escaped;
}

/// Escapes `text` for HTML content and attribute values, `&<>"'` each to its reference,
/// handing `put` the runs of text between them whole rather than a character at a time.
/// Tera's templates escape with it too (see `theme.rs`), so both escape alike.
pub fn escape_with<E>(text: &str, mut put: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let mut start = 0;
    for (i, byte) in text.bytes().enumerate() {
        let reference = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // The five are ASCII, so `i` is on a character boundary.
        put(&text[start..i])?;
        put(reference)?;
        start = i + 1;
    }
    put(&text[start..])
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
/// links. Marks may overlap each other (a quotation across two reused sentences): the text
/// is cut at every mark's edge and each piece gets one span with the classes of all marks
/// covering it (and the first one's title). Links are ordered and do not overlap; a link
/// crossing the edge of a piece is written as one link per piece.
pub fn annotated_text(text: &str, marks: &[Mark<'_>], links: &[Link<'_>]) -> String {
    let mut out = String::with_capacity(text.len() + links.len() * 48 + marks.len() * 32);
    let mut edges: Vec<usize> = vec![0, text.len()];
    edges.extend(marks.iter().flat_map(|m| [m.range.start, m.range.end]));
    edges.sort_unstable();
    edges.dedup();
    let mut next_link = 0;
    for piece in edges.windows(2) {
        let piece = piece[0]..piece[1];
        let covering: Vec<&Mark<'_>> = marks
            .iter()
            .filter(|m| m.range.start <= piece.start && piece.end <= m.range.end && !m.range.is_empty())
            .collect();
        if !covering.is_empty() {
            out.push_str("<span class=\"");
            for (i, mark) in covering.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                escape_into(mark.class, &mut out);
            }
            out.push('"');
            if let Some(title) = covering.iter().find_map(|m| m.title) {
                out.push_str(" title=\"");
                escape_into(title, &mut out);
                out.push('"');
            }
            out.push('>');
        }
        emit(text, piece.clone(), links, &mut next_link, &mut out);
        if !covering.is_empty() {
            out.push_str("</span>");
        }
    }
    out
}

/// Writes `text[span]` escaped, with the parts of the links that lie inside it.
fn emit(text: &str, span: Range<usize>, links: &[Link<'_>], next: &mut usize, out: &mut String) {
    let mut cursor = span.start;
    // Links ending before this piece are done with.
    while *next < links.len() && links[*next].range.end <= span.start {
        *next += 1;
    }
    let mut i = *next;
    while i < links.len() && links[i].range.start < span.end {
        let link = &links[i];
        let start = link.range.start.max(span.start);
        let end = link.range.end.min(span.end);
        escape_into(&text[cursor..start], out);
        out.push_str("<a class=\"entity\" href=\"");
        escape_into(link.href, out);
        out.push_str("\">");
        escape_into(&text[start..end], out);
        out.push_str("</a>");
        cursor = end;
        i += 1;
    }
    escape_into(&text[cursor..span.end], out);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_the_five_characters_and_keeps_the_rest() {
        assert_eq!(String::new(), {
            let mut out = String::new();
            escape_into("", &mut out);
            out
        });
        let text = "'Ünal' <b>&amp;</b> \"é\"&&>—x";
        let mut out = String::new();
        escape_into(text, &mut out);
        assert_eq!(out, "&#39;Ünal&#39; &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;é&quot;&amp;&amp;&gt;—x");
    }

    #[test]
    fn escapes_everything_but_the_links() {
        let text = "<script>Putin & \"Kerry\"";
        let links = [Link { range: 8..13, href: "../entities/putin.html" }];
        assert_eq!(
            linked_text(text, &links),
            "&lt;script&gt;<a class=\"entity\" href=\"../entities/putin.html\">Putin</a> &amp; &quot;Kerry&quot;"
        );
    }

    #[test]
    fn nests_links_inside_marks_and_splits_crossing_ones() {
        let text = "Putin spoke. Kerry & Lavrov listened.";
        let marks = [Mark { range: 13..37, class: "reused near", title: Some("also in \"X\"") }];
        let links = [
            Link { range: 0..5, href: "p.html" },
            Link { range: 11..18, href: "k.html" },
            Link { range: 21..27, href: "l.html" },
        ];
        assert_eq!(
            annotated_text(text, &marks, &links),
            "<a class=\"entity\" href=\"p.html\">Putin</a> spoke<a class=\"entity\" href=\"k.html\">. </a><span class=\"reused near\" title=\"also in &quot;X&quot;\"><a class=\"entity\" href=\"k.html\">Kerry</a> &amp; <a class=\"entity\" href=\"l.html\">Lavrov</a> listened.</span>"
        );
    }

    #[test]
    fn overlapping_marks_share_pieces() {
        let text = "One two. Three four.";
        let marks = [
            Mark { range: 0..8, class: "reused", title: None },
            Mark { range: 4..20, class: "quote", title: Some("Putin") },
        ];
        assert_eq!(
            annotated_text(text, &marks, &[]),
            "<span class=\"reused\">One </span><span class=\"reused quote\" title=\"Putin\">two.</span><span class=\"quote\" title=\"Putin\"> Three four.</span>"
        );
    }
}
