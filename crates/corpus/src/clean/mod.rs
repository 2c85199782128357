//! The cleaner: raw article text in, typed blocks and a record of what was dropped out.
//!
//! Raw text from the web carries furniture around the article. The cleaner works in passes,
//! each a rule over the *shape* of text rather than a list of known lines:
//!
//! 1. Lines: white space normalised; a line is dropped when its whole shape is boilerplate
//!    (a bare URL, digits only, the headline again, a date, "4 min read", a copyright, contact
//!    or editor's line, page furniture, a photo credit), or when it repeats the line before.
//!    A line that another line repeats with a photo credit added is a caption too.
//! 2. Blocks: lines separated by blank lines form blocks; inside a block a line that starts
//!    in lower case after a line that does not end a sentence continues it (hard-wrapped
//!    text), a line like "- John Kerry" attributes the line before it, and every other line
//!    stands alone.
//! 3. Glue: "Islamic State.Putin" marks a lost paragraph break, so the block is split there.
//! 4. Wire tags: "(Bloomberg) --" and "– (Reuters)" are cut from the ends of paragraphs.
//! 5. Kinds: a short line without sentence punctuation is a heading when a section follows
//!    it and some paragraph precedes it, otherwise it is dropped as cut off from its section;
//!    an attributed line, or a paragraph repeating a passage of another, is a pull quote.
//!
//! Nothing else is ever dropped, so every sentence of the article survives.

mod lines;
mod text;
mod wire;

pub use text::fold;

use crate::{Block, BlockKind, DropReason, Dropped, sentences};

/// The result of cleaning one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    /// The article text in reading order.
    pub blocks: Vec<Block>,
    /// What was removed, in the order it stood in the raw text.
    pub dropped: Vec<Dropped>,
}

/// A unit of text on its way to becoming a block.
struct Unit {
    text: String,
    attribution: Option<String>,
    /// How many raw lines it was joined from.
    lines: usize,
    /// The raw line it starts on, to keep the record of dropped text in reading order.
    first_line: usize,
}

/// Dropped text with the raw line it stood on.
type DroppedAt = (usize, Dropped);

/// Cleans raw article text; `title` is the article's headline, recognised when the text
/// prints it again.
pub fn clean(raw: &str, title: &str) -> Cleaned {
    let mut dropped: Vec<DroppedAt> = Vec::new();
    let groups = drop_boilerplate_lines(raw, title, &mut dropped);
    let mut units = Vec::new();
    for group in groups {
        for unit in join_lines(group) {
            split_glued(unit, &mut units);
        }
    }
    for unit in &mut units {
        strip_wire_tags(unit, &mut dropped);
    }
    units.retain(|u| !u.text.is_empty());
    let blocks = classify_units(units, &mut dropped);
    dropped.sort_by_key(|(line, _)| *line);
    Cleaned { blocks, dropped: dropped.into_iter().map(|(_, d)| d).collect() }
}

fn drop_line(dropped: &mut Vec<DroppedAt>, line: usize, text: &str, reason: DropReason) {
    dropped.push((line, Dropped { text: text.to_string(), reason }));
}

/// Pass 1: normalised lines, grouped by blank lines, boilerplate removed.
fn drop_boilerplate_lines(raw: &str, title: &str, dropped: &mut Vec<DroppedAt>) -> Vec<Vec<(usize, String)>> {
    let mut groups: Vec<Vec<(usize, String)>> = vec![Vec::new()];
    let mut previous: Option<String> = None;
    for (number, raw_line) in raw.lines().enumerate() {
        let line = text::normalize_line(raw_line);
        if line.is_empty() {
            if !groups.last().is_some_and(Vec::is_empty) {
                groups.push(Vec::new());
            }
            continue;
        }
        if let Some(reason) = lines::classify(&line, title) {
            // A caption printed twice: the plain copy stands just before the credited one.
            if reason == DropReason::Caption {
                let plain = lines::caption_credit_at(&line).map(|at| line[..at].trim_end());
                let group = groups.last_mut().expect("groups is never empty");
                if plain.is_some_and(|p| !p.is_empty() && group.last().is_some_and(|(_, l)| l == p)) {
                    let (at, copy) = group.pop().expect("checked above");
                    drop_line(dropped, at, &copy, DropReason::Caption);
                }
            }
            drop_line(dropped, number, &line, reason);
        } else if previous.as_deref() == Some(line.as_str()) {
            drop_line(dropped, number, &line, DropReason::Repeated);
        } else {
            groups.last_mut().expect("groups is never empty").push((number, line.clone()));
        }
        previous = Some(line);
    }
    groups.retain(|g| !g.is_empty());
    groups
}

