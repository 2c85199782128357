//! The metadata of a saved HTML page: headline, dates, byline, outlet, canonical URL and
//! language, each with where on the page it was found.
//!
//! Pages state their metadata several times over (JSON-LD for search engines, Open Graph for
//! social cards, plain `<meta>` tags, the visible markup) and every source is missing or wrong
//! on some sites, so each field is taken from the most deliberate source first and falls back
//! in a fixed order. One lol_html pass ([`scan`]) gathers the raw facts and the choosing
//! happens after it, so the order of the tags on the page does not matter.

mod json_ld;
mod scan;
#[cfg(test)]
mod tests;
mod values;

use corpus::Date;
use serde_json::Value;

use super::find::first_date;
use json_ld::{JsonLd, is_article_type};
use scan::{Raw, scan};
use values::{clean, language_tag, local_date_of, parse_date};

/// A value with its provenance, so the importer can tell the user where each field came from
/// and the user can judge how far to trust it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found<T> {
    /// The value, cleaned (entities decoded, white space collapsed).
    pub(crate) value: T,
    /// Where on the page it was read, e.g. "og:title" or "JSON-LD article datePublished".
    pub(crate) from: &'static str,
}

/// What a page says about itself. Any field may be missing: the importer leaves those for the
/// user rather than guessing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PageMeta {
    /// The headline as the page shows it, without the site name that titles often carry.
    pub(crate) title: Option<Found<String>>,
    /// The publication date, as the outlet wrote it (the time and zone are dropped).
    pub(crate) published: Option<Found<Date>>,
    /// The last modification date; kept apart because it is never the publication date.
    pub(crate) modified: Option<Found<Date>>,
    /// The authors as one byline, "A, B and C".
    pub(crate) byline: Option<Found<String>>,
    /// The outlet's name.
    pub(crate) outlet: Option<Found<String>>,
    /// The absolute http(s) URL the page calls its own; relative ones are dropped, since
    /// the page's own address is not known here to resolve them against.
    pub(crate) canonical: Option<Found<String>>,
    /// A BCP 47-shaped language tag, "en" or "pt-BR".
    pub(crate) lang: Option<Found<String>>,
    /// The summary the page offers to search engines and social cards.
    pub(crate) description: Option<Found<String>>,
    /// True when the page declares itself an article (og:type or a JSON-LD article type):
    /// a cheap hint that a saved page is not an index or a search result.
    pub(crate) is_article: bool,
}

// The meta tags read for each field, in order of trust (see `Raw::meta` for the label format).

/// Titles written for social cards, after the JSON-LD headline.
const TITLE_METAS: [&str; 2] = ["og:title", "twitter:title"];
/// Publication dates, after the JSON-LD `datePublished`: each is what some CMS writes.
const PUBLISHED_METAS: [&str; 13] = [
    "article:published_time",
    "meta itemprop=datePublished",
    "meta name=date",
    "meta name=pubdate",
    "meta name=publishdate",
    "meta name=publish-date",
    "meta name=dc.date",
    "meta name=dc.date.issued",
    "meta name=dcterms.date",
    "meta name=sailthru.date",
    "meta name=parsely-pub-date",
    "og:published_time",
    "article:published",
];
/// Modification dates, after the JSON-LD `dateModified`.
const MODIFIED_METAS: [&str; 3] = ["article:modified_time", "meta itemprop=dateModified", "og:updated_time"];
/// Authors, when the JSON-LD names none.
const AUTHOR_METAS: [&str; 4] =
    ["meta name=author", "article:author", "meta name=parsely-author", "meta name=sailthru.author"];
/// The outlet's name, after the JSON-LD publisher's.
const OUTLET_METAS: [&str; 2] = ["og:site_name", "meta name=application-name"];
/// Languages, after `<html lang>` and before the JSON-LD `inLanguage`.
const LANG_METAS: [&str; 2] = ["og:locale", "meta http-equiv=content-language"];
/// Summaries: the social card's is written for readers, the plain one often for robots.
const DESCRIPTION_METAS: [&str; 3] = ["og:description", "meta name=description", "twitter:description"];
/// What separates a headline from the site name in titles, widest first so " | " wins over
/// the ": " that headlines use themselves.
const SEPARATORS: [&str; 10] = [" | ", " - ", " — ", " – ", " :: ", " · ", " • ", " » ", " « ", ": "];
/// How far around the headline (in bytes of visible text) a shown date is looked for: the
/// byline block below it, or a dateline above it.
const SHOWN_AFTER: usize = 800;
/// See [`SHOWN_AFTER`].
const SHOWN_BEFORE: usize = 300;

