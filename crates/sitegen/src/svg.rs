//! The picture at the top of a story page: each version a column of its paragraphs, shared
//! ones marked and joined to their counterparts in the next column, so the overlap is seen
//! before it is read. Drawn at build time as inline SVG; colours come from the stylesheet.

use std::fmt::Write;

use corpus::Corpus;

use crate::coverage::Coverage;
use crate::html::escape_into;

const COLUMN_WIDTH: usize = 150;
const COLUMN_GAP: usize = 70;
const HEADER: usize = 44;
const BLOCK_GAP: usize = 3;

fn block_height(text: &str) -> usize {
    let words = text.split_whitespace().count();
    (words / 5).clamp(4, 36)
}

/// The SVG for the versions `sources` (origin first) of one story.
pub fn story_svg(corpus: &Corpus, coverage: &Coverage, sources: &[usize]) -> String {
    // Vertical position (top, height) of every block of every version.
    let layout: Vec<Vec<(usize, usize)>> = sources
        .iter()
        .map(|&s| {
            let mut y = HEADER;
            corpus.sources[s]
                .blocks
                .iter()
                .map(|b| {
                    let h = block_height(&b.text);
                    let at = (y, h);
                    y += h + BLOCK_GAP;
                    at
                })
                .collect()
        })
        .collect();
    let height = layout.iter().filter_map(|c| c.last()).map(|(y, h)| y + h).max().unwrap_or(HEADER) + 8;
    let width = sources.len() * COLUMN_WIDTH + sources.len().saturating_sub(1) * COLUMN_GAP;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="story-map" viewBox="0 0 {width} {height}" width="{width}" height="{height}" aria-label="Paragraphs of each version; shared paragraphs are filled and joined"><title>Paragraphs of each version</title>"#
    );
    // Joins first, so the blocks are drawn over them.
    for (column, pair) in sources.windows(2).enumerate() {
        let (left, right) = (pair[0], pair[1]);
        let x1 = column * (COLUMN_WIDTH + COLUMN_GAP) + COLUMN_WIDTH;
        let x2 = x1 + COLUMN_GAP;
        for (block, xrefs) in coverage.xrefs[left].iter().enumerate() {
            for xref in xrefs.iter().filter(|x| x.source == right) {
                let (y1, h1) = layout[column][block];
                let (y2, h2) = layout[column + 1][xref.block];
                let (y1, y2) = (y1 + h1 / 2, y2 + h2 / 2);
                let mid = (x1 + x2) / 2;
                let _ = write!(
                    svg,
                    r#"<path class="story-join join-{}" d="M{x1} {y1} C{mid} {y1} {mid} {y2} {x2} {y2}"/>"#,
                    xref.kind.as_str()
                );
            }
        }
    }
    for (column, &s) in sources.iter().enumerate() {
        let source = &corpus.sources[s];
        let x = column * (COLUMN_WIDTH + COLUMN_GAP);
        svg.push_str(r#"<text class="story-label" x=""#);
        let _ = write!(svg, r#"{x}" y="16">"#);
        escape_into(&source.meta.outlet, &mut svg);
        let _ =
            write!(svg, r#"</text><text class="story-date" x="{x}" y="32">{}</text>"#, source.meta.published.label());
        for (b, block) in source.blocks.iter().enumerate() {
            let (y, h) = layout[column][b];
            let shared = coverage.xrefs[s][b].iter().any(|x| sources.contains(&x.source));
            let class = if shared { "story-block shared" } else { "story-block unique" };
            let _ = write!(
                svg,
                r##"<a href="../sources/{slug}.html#p{n}"><rect class="{class}" x="{x}" y="{y}" width="{COLUMN_WIDTH}" height="{h}" rx="2"><title>"##,
                slug = source.slug,
                n = b + 1
            );
            let preview: String = block.text.chars().take(90).collect();
            escape_into(&source.meta.outlet, &mut svg);
            let _ = write!(svg, " ¶{}: ", b + 1);
            escape_into(&preview, &mut svg);
            if block.text.chars().count() > 90 {
                svg.push('…');
            }
            svg.push_str("</title></rect></a>");
        }
    }
    svg.push_str("</svg>");
    svg
}

/// A bar chart of mentions per period for an entity page: one bar per period, in order.
pub fn timeline_svg(periods: &[(String, usize)]) -> String {
    const HEIGHT: usize = 80;
    const BAR_GAP: usize = 2;
    let Some(max) = periods.iter().map(|(_, n)| *n).max().filter(|&m| m > 0) else {
        return String::new();
    };
    let bar = (640 / periods.len().max(1)).clamp(3, 28);
    let width = periods.len() * (bar + BAR_GAP);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="timeline" viewBox="0 0 {width} {total}" width="{width}" height="{total}" role="img" aria-label="Mentions by date"><title>Mentions by date</title>"#,
        total = HEIGHT + 4
    );
    for (i, (label, count)) in periods.iter().enumerate() {
        let h = (count * HEIGHT).div_ceil(max).max(2);
        let x = i * (bar + BAR_GAP);
        let y = HEIGHT + 2 - h;
        let _ = write!(svg, r#"<rect class="timeline-bar" x="{x}" y="{y}" width="{bar}" height="{h}"><title>"#);
        escape_into(label, &mut svg);
        let _ = write!(svg, ": {count} mention{}</title></rect>", if *count == 1 { "" } else { "s" });
    }
    svg.push_str("</svg>");
    svg
}
