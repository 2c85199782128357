//! Each outlet's page furniture: a navigation bar, a timestamp, share buttons, related
//! headlines, a newsletter promotion, a comments count, a copyright line.
//!
//! An outlet dresses every page alike ([`Style::of`] depends on the outlet alone), in the
//! words real sites use. Most of these shapes are ones the cleaner drops: labels like
//! "Share on Facebook" or "READ MORE:", dates, copyright lines, and short headline-like lines
//! with no article text after them. Some are not, as on real pages: a promotion written as a
//! sentence, "Story continues below advertisement" between paragraphs, a navigation bar too
//! long to pass for a heading.

use crate::boilerplate::{add_wire_tag, glueable};
use crate::date::Day;
use crate::mutate::{Article, title_of};
use crate::rng::{Rng, hash};
use crate::vocab::{MONTHS, domain, substitute, url_slug};

/// Sections of navigation bars.
const SECTIONS: &[&str] = &[
    "World",
    "Politics",
    "Business",
    "Sport",
    "Opinion",
    "Culture",
    "Science",
    "Tech",
    "Health",
    "Video",
    "Local",
    "Weather",
    "Travel",
    "Lifestyle",
    "Obituaries",
    "Money",
    "Education",
    "Environment",
];

/// Separators between the sections of a navigation bar.
const NAV_SEPARATORS: &[&str] = &[" | ", " · ", "  ", " / "];

/// Sets of share buttons, one line each.
const SHARE: &[&[&str]] = &[
    &["Share on Facebook", "Share on Twitter", "Share via Email"],
    &["Share this article"],
    &["Share: Facebook | Twitter | Email"],
    &["Facebook", "Twitter", "WhatsApp", "Email"],
    &["Share", "Tweet", "Email", "Print"],
    &["Share on Facebook Share on Twitter Share via Email"],
];

/// Headings of lists of related headlines.
const RELATED_HEADINGS: &[&str] =
    &["Related:", "Related stories", "More on this story", "You may also like", "Most read"];

/// Labels of a related headline printed between paragraphs ("READ MORE: ...").
const RELATED_LABELS: &[&str] = &["READ MORE", "Read more", "Related", "ALSO READ"];

/// Newsletter and other promotions.
const PROMOTIONS: &[&str] = &[
    "Sign up to our newsletter",
    "Subscribe to our daily newsletter",
    "Get the day's top headlines in your inbox every morning. Sign up now.",
    "Subscribe for unlimited access to our journalism.",
    "Download our free app for breaking news alerts",
    "NEWSLETTER: Sign up for our morning briefing",
    "Follow us on Twitter and Facebook",
];

/// What stands between paragraphs where an advertisement was.
const ADVERTS: &[&str] = &["Advertisement", "ADVERTISEMENT", "Sponsored", "Story continues below advertisement"];

/// Mixed into an outlet's number for its style: "STYLE" in ASCII.
const STYLE_SALT: u64 = 0x53_5459_4C45;

/// How a page tells when it was published.
#[derive(Debug, Clone, Copy)]
enum Stamp {
    /// "Updated 3:45 pm"
    Clock,
    /// "2 hours ago"
    Ago,
    /// "Updated: July 15, 2016 3:45 pm"
    Full,
    /// "Published 14:05 GMT, 15 July 2016"
    Published,
}

/// How a page shows its comments.
#[derive(Debug, Clone, Copy)]
enum Comments {
    /// "42 comments"
    Count,
    /// "Comments (42)"
    Bracketed,
    /// "View 42 comments"
    View,
    /// "Join the conversation"
    Join,
}

/// How a page prints its copyright.
#[derive(Debug, Clone, Copy)]
enum Copyright {
    /// "© 2016 The Dunmore Courier"
    Symbol,
    /// "Copyright 2016 The Dunmore Courier. All rights reserved."
    Reserved,
    /// "© The Dunmore Courier 2016"
    NameFirst,
}