/// Reads what the page `html` says about itself.
pub(crate) fn read(html: &str) -> PageMeta {
    let raw = scan(html);
    let ld = JsonLd::new(&raw.json_ld);
    let article = ld.first(is_article_type);
    let page = ld.first(|t| t.ends_with("WebPage"));
    let found = |value: String, from| (!value.is_empty()).then_some(Found { value, from });
    let first_meta = |labels: &[&'static str]| raw.meta(labels).and_then(|(v, from)| found(v.to_string(), from));

    // Some sites fill the site name with their address or their Twitter handle.
    let publisher = article.and_then(|a| ld.names(a.get("publisher")).into_iter().next());
    let outlets = publisher.as_deref().map(|p| (p, "JSON-LD publisher name")).into_iter();
    let outlet = outlets
        .chain(OUTLET_METAS.iter().filter_map(|&l| raw.meta(&[l])))
        .find(|(name, _)| !name.is_empty() && !name.contains("://") && !name.starts_with('@'))
        .and_then(|(name, from)| found(name.to_string(), from));
    let canonical = [(raw.canonical.as_deref(), "link rel=canonical"), (raw.meta(&["og:url"]).map(|m| m.0), "og:url")]
        .into_iter()
        .filter_map(|(url, from)| Some((url?, from)))
        .find(|(url, _)| url.starts_with("https://") || url.starts_with("http://"))
        .and_then(|(url, from)| found(url.to_string(), from));
    let ld_lang = [article, page].into_iter().flatten().find_map(|n| n.get("inLanguage")?.as_str());
    let lang = raw.lang.as_deref().map(|l| (l, "html lang")).into_iter();
    let lang = lang.chain(LANG_METAS.iter().filter_map(|&l| raw.meta(&[l])));
    let lang =
        lang.chain(ld_lang.map(|l| (l, "JSON-LD inLanguage"))).find_map(|(l, from)| found(language_tag(l)?, from));
    let og_article = raw.meta(&["og:type"]).is_some_and(|(t, _)| t.eq_ignore_ascii_case("article"));

    let mut meta = PageMeta {
        modified: stamps(&raw, article, "dateModified", &MODIFIED_METAS).next().map(|(found, _)| found),
        byline: byline(&raw, &ld, article),
        outlet,
        canonical,
        lang,
        description: first_meta(&DESCRIPTION_METAS),
        is_article: article.is_some() || og_article,
        ..PageMeta::default()
    };
    meta.title = title(&raw, article, page, &meta);

    // The date shown next to the headline: the reader's date, and the last resort.
    let h1 = meta.title.as_ref().and_then(|t| raw.h1s.iter().position(|h| *h == t.value)).map(|i| raw.h1_at[i]);
    let shown = h1.and_then(|at| {
        let after = first_date(&raw.text_between(at, at + SHOWN_AFTER));
        after.or_else(|| first_date(&raw.text_between(at.saturating_sub(SHOWN_BEFORE), at)))
    });
    let mut times = raw.times.iter().filter(|(at, _)| h1.is_none_or(|h1| *at + SHOWN_BEFORE >= h1));
    let time = times.next().or(raw.times.first()).map(|(_, t)| (t.as_str(), "time datetime"));
    let stamps: Vec<_> = stamps(&raw, article, "datePublished", &PUBLISHED_METAS).chain(time.and_then(dated)).collect();
    // Sites that stamp in UTC show the reader their local date; one UTC stamp among the
    // sources is enough, since some give the UTC clock time with the local zone.
    let utc =
        |date: Date, shown: Date| stamps.iter().any(|(f, stamp)| f.value == date && local_date_of(stamp, date, shown));
    meta.published = match (stamps.first(), shown) {
        (Some((found, _)), Some(shown)) if utc(found.value, shown) => {
            Some(Found { value: shown, from: "date shown near the h1 (the metadata's is UTC)" })
        }
        (Some((found, _)), _) => Some(found.clone()),
        (None, shown) => shown.map(|value| Found { value, from: "date shown near the h1" }),
    };
    meta
}

/// The dates of the article's JSON-LD `key` and of the meta tags `labels`, in that order,
/// each with the stamp as written.
fn stamps<'a>(
    raw: &'a Raw,
    article: Option<&'a Value>,
    key: &'static str,
    labels: &'static [&'static str],
) -> impl Iterator<Item = (Found<Date>, &'a str)> {
    let from = if key == "datePublished" { "JSON-LD article datePublished" } else { "JSON-LD article dateModified" };
    let ld = article.and_then(|a| a.get(key)?.as_str()).map(|v| (v, from));
    ld.into_iter().chain(labels.iter().filter_map(|&l| raw.meta(&[l]))).filter_map(dated)
}

