//! Raw text around the article: the lines real pages carry and the cleaner removes.
//!
//! Every line added here has a shape the cleaner drops (a bare URL, the headline again,
//! "4 min read", a date line, "Advertisement", a photo caption printed twice with its credit,
//! a copyright line, a wire tag), so cleaning a generated body gives back the article.

use crate::date::Day;
use crate::mutate::Article;
use crate::rng::{Rng, hash};
use crate::vocab::{CAPTION_ACTIONS, DATELINES, MONTHS, PHOTO_CREDITS, capitalise, domain, pseudo_word, url_slug};

/// What the page around one source's text knows.
pub struct Frame<'a> {
    /// The source's headline.
    pub title: &'a str,
    /// The outlet that publishes it.
    pub outlet: &'a str,
    /// The agency whose copy it carries.
    pub wire: Option<&'a str>,
    /// The publication date.
    pub published: Day,
    /// The day of the event (the origin's date), for captions and datelines.
    pub event: Day,
    /// The story's salt, for names in captions.
    pub story_salt: u64,
    /// True for the origin, which carries less furniture and is never glued.
    pub origin: bool,
}

/// True when `a` and `b` can be glued as scraped pages glue them ("State.Putin"): `a` ends
/// with a lower-case letter or digit and a full stop, `b` starts with a capital or an opening
/// curly quote.
pub fn glueable(a: &str, b: &str) -> bool {
    let core = a.trim_end_matches(['”', '’', '"', '\'']);
    let mut tail = core.chars().rev();
    let ends = tail.next() == Some('.') && tail.next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    let starts = b.chars().next().is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '‘'));
    ends && starts
}

/// The wire tag for `agency`, at the start of the first paragraph or (Reuters, sometimes)
/// at the end of the last.
pub fn add_wire_tag(paragraphs: &mut [String], agency: &str, event: Day, rng: &mut Rng) {
    let place = rng.pick(DATELINES);
    let first = &paragraphs[0];
    let opens_text = first.chars().next().is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '‘'));
    let tag = match agency {
        "Bloomberg" => "(Bloomberg) -- ".to_string(),
        "Reuters" if rng.chance(0.5) => {
            let last = paragraphs.last_mut().expect("paragraphs is never empty");
            last.push_str("– (Reuters)");
            return;
        }
        "Reuters" => format!("{place}, {} {} (Reuters) - ", MONTHS[usize::from(event.month) - 1], event.day),
        "AP" => format!("{place} (AP) — "),
        other => format!("{place} ({other}) - "),
    };
    if opens_text {
        paragraphs[0] = format!("{tag}{first}");
    }
}

/// A photo caption printed twice, the second time with its credit:
/// "Xe Ya speaks to reporters in Geneva on July 14, 2016." then the same with "PHOTO: AFP".
fn caption(frame: &Frame, rng: &mut Rng) -> String {
    let name = |n: u64| capitalise(&pseudo_word(hash(&[frame.story_salt, n]), 2));
    let place = capitalise(&rng.pick(DATELINES).to_lowercase());
    let text = format!(
        "{} {} {} in {} on {} {}, {}.",
        name(rng.below(4) as u64),
        name(10 + rng.below(4) as u64),
        rng.pick(CAPTION_ACTIONS),
        place,
        MONTHS[usize::from(frame.event.month) - 1],
        frame.event.day,
        frame.event.year
    );
    format!("{text}\n{text}PHOTO: {}", rng.pick(PHOTO_CREDITS))
}

/// The raw text of one source: `article` with the page furniture of `frame` around it, and
/// the furniture lines added (wire tags, which share a line with the text, aside). Blocks
/// are separated by blank lines.
pub fn render(article: &Article, frame: &Frame, rng: &mut Rng) -> (String, Vec<String>) {
    let mut paragraphs: Vec<String> = article.iter().map(|p| p.join(" ")).collect();
    // Lost paragraph breaks.
    if !frame.origin && rng.chance(0.3) {
        for _ in 0..rng.range(1, 2) {
            if paragraphs.len() < 3 {
                break;
            }
            let i = rng.below(paragraphs.len() - 1);
            if glueable(&paragraphs[i], &paragraphs[i + 1]) {
                let next = paragraphs.remove(i + 1);
                paragraphs[i].push_str(&next);
            }
        }
    }
    if let Some(agency) = frame.wire
        && rng.chance(0.7)
    {
        add_wire_tag(&mut paragraphs, agency, frame.event, rng);
    }
    let furniture = if frame.origin { 0.5 } else { 1.0 };
    let mut head = Vec::new();
    if rng.chance(0.5 * furniture) {
        let d = frame.published;
        head.push(format!(
            "https://www.{}/world/{}/{:02}/{:02}/{}-{}",
            domain(frame.outlet),
            d.year,
            d.month,
            d.day,
            url_slug(frame.title),
            100_000 + rng.below(900_000)
        ));
    }
    if rng.chance(0.5) {
        head.push(frame.title.to_string());
    }
    if rng.chance(0.3 * furniture) {
        let words: usize = paragraphs.iter().map(|p| p.split(' ').count()).sum();
        head.push(format!("{} min read", words / 200 + 1));
    }
    if rng.chance(0.3 * furniture) {
        let d = frame.published;
        head.push(format!("{} {}, {}", d.day, MONTHS[usize::from(d.month) - 1], d.year));
    }
    let mut added: Vec<String> = head.clone();
    let mut blocks: Vec<String> = paragraphs;
    if rng.chance(0.4 * furniture) {
        let at = rng.below(blocks.len().min(2) + 1);
        let caption = caption(frame, rng);
        added.extend(caption.lines().map(str::to_string));
        blocks.insert(at, caption);
    }
    if rng.chance(0.4 * furniture) {
        for _ in 0..rng.range(1, 2) {
            let at = 1 + rng.below(blocks.len());
            blocks.insert(at.min(blocks.len()), "Advertisement".to_string());
            added.push("Advertisement".to_string());
        }
    }
    if rng.chance(0.4 * furniture) {
        let copyright = format!("©{} {}", frame.published.year, frame.outlet);
        added.push(copyright.clone());
        blocks.push(copyright);
    }
    let mut text = String::new();
    if !head.is_empty() {
        text.push_str(&head.join("\n"));
        text.push_str("\n\n");
    }
    text.push_str(&blocks.join("\n\n"));
    text.push('\n');
    (text, added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glue_needs_a_lower_case_end_and_a_capital_start() {
        assert!(glueable("the Islamic State.", "Putin said"));
        assert!(glueable("he said.”", "“We"));
        assert!(!glueable("the U.S.", "Putin said"));
        assert!(!glueable("the state.", "and then"));
    }
}