/// Where an outlet prints related headlines.
#[derive(Debug, Clone, Copy)]
enum Related {
    /// A list of headlines under a heading, after the article.
    List(&'static str),
    /// One or two "READ MORE: headline" lines between paragraphs.
    Inline(&'static str),
}

/// An outlet's page furniture: what it prints, in which words. `None` or `false` for what
/// it does not print.
#[derive(Debug, Clone)]
pub struct Style {
    url: bool,
    nav: Option<String>,
    headline: bool,
    stamp: Option<Stamp>,
    share: Option<&'static [&'static str]>,
    /// The share buttons again after the article.
    share_after: bool,
    related: Option<Related>,
    /// The promotion, and whether it stands between paragraphs rather than after them.
    promotion: Option<(&'static str, bool)>,
    advert: Option<&'static str>,
    comments: Option<Comments>,
    copyright: Option<Copyright>,
    /// Whether the outlet prints the agency's wire tag ("MOSCOW (AFP) -").
    wire_tags: bool,
    /// Whether the outlet keeps the agency's sign-off ("Reporting by ...").
    sign_offs: bool,
    /// Whether the outlet's pages lose paragraph breaks ("State.Putin").
    glues: bool,
}

impl Style {
    /// The style of outlet `outlet`: the same for every page of the outlet, in every corpus.
    pub fn of(outlet: usize) -> Style {
        let mut rng = Rng::new(hash(&[outlet as u64, STYLE_SALT]));
        let nav = rng.chance(0.6).then(|| {
            // One outlet in eight lists every section, too many words for a heading.
            let count = if rng.chance(0.125) { rng.range(11, 14) } else { rng.range(4, 8) };
            let mut sections: Vec<&str> = rng.sample(SECTIONS.len(), count).into_iter().map(|i| SECTIONS[i]).collect();
            if rng.chance(0.5) {
                sections.insert(0, "Home");
            }
            sections.join(*rng.pick(NAV_SEPARATORS))
        });
        Style {
            url: rng.chance(0.3),
            nav,
            headline: rng.chance(0.6),
            stamp: rng.chance(0.8).then(|| *rng.pick(&[Stamp::Clock, Stamp::Ago, Stamp::Full, Stamp::Published])),
            share: rng.chance(0.7).then(|| *rng.pick(SHARE)),
            share_after: rng.chance(0.3),
            related: rng.chance(0.6).then(|| {
                if rng.chance(0.5) {
                    Related::List(RELATED_HEADINGS[rng.below(RELATED_HEADINGS.len())])
                } else {
                    Related::Inline(RELATED_LABELS[rng.below(RELATED_LABELS.len())])
                }
            }),
            promotion: rng.chance(0.5).then(|| (*rng.pick(PROMOTIONS), rng.chance(0.5))),
            advert: rng.chance(0.4).then(|| *rng.pick(ADVERTS)),
            comments: rng
                .chance(0.4)
                .then(|| *rng.pick(&[Comments::Count, Comments::Bracketed, Comments::View, Comments::Join])),
            copyright: rng
                .chance(0.7)
                .then(|| *rng.pick(&[Copyright::Symbol, Copyright::Reserved, Copyright::NameFirst])),
            wire_tags: rng.chance(0.7),
            sign_offs: rng.chance(0.75),
            glues: rng.chance(0.1),
        }
    }
}

/// What one page knows besides the article.
pub struct Page<'a> {
    /// The headline.
    pub title: &'a str,
    /// The outlet's name.
    pub outlet: &'a str,
    /// The agency whose copy it is.
    pub wire: Option<&'a str>,
    /// The sign-off of the agency's copy, if it has one; the outlet may drop it.
    pub sign_off: Option<&'a str>,
    /// The publication date.
    pub published: Day,
    /// The day of the event, for the wire tag's dateline.
    pub event: Day,
}

/// A page's text: the furniture before the article, the paragraphs with furniture between
/// them, the furniture after; blocks separated by blank lines.
#[derive(Default)]
struct Layout {
    head: Vec<String>,
    blocks: Vec<String>,
    tail: Vec<String>,
    /// Every furniture line, in no particular order.
    furniture: Vec<String>,
}

impl Layout {
    fn head(&mut self, line: String) {
        self.furniture.push(line.clone());
        self.head.push(line);
    }

    fn tail(&mut self, block: Vec<String>) {
        self.furniture.extend(block.iter().cloned());
        self.tail.push(block.join("\n"));
    }