/// A stamp and its provenance, read as a date.
fn dated<'a>((stamp, from): (&'a str, &'static str)) -> Option<(Found<Date>, &'a str)> {
    Some((Found { value: parse_date(stamp)?, from }, stamp))
}

/// The authors as one byline, "A, B and C": the article's JSON-LD authors, or else the first
/// author meta tag that is a name rather than a profile URL.
fn byline(raw: &Raw, ld: &JsonLd, article: Option<&Value>) -> Option<Found<String>> {
    let mut authors = article.map(|a| ld.names(a.get("author"))).unwrap_or_default();
    let mut from = "JSON-LD author";
    if authors.is_empty() {
        let (value, label) = AUTHOR_METAS.iter().filter_map(|&l| raw.meta(&[l])).find(|(v, _)| !v.contains("://"))?;
        authors = value.split(" and ").flat_map(|a| a.split(',')).map(str::to_string).collect();
        from = label;
    }
    let mut unique: Vec<String> = Vec::new();
    for author in authors.iter().map(|a| clean(a.strip_prefix("By ").unwrap_or(a))) {
        if !author.is_empty() && !unique.iter().any(|u| u.eq_ignore_ascii_case(&author)) {
            unique.push(author);
        }
    }
    let value = match unique.split_last()? {
        (last, []) => last.clone(),
        (last, rest) => format!("{} and {last}", rest.join(", ")),
    };
    Some(Found { value, from })
}

