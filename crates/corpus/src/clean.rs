//! The cleaner: raw article text in, typed blocks and a record of what was dropped out.
//!
//! Raw text from the web carries furniture around the article. The cleaner works in passes,
//! each a rule over the *shape* of text rather than a list of known lines:
//!
//! 1. Lines: white space normalised; a line is dropped when its whole shape is boilerplate
//!    (a bare URL, digits only, the headline again, a date or a relative time, "4 min read",
//!    a copyright, contact or editor's line, page furniture, share buttons, a label over
//!    other stories, comment counts, a byline, a photo credit or a picture's description), or
//!    when it repeats the last line kept. The rules know many languages (`furniture.rs`,
//!    `dates.rs`, `captions.rs`).
//!    A line that another line repeats with a photo credit added is a caption too.
//!
//!    1b. Page: a text with a menu in it is a whole web page's text; its lines are weighed
//!    by length, stop words, punctuation and neighbours, and only the stretch where the
//!    article stands is kept (`page.rs`).
//! 2. Blocks: lines separated by blank lines form blocks; inside a block a line that starts
//!    in lower case after a line that does not end a sentence continues it (hard-wrapped
//!    text), a line like "- John Kerry" attributes the line before it, and every other line
//!    stands alone.
//! 3. Glue: "Islamic State.Putin" marks a lost paragraph break, so the block is split there.
//! 4. Wire tags: "(Bloomberg) --" and "– (Reuters)" are cut from the ends of paragraphs.
//!    The line rules of pass 1 then apply to the paragraphs that joining, splitting and
//!    cutting reshaped, and a paragraph that repeats the one before it is dropped.
//! 5. Kinds: a short line without sentence punctuation is a heading when a section follows
//!    it and some paragraph precedes it, otherwise it is dropped as cut off from its section;
//!    an attributed line, or a paragraph repeating a passage of another, is a pull quote.
//!
//! Nothing else is ever dropped, so every sentence of the article survives.

mod captions;
mod dates;
mod dropped;
mod furniture;
mod lines;
mod page;
mod pull_quotes;
mod stopwords;
mod text;
mod wire;

pub use stopwords::{is_stop_word, is_stop_word_in, language_of};

/// Whether `text` is shaped like a photo caption: closing on a photo credit, or describing a
/// picture ("Putin, right, shakes hands with Kerry in Moscow, Russia, Tuesday, Dec. 15,
/// 2015"). Such text is no passage to link as reused, even where the cleaner kept it.
pub fn is_caption(text: &str) -> bool {
    captions::caption_credit_at(text).is_some() || captions::is_picture_description(text)
}
pub use text::{WordHash, fold};

use dropped::{DroppedAt, drop_line};
use pull_quotes::repeats_a_passage;

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
    /// The line under it that attributes it ("- John Kerry"), as it stood, so that it can be
    /// recorded as dropped with the unit.
    attribution: Option<String>,
    /// The raw line it starts on, to keep the record of dropped text in reading order.
    first_line: usize,
    /// Whether its text is other than the one raw line pass 1 classified: joined, split or
    /// trimmed of a wire tag since. Only such units are classified again (pass 4b).
    reshaped: bool,
}

/// The cleaner a load runs on each article's text and title: [`clean`], or a caller's
/// wrapper around it (one that times it, say). It is called on every core at once.
pub type Cleaner<'a> = &'a (dyn Fn(&str, &str) -> Cleaned + Sync);

/// Cleans raw article text; `title` is the article's headline, recognised when the text
/// prints it again. This is the cleaning every source's body gets at every build: the line
/// rules and the article's structure, not the page pass of [`clean_page`], which would weigh
/// an article's own lists and tables away as menus.
pub fn clean(raw: &str, title: &str) -> Cleaned {
    clean_with(raw, title, false)
}

/// Cleans a whole web page's text, as selecting all of a page and copying it gives: when the
/// text is shaped like a page (it has a menu), the article is first found among the page's
/// menus, other stories' headlines and comments (the page pass, `page.rs`), then cleaned as
/// [`clean`] cleans. `sitegen import` cleans pasted text with it; what it keeps cleans to
/// itself again with [`clean`].
pub fn clean_page(raw: &str, title: &str) -> Cleaned {
    clean_with(raw, title, true)
}