    /// Puts `line` between two paragraphs, never before the first.
    fn between(&mut self, line: String, rng: &mut Rng) {
        let at = 1 + rng.below(self.blocks.len());
        self.furniture.push(line.clone());
        self.blocks.insert(at, line);
    }
}

/// Fewest and most words of a related headline: short, as such lists print them.
const HEADLINE_WORDS: (usize, usize) = (4, 8);

/// A headline of some other story: the opening words of a pool sentence under a random
/// substitution.
fn other_headline(pool: &[String], rng: &mut Rng) -> String {
    let sentence = &pool[rng.below(pool.len())];
    // The headline drops the last two words of what it is given (see `title_of`), and only
    // what it keeps need be substituted.
    let words = rng.range(HEADLINE_WORDS.0, HEADLINE_WORDS.1) + 2;
    let opening = match sentence.match_indices(' ').nth(words - 1) {
        Some((at, _)) => &sentence[..at],
        None => sentence,
    };
    title_of(&vec![vec![substitute(opening, rng.next_u64())]])
}

/// "3:45 pm" or "15:45".
fn clock(rng: &mut Rng, twelve: bool) -> String {
    let (hour, minute) = (rng.below(24), rng.below(60));
    if twelve {
        let suffix = if hour < 12 { "am" } else { "pm" };
        format!("{}:{minute:02} {suffix}", (hour + 11) % 12 + 1)
    } else {
        format!("{hour:02}:{minute:02}")
    }
}

fn stamp(kind: Stamp, day: Day, rng: &mut Rng) -> String {
    let month = MONTHS[usize::from(day.month) - 1];
    match kind {
        Stamp::Clock => {
            let twelve = rng.chance(0.7);
            format!("Updated {}", clock(rng, twelve))
        }
        Stamp::Ago if rng.chance(0.3) => format!("{} minutes ago", rng.range(2, 59)),
        Stamp::Ago => format!("{} hours ago", rng.range(1, 23)),
        Stamp::Full => format!("Updated: {month} {}, {} {}", day.day, day.year, clock(rng, true)),
        Stamp::Published => format!("Published {} GMT, {} {month} {}", clock(rng, false), day.day, day.year),
    }
}

fn comments(kind: Comments, rng: &mut Rng) -> String {
    let count = rng.below(400);
    match kind {
        Comments::Count => format!("{count} comments"),
        Comments::Bracketed => format!("Comments ({count})"),
        Comments::View => format!("View {count} comments"),
        Comments::Join => "Join the conversation".to_string(),
    }
}

fn copyright(kind: Copyright, outlet: &str, year: u16) -> String {
    match kind {
        Copyright::Symbol => format!("© {year} {outlet}"),
        Copyright::Reserved => format!("Copyright {year} {outlet}. All rights reserved."),
        Copyright::NameFirst => format!("© {outlet} {year}"),
    }
}

/// The raw text of one page: `article` dressed in `style`, and the furniture lines added
/// (the sign-off included; wire tags, which share a line with the text, aside). `pool` gives
/// the words of related headlines.
pub fn render(article: &Article, page: &Page, style: &Style, pool: &[String], rng: &mut Rng) -> (String, Vec<String>) {
    let mut paragraphs: Vec<String> = article.iter().map(|p| p.join(" ")).collect();
    if style.glues && rng.chance(0.5) && paragraphs.len() >= 3 {
        let i = rng.below(paragraphs.len() - 1);
        if glueable(&paragraphs[i], &paragraphs[i + 1]) {
            let next = paragraphs.remove(i + 1);
            paragraphs[i].push_str(&next);
        }
    }
    if let Some(agency) = page.wire.filter(|_| style.wire_tags) {
        add_wire_tag(&mut paragraphs, agency, page.event, rng);
    }
    let mut layout = Layout { blocks: paragraphs, ..Layout::default() };
    let day = page.published;
    if style.url {
        let number = 100_000 + rng.below(900_000);
        let (slug, site) = (url_slug(page.title), domain(page.outlet));
        layout.head(format!("https://www.{site}/news/{}/{:02}/{:02}/{slug}-{number}", day.year, day.month, day.day));
    }
    if let Some(nav) = &style.nav {
        layout.head(nav.clone());
    }
    if style.headline {
        layout.head(page.title.to_string());
    }
    if let Some(kind) = style.stamp {
        layout.head(stamp(kind, day, rng));
    }
    for line in style.share.unwrap_or(&[]) {
        layout.head((*line).to_string());
    }
    if let Some(advert) = style.advert {
        for _ in 0..rng.range(1, 2) {
            layout.between(advert.to_string(), rng);
        }
    }
    if let Some(Related::Inline(label)) = style.related {
        for _ in 0..rng.range(1, 2) {
            let headline = other_headline(pool, rng);
            layout.between(format!("{label}: {headline}"), rng);
        }
    }
    if let Some(sign_off) = page.sign_off.filter(|_| style.sign_offs) {
        layout.tail(vec![sign_off.to_string()]);
    }
    match style.promotion {
        Some((promotion, true)) => layout.between(promotion.to_string(), rng),
        Some((promotion, false)) => layout.tail(vec![promotion.to_string()]),
        None => {}
    }
    if let Some(Related::List(heading)) = style.related {
        let mut list = vec![heading.to_string()];
        list.extend((0..rng.range(3, 5)).map(|_| other_headline(pool, rng)));
        layout.tail(list);
    }
    if style.share_after {
        for line in style.share.unwrap_or(&[]) {
            layout.tail(vec![(*line).to_string()]);
        }
    }
    if let Some(kind) = style.comments {
        let line = comments(kind, rng);
        layout.tail(vec![line]);
    }
    if let Some(kind) = style.copyright {
        layout.tail(vec![copyright(kind, page.outlet, day.year)]);
    }
    // Sized up front: a corpus holds every body at once, and growing by doubling would
    // leave up to half of each unused.
    let size = [&layout.head, &layout.blocks, &layout.tail].iter().flat_map(|b| b.iter()).map(|l| l.len() + 2).sum();
    let mut text = String::with_capacity(size);
    if !layout.head.is_empty() {
        text.push_str(&layout.head.join("\n"));
        text.push_str("\n\n");
    }
    text.push_str(&layout.blocks.join("\n\n"));
    for block in &layout.tail {
        text.push_str("\n\n");
        text.push_str(block);
    }
    text.push('\n');
    (text, layout.furniture)
}