/// "- John Kerry": a dash and a short name under a quotation.
fn attribution(line: &str) -> Option<&str> {
    let name = ["- ", "– ", "— ", "―", "--"].iter().find_map(|d| line.strip_prefix(d))?.trim();
    let short = (1..=6).contains(&text::word_count(name));
    let capitalised = name.chars().next().is_some_and(char::is_uppercase);
    (short && capitalised && !text::ends_like_sentence(name)).then_some(name)
}

/// Pass 2: the lines of a block become units (see the module documentation).
fn join_lines(group: Vec<(usize, String)>) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for (number, line) in group {
        if let (Some(name), Some(last)) = (attribution(&line), units.last_mut())
            && last.attribution.is_none()
        {
            last.attribution = Some(name.to_string());
            continue;
        }
        let continues = line.chars().next().is_some_and(char::is_lowercase);
        match units.last_mut() {
            Some(last) if continues && last.attribution.is_none() && !text::ends_like_sentence(&last.text) => {
                last.text.push(' ');
                last.text.push_str(&line);
                last.lines += 1;
            }
            _ => units.push(Unit { text: line, attribution: None, lines: 1, first_line: number }),
        }
    }
    units
}

/// Pass 3: a unit with glued sentences becomes one unit per lost paragraph.
fn split_glued(unit: Unit, out: &mut Vec<Unit>) {
    let points = sentences::glue_points(&unit.text);
    if points.is_empty() {
        out.push(unit);
        return;
    }
    let mut start = 0;
    for point in points.into_iter().chain([unit.text.len()]) {
        let text = unit.text[start..point].trim().to_string();
        out.push(Unit { text, attribution: None, lines: 1, first_line: unit.first_line });
        start = point;
    }
    if let Some(last) = out.last_mut() {
        last.attribution = unit.attribution;
    }
}

/// Pass 4: wire tags at either end of a unit.
fn strip_wire_tags(unit: &mut Unit, dropped: &mut Vec<DroppedAt>) {
    if let Some((tag, body)) = wire::strip_leading(&unit.text) {
        drop_line(dropped, unit.first_line, tag, DropReason::WireTag);
        unit.text = body.to_string();
    }
    if let Some((body, tag)) = wire::strip_trailing(&unit.text) {
        drop_line(dropped, unit.first_line, tag, DropReason::WireTag);
        unit.text = body.to_string();
    }
}

fn looks_like_heading(unit: &Unit) -> bool {
    unit.lines == 1
        && unit.attribution.is_none()
        && (1..=10).contains(&text::word_count(&unit.text))
        && !text::ends_like_sentence(&unit.text)
        && unit.text.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !unit.text.contains(['“', '”', '"'])
}

/// Pass 5: headings, pull quotes and paragraphs.
fn classify_units(units: Vec<Unit>, dropped: &mut Vec<DroppedAt>) -> Vec<Block> {
    let heading: Vec<bool> = units.iter().map(looks_like_heading).collect();
    let folded: Vec<String> = units.iter().map(|u| fold(&u.text)).collect();
    let mut seen_paragraph = false;
    let mut blocks = Vec::new();
    for (i, unit) in units.into_iter().enumerate() {
        if heading[i] {
            let section_follows = heading.get(i + 1).is_some_and(|next| !next);
            if seen_paragraph && section_follows {
                blocks.push(block(BlockKind::Heading, unit));
            } else {
                drop_line(dropped, unit.first_line, &unit.text, DropReason::OrphanHeading);
            }
            continue;
        }
        seen_paragraph = true;
        let repeats_body = text::word_count(&unit.text) >= 6
            && folded
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && other.len() > folded[i].len() && contains_words(other, &folded[i]));
        let kind = if unit.attribution.is_some() || repeats_body { BlockKind::Pullquote } else { BlockKind::Paragraph };
        blocks.push(block(kind, unit));
    }
    blocks
}

/// True when `needle`'s words stand in `haystack` as whole words (both folded).
fn contains_words(haystack: &str, needle: &str) -> bool {
    let padded = format!(" {haystack} ");
    padded.contains(&format!(" {needle} "))
}

fn block(kind: BlockKind, unit: Unit) -> Block {
    let sentences = match kind {
        BlockKind::Heading => std::iter::once(0..unit.text.len()).collect(),
        _ => sentences::split(&unit.text),
    };
    Block { kind, sentences, text: unit.text, attribution: unit.attribution }
}

#[cfg(test)]
mod tests;
