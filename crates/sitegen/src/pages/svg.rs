//! The picture at the top of a story page: each text shown (a version, or the first of the
//! versions carrying the same text) a column of its paragraphs, shared ones marked and
//! joined to their counterparts in the next column, so the overlap is seen before it is
//! read. Drawn at build time as inline SVG; colours come from the stylesheet.

use std::fmt::Write;

use corpus::Corpus;

use crate::render::html::escape_into;
use crate::site::coverage::Coverage;

const COLUMN_WIDTH: usize = 150;
const COLUMN_GAP: usize = 70;
const HEADER: usize = 44;
/// The header's height when a column stands for several versions and says how many.
const HEADER_WITH_COUNT: usize = 58;
const BLOCK_GAP: usize = 3;

fn block_height(text: &str) -> usize {
    let words = text.split_whitespace().count();
    (words / 5).clamp(4, 36)
}

/// A column of the story map: the version standing for a text, and how many carry it.
pub struct SvgColumn {
    /// Index of the source drawn.
    pub source: usize,
    /// How many versions carry its text.
    pub outlets: usize,
}

/// The SVG for the texts `columns` (the origin's first) of one story.
pub fn story_svg(corpus: &Corpus, coverage: &Coverage<'_>, columns: &[SvgColumn]) -> String {
    let sources: Vec<usize> = columns.iter().map(|c| c.source).collect();
    let header = if columns.iter().any(|c| c.outlets > 1) { HEADER_WITH_COUNT } else { HEADER };
    // Vertical position (top, height) of every block of every column.
    let layout: Vec<Vec<(usize, usize)>> = sources
        .iter()
        .map(|&s| {
            let mut y = header;
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
    let height = layout.iter().filter_map(|c| c.last()).map(|(y, h)| y + h).max().unwrap_or(header) + 8;
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
        for block in 0..corpus.sources[left].blocks.len() {
            // The right column's blocks sharing a passage with this one, each once with the
            // strongest kind, in block order.
            let mut joins: Vec<(usize, annotate::ReuseKind)> = Vec::new();
            for passage in coverage.passages(left, block) {
                let cluster = coverage.cluster(passage.cluster);
                for m in coverage.members_in(passage.cluster, right) {
                    let kind = cluster.pair_kind(passage.member as usize, m);
                    joins.push((cluster.members[m].sentence.block, kind));
                }
            }
            joins.sort_unstable();
            joins.dedup_by_key(|(b, _)| *b);
            for (right_block, kind) in joins {
                let (y1, h1) = layout[column][block];
                let (y2, h2) = layout[column + 1][right_block];
                let (y1, y2) = (y1 + h1 / 2, y2 + h2 / 2);
                let mid = (x1 + x2) / 2;
                let _ = write!(
                    svg,
                    r#"<path class="story-join join-{}" d="M{x1} {y1} C{mid} {y1} {mid} {y2} {x2} {y2}"/>"#,
                    kind.as_str()
                );
            }
        }
    }
    for (column, shown) in columns.iter().enumerate() {
        let s = shown.source;
        let source = &corpus.sources[s];
        let x = column * (COLUMN_WIDTH + COLUMN_GAP);
        svg.push_str(r#"<text class="story-label" x=""#);
        let _ = write!(svg, r#"{x}" y="16">"#);
        escape_into(&source.meta.outlet, &mut svg);
        let _ =
            write!(svg, r#"</text><text class="story-date" x="{x}" y="32">{}</text>"#, source.meta.published.label());
        if shown.outlets > 1 {
            let _ = write!(svg, r#"<text class="story-date" x="{x}" y="46">{} outlets</text>"#, shown.outlets);
        }
        for (b, block) in source.blocks.iter().enumerate() {
            let (y, h) = layout[column][b];
            let shared = coverage.block_shared_in_story(s, b);
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