/// The headline. The visible `<h1>` is the headline as readers see it, but pages also use
/// `<h1>` for the logo, section names and teasers, so an `<h1>` is taken only when it agrees
/// with a metadata title; otherwise the first metadata title, without its site name.
fn title(raw: &Raw, article: Option<&Value>, page: Option<&Value>, meta: &PageMeta) -> Option<Found<String>> {
    let headline = |node: Option<&Value>| node.and_then(|n| n.get("headline")?.as_str()).map(clean);
    let h1s: Vec<&String> = raw.h1s.iter().filter(|h| !h.is_empty()).collect();
    let mut candidates =
        vec![(headline(article), "JSON-LD article headline"), (headline(page), "JSON-LD WebPage headline")];
    candidates.extend(TITLE_METAS.iter().map(|&l| (raw.meta(&[l]).map(|m| m.0.to_string()), l)));
    candidates.push((h1s.first().filter(|_| h1s.len() == 1).map(|h| h.to_string()), "h1"));
    candidates.push((raw.title.clone(), "<title>"));
    let candidates: Vec<(String, &'static str)> =
        candidates.into_iter().filter_map(|(t, from)| t.filter(|t| !t.is_empty()).map(|t| (t, from))).collect();

    let mut sites: Vec<String> = OUTLET_METAS.iter().filter_map(|&l| raw.meta(&[l]).map(|m| m.0.to_string())).collect();
    sites.extend(meta.outlet.iter().map(|o| o.value.clone()));
    let host = meta.canonical.as_ref().and_then(|c| c.value.split('/').nth(2)).unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(host);
    sites.push(host.to_string());
    sites.extend(host.rsplit('.').skip(1).filter(|l| l.len() >= 3).map(str::to_string));
    // Some pages name the application after the article: a site name is never a title.
    let squashed: Vec<String> = candidates.iter().map(|c| squash(&c.0)).collect();
    let sites: Vec<String> =
        sites.iter().map(|s| squash(s)).filter(|s| !s.is_empty() && !squashed.contains(s)).collect();
    // A part is the site's name when it is one of the names, give or take a "the" or a
    // "www." and a domain ending: "The Guardian", "www.wday.ru", "CBSSports.com".
    let is_site = |part: &str| {
        let part = squash(part);
        let near = |long: &str, short: &str| long.contains(short) && short.len() >= 3 && long.len() <= short.len() + 8;
        sites.iter().any(|s| near(&part, s) || near(s, &part))
    };
    let stripped: Vec<(String, &'static str)> = candidates
        .iter()
        .map(|(text, from)| {
            let others: Vec<&String> = squashed.iter().filter(|o| **o != squash(text)).collect();
            (strip_site(text, |keep, drop| is_site(drop) || others.contains(&&squash(keep))), *from)
        })
        .collect();
    // An <h1> that is only a site name, or the part a title drops as the site name, is a logo.
    let is_logo = |h1: &str| {
        let h1 = squash(h1);
        let dropped = candidates.iter().zip(&stripped).map(|(c, s)| squash(&c.0).replacen(&squash(&s.0), "", 1));
        is_site(&h1) || dropped.filter(|d| !d.is_empty()).any(|d| d.contains(&h1) && h1.len() * 2 >= d.len())
    };
    let agreed = h1s
        .iter()
        .filter(|h| !is_logo(h))
        .map(|h| (agreement(h, stripped.iter().filter(|s| s.1 != "h1").map(|s| s.0.as_str())), *h))
        .filter(|(score, _)| *score >= 0.25)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((_, h1)) = agreed {
        return Some(Found { value: h1.clone(), from: "h1" });
    }
    // An <h1> that disagrees with <title> is more likely a logo when it is the shorter one.
    let title_len = stripped.last().filter(|t| t.1 == "<title>").map_or(0, |t| t.0.chars().count());
    let mut rest =
        stripped.iter().filter(|(text, from)| *from != "h1" || (!is_logo(text) && text.chars().count() >= title_len));
    rest.next().map(|(value, from)| Found { value: value.clone(), from })
}

/// Drops site names from the ends of a title ("Headline | Site", "Site: Headline"), as long
/// as `is_site(kept part, dropped part)` says the dropped part is a site name.
fn strip_site(title: &str, is_site: impl Fn(&str, &str) -> bool) -> String {
    let mut text = title;
    'strip: loop {
        for sep in SEPARATORS {
            let splits = [text.rsplit_once(sep), text.split_once(sep).map(|(h, t)| (t, h))];
            for (keep, drop) in splits.into_iter().flatten() {
                if !keep.trim().is_empty() && is_site(keep.trim(), drop.trim()) {
                    text = keep.trim();
                    continue 'strip;
                }
            }
        }
        return text.to_string();
    }
}

/// How far an `<h1>` agrees with the metadata titles: the largest share of its words found
/// in one of them, or 1 when one contains the other nearly whole (scripts without spaces).
fn agreement<'a>(h1: &str, titles: impl Iterator<Item = &'a str>) -> f64 {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase).collect()
    };
    let (h1_words, h1_squashed) = (words(h1), squash(h1));
    let score = |title: &str| {
        let (long, short) = (squash(title), h1_squashed.as_str());
        let (long, short) = if long.len() >= short.len() { (long.as_str(), short) } else { (short, long.as_str()) };
        if !short.is_empty() && long.contains(short) && short.len() * 2 >= long.len() {
            return 1.0;
        }
        let title_words = words(title);
        let shared = h1_words.iter().filter(|w| title_words.contains(w)).count();
        if shared < 2 { 0.0 } else { shared as f64 / h1_words.len().max(1) as f64 }
    };
    titles.map(score).fold(0.0, f64::max)
}

/// Lower-cased letters and digits only, for comparing site names across spellings
/// ("CBSSports.com", "cbssports.com", "CBS Sports").
fn squash(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}
