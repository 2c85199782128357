//! The timeline on the briefing page: every story on a time axis, drawn at build time as
//! inline SVG, each mark a link to its story page (or its only source). No script is needed
//! to see or use it.

use std::fmt::Write;

use annotate::Story;
use corpus::{Corpus, Date};

use crate::render::html::escape_into;

const WIDTH: i64 = 560;
const MARGIN: i64 = 24;
const AXIS_Y: i64 = 78;
/// Stories beyond this many are left out of the picture (the most covered are kept).
const MAX_MARKS: usize = 300;

fn month_start(date: Date) -> i64 {
    Date { day: 1, ..date }.days_since_epoch()
}

/// "14 Jul 2016".
fn short_date(date: Date) -> String {
    format!("{} {} {}", date.day, &date.month_name()[..3], date.year)
}

/// The timeline SVG for `stories`, linked from a page `root` away, and how many stories it
/// shows.
pub fn timeline_svg(corpus: &Corpus, stories: &[Story], root: &str) -> (String, usize) {
    if stories.is_empty() {
        return (String::new(), 0);
    }
    let date = |s: &Story| corpus.sources[s.origin].meta.published;
    let (first, last) =
        (stories.iter().map(date).min().expect("not empty"), stories.iter().map(date).max().expect("not empty"));
    let (start, end) = (month_start(first) - 15, last.days_since_epoch() + 15);
    let span = (end - start).max(1);
    let x_of = |day: i64| MARGIN + (day - start) * (WIDTH - 2 * MARGIN) / span;
    // The most covered stories first when there are too many to draw.
    let mut shown: Vec<&Story> = stories.iter().collect();
    if shown.len() > MAX_MARKS {
        shown.sort_by(|a, b| b.sources.len().cmp(&a.sources.len()).then(date(a).cmp(&date(b))));
        shown.truncate(MAX_MARKS);
        shown.sort_by_key(|s| (date(s), s.id.clone()));
    }
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="timeline-map" viewBox="0 0 {WIDTH} 116" width="{WIDTH}" height="116" aria-label="Stories on a time axis"><title>Stories on a time axis</title>"#
    );
    let _ = write!(
        svg,
        r#"<line class="timeline-axis" x1="{MARGIN}" y1="{AXIS_Y}" x2="{}" y2="{AXIS_Y}"/>"#,
        WIDTH - MARGIN
    );
    // Month ticks, labelled with the month (and the year in January or at the start).
    let mut month = Date { day: 1, ..first };
    let mut ticks = 0;
    let months = (last.year as i64 - first.year as i64) * 12 + last.month as i64 - first.month as i64 + 1;
    let every = (months / 12 + 1) as usize;
    while month.days_since_epoch() <= end {
        let x = x_of(month.days_since_epoch());
        let _ = write!(svg, r#"<line class="timeline-tick" x1="{x}" y1="{AXIS_Y}" x2="{x}" y2="{}"/>"#, AXIS_Y + 5);
        if ticks % every == 0 {
            let _ = write!(
                svg,
                r#"<text class="timeline-month" x="{x}" y="{}">{}</text>"#,
                AXIS_Y + 18,
                &month.month_name()[..3]
            );
            if month.month == 1 || ticks == 0 {
                let _ =
                    write!(svg, r#"<text class="timeline-month" x="{x}" y="{}">{}</text>"#, AXIS_Y + 32, month.year);
            }
        }
        ticks += 1;
        month = if month.month == 12 {
            Date { year: month.year + 1, month: 1, day: 1 }
        } else {
            Date { month: month.month + 1, ..month }
        };
    }
    // Marks: one per story, stacked upward where they would overlap.
    let mut stacks: Vec<(i64, i64)> = Vec::new();
    let mut last_label: Option<i64> = None;
    for story in &shown {
        let origin = &corpus.sources[story.origin];
        let x = x_of(date(story).days_since_epoch());
        let r = 4 + 2 * story.sources.len().min(4) as i64;
        let level = stacks.iter().filter(|(sx, _)| (sx - x).abs() < 10).count() as i64;
        stacks.push((x, level));
        let y = AXIS_Y - 14 - level * 18;
        let href = if story.sources.len() > 1 {
            format!("{root}stories/{}.html", story.id)
        } else {
            format!("{root}sources/{}.html", origin.slug)
        };
        let _ = write!(svg, r#"<a href="{href}"><circle class="timeline-mark" cx="{x}" cy="{y}" r="{r}"><title>"#);
        let mut label = format!("{} — ", origin.meta.published.label());
        escape_into(&origin.meta.title, &mut label);
        svg.push_str(&label);
        if story.sources.len() > 1 {
            let _ = write!(svg, " ({} versions)", story.sources.len());
        }
        svg.push_str("</title></circle>");
        if shown.len() <= 8 {
            // Labels close to the previous one go a line higher; none runs off the edge.
            let raise = if last_label.is_some_and(|previous| x - previous < 120) { 16 } else { 0 };
            last_label = Some(x);
            let (anchor, lx) = match x {
                x if x < 70 => ("start", x - r),
                x if x > WIDTH - 70 => ("end", x + r),
                x => ("middle", x),
            };
            let _ = write!(
                svg,
                r#"<text class="timeline-label" text-anchor="{anchor}" x="{lx}" y="{}">"#,
                y - r - 6 - raise
            );
            escape_into(&short_date(origin.meta.published), &mut svg);
            svg.push_str("</text>");
        }
        svg.push_str("</a>");
    }
    svg.push_str("</svg>");
    (svg, shown.len())
}