fn clean_with(raw: &str, title: &str, page: bool) -> Cleaned {
    let mut dropped: Vec<DroppedAt> = Vec::new();
    let folded_title = text::fold(title);
    let mut groups = drop_boilerplate_lines(raw, &folded_title, &mut dropped);
    if page {
        page::drop_page_text(&mut groups, &mut dropped);
    }
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
    drop_reshaped_boilerplate(&mut units, &folded_title, &mut dropped);
    drop_repeated_units(&mut units, &mut dropped);
    let blocks = classify_units(units, &mut dropped);
    dropped.sort_by_key(|(line, _)| *line);
    Cleaned { blocks, dropped: dropped.into_iter().map(|(_, d)| d).collect() }
}

/// Pass 1: normalised lines, grouped by blank lines, boilerplate removed.
fn drop_boilerplate_lines(raw: &str, folded_title: &str, dropped: &mut Vec<DroppedAt>) -> Vec<Vec<(usize, String)>> {
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
        if let Some(reason) = lines::classify_folded(&line, folded_title) {
            // A caption printed twice: the plain copy stands just before the credited one.
            if reason == DropReason::Caption {
                let plain = captions::caption_credit_at(&line).map(|at| line[..at].trim_end());
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
            // The line before is the last line kept: a copy with boilerplate between
            // ("A", "Advertisement", "A") stands next to the first once that is gone.
            previous = Some(line.clone());
            groups.last_mut().expect("groups is never empty").push((number, line));
        }
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
        if let (Some(_), Some(last)) = (attribution(&line), units.last_mut())
            && last.attribution.is_none()
        {
            last.attribution = Some(line);
            continue;
        }
        let continues = line.chars().next().is_some_and(char::is_lowercase);
        match units.last_mut() {
            Some(last) if continues && last.attribution.is_none() && !text::ends_like_sentence(&last.text) => {
                last.text.push(' ');
                last.text.push_str(&line);
                last.reshaped = true;
            }
            _ => units.push(Unit { text: line, attribution: None, first_line: number, reshaped: false }),
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
        out.push(Unit { text, attribution: None, first_line: unit.first_line, reshaped: true });
        start = point;
    }
    if let Some(last) = out.last_mut() {
        last.attribution = unit.attribution;
    }
}

/// Pass 4: wire tags at either end of a unit, every one of them: a story can carry two
/// agencies' tags ("(Bloomberg) -- MOSCOW (AFP) - ..."), and cutting only the outer one
/// would leave the inner one for a second cleaning to find.
fn strip_wire_tags(unit: &mut Unit, dropped: &mut Vec<DroppedAt>) {
    while let Some((tag, body)) = wire::strip_leading(&unit.text) {
        drop_line(dropped, unit.first_line, tag, DropReason::WireTag);
        unit.text = body.to_string();
        unit.reshaped = true;
    }
    // Found from the end inwards, recorded in reading order.
    let mut trailing = Vec::new();
    while let Some((body, tag)) = wire::strip_trailing(&unit.text) {
        trailing.push(tag.to_string());
        unit.text = body.to_string();
        unit.reshaped = true;
    }
    for tag in trailing.iter().rev() {
        drop_line(dropped, unit.first_line, tag, DropReason::WireTag);
    }
}

/// Pass 4b: the line rules of pass 1 again, on the units that passes 2 to 4 reshaped: a
/// headline or "4 min\nread" hard-wrapped, "Advertisement" glued after a sentence, a date
/// behind a wire tag. Pass 1 saw only their pieces. A unit that is one raw line as it stood
/// was classified then, and is not again. An attribution under a dropped unit goes with it.
fn drop_reshaped_boilerplate(units: &mut Vec<Unit>, folded_title: &str, dropped: &mut Vec<DroppedAt>) {
    units.retain(|unit| match unit.reshaped.then(|| lines::classify_folded(&unit.text, folded_title)).flatten() {
        Some(reason) => {
            drop_unit(dropped, unit, reason);
            false
        }
        None => true,
    });
}

/// Pass 4c: a unit that repeats the one before it. Pass 1 compares raw lines, so it misses a
/// paragraph printed twice when it is hard-wrapped, glued to itself, or carries a wire tag in
/// one copy only, and an attribution printed again once boilerplate between the copies is
/// gone; here the copies are whole units. The copy goes; its attribution stays with the first
/// copy when that has none, as in pass 1 for "A", "A", "- John Kerry".
///
/// Without passes 4b and 4c, cleaning the cleaned text again would find these and drop them
/// then (`crates/corpus/tests/clean_props.rs`).
fn drop_repeated_units(units: &mut Vec<Unit>, dropped: &mut Vec<DroppedAt>) {
    let mut kept: Vec<Unit> = Vec::with_capacity(units.len());
    for mut unit in units.drain(..) {
        match kept.last_mut() {
            Some(last) if repeats(last, &unit) => {
                if last.attribution.is_none() {
                    last.attribution = unit.attribution.take();
                }
                drop_unit(dropped, &unit, DropReason::Repeated);
            }
            _ => kept.push(unit),
        }
    }
    *units = kept;
}

/// True when `unit` repeats the line `last` ends with as printed: its attribution, compared
/// by name whatever the dash, or else its text.
fn repeats(last: &Unit, unit: &Unit) -> bool {
    match last.attribution.as_deref().and_then(attribution) {
        Some(name) => unit.attribution.is_none() && attribution(&unit.text) == Some(name),
        None => last.text == unit.text,
    }
}

/// Records a whole unit as dropped: its text and the attribution line under it.
fn drop_unit(dropped: &mut Vec<DroppedAt>, unit: &Unit, reason: DropReason) {
    drop_line(dropped, unit.first_line, &unit.text, reason);
    if let Some(line) = &unit.attribution {
        drop_line(dropped, unit.first_line, line, reason);
    }
}

fn looks_like_heading(unit: &Unit) -> bool {
    // The words are counted last, and no further than 10: most units are paragraphs, which
    // end like sentences.
    unit.attribution.is_none()
        && !text::ends_like_sentence(&unit.text)
        && text::starts_like_a_title(&unit.text)
        && !unit.text.contains(['“', '”', '"'])
        && !text::words_at_most(&unit.text, 0)
        && text::words_at_most(&unit.text, 10)
}

/// Pass 5: headings, pull quotes and paragraphs.
fn classify_units(units: Vec<Unit>, dropped: &mut Vec<DroppedAt>) -> Vec<Block> {
    let mut heading: Vec<bool> = units.iter().map(looks_like_heading).collect();
    // Short lines standing one after another inside the article (a paragraph before them and
    // one after) are a list's items, such as an outlet's dates or a product's features: they
    // are paragraphs, not headings cut off from their sections. The last of them, before the
    // paragraph, may head it and is left to the heading rule. Runs before the article's first
    // paragraph (headlines, a menu's leftovers) or after its last (other stories) still go.
    // Only the units' texts and order decide, so the written-out article cleans the same.
    let next_paragraph: Vec<Option<usize>> = {
        let mut next = None;
        let mut out = vec![None; units.len()];
        for i in (0..units.len()).rev() {
            out[i] = next;
            if !heading[i] {
                next = Some(i);
            }
        }
        out
    };
    let mut seen_paragraph = false;
    for i in 0..units.len() {
        let item = heading[i] && seen_paragraph && heading.get(i + 1) == Some(&true) && next_paragraph[i].is_some();
        seen_paragraph |= !heading[i];
        heading[i] &= !item;
    }
    // A heading is kept when a section follows it and some paragraph precedes it.
    let mut seen_paragraph = false;
    let kept_heading: Vec<bool> = (0..units.len())
        .map(|i| {
            let keep = heading[i] && seen_paragraph && heading.get(i + 1).is_some_and(|next| !next);
            seen_paragraph |= !heading[i];
            keep
        })
        .collect();
    // An orphan heading is dropped, so it is no passage for a pull quote to repeat: text it
    // made a pull quote would turn back into a paragraph when cleaned again, without it.
    let texts: Vec<&str> = units
        .iter()
        .enumerate()
        .map(|(i, u)| if heading[i] && !kept_heading[i] { "" } else { u.text.as_str() })
        .collect();
    let repeats = repeats_a_passage(&texts);
    let mut blocks = Vec::new();
    for (i, unit) in units.into_iter().enumerate() {
        if kept_heading[i] {
            blocks.push(block(BlockKind::Heading, unit));
            continue;
        }
        if heading[i] {
            drop_line(dropped, unit.first_line, &unit.text, DropReason::OrphanHeading);
            continue;
        }
        let kind = if unit.attribution.is_some() || repeats[i] { BlockKind::Pullquote } else { BlockKind::Paragraph };
        blocks.push(block(kind, unit));
    }
    blocks
}

fn block(kind: BlockKind, unit: Unit) -> Block {
    let sentences = match kind {
        BlockKind::Heading => std::iter::once(0..unit.text.len()).collect(),
        _ => sentences::split(&unit.text),
    };
    let attribution = unit.attribution.as_deref().and_then(attribution).map(str::to_string);
    Block { kind, sentences, text: unit.text, attribution }
}

#[cfg(test)]
mod line_tests;
#[cfg(test)]
mod page_tests;
#[cfg(test)]
mod tests;
