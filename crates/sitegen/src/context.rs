//! What templates see: serialisable views of sources and entities (see themes/default/README.md).

use serde::Serialize;

use corpus::{Corpus, Date, Source};

/// `site` in every template.
#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    pub base_url: Option<&'a str>,
}

impl<'a> SiteView<'a> {
    pub fn new(corpus: &'a Corpus) -> Self {
        let site = &corpus.site;
        SiteView {
            title: &site.title,
            description: &site.description,
            language: &site.language,
            base_url: site.base_url.as_deref(),
        }
    }
}

/// A source as lists and headers show it.
#[derive(Serialize)]
pub struct SourceSummary<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub outlet: &'a str,
    pub outlet_inferred: bool,
    pub published: String,
    pub published_label: String,
    pub wire: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub url: Option<&'a str>,
    pub language: &'a str,
    pub href: String,
    pub paragraphs: usize,
}

impl<'a> SourceSummary<'a> {
    /// The summary of `source` as linked from a page `root` away from the site root.
    pub fn new(source: &'a Source, root: &str) -> Self {
        let meta = &source.meta;
        SourceSummary {
            slug: &source.slug,
            title: &meta.title,
            outlet: &meta.outlet,
            outlet_inferred: meta.outlet_inferred,
            published: meta.published.to_string(),
            published_label: meta.published.label(),
            wire: meta.wire.as_deref(),
            byline: meta.byline.as_deref(),
            url: meta.url.as_deref(),
            language: &meta.language,
            href: format!("{root}sources/{}.html", source.slug),
            paragraphs: source.blocks.len(),
        }
    }
}

/// An entity as lists show it.
#[derive(Serialize, Clone)]
pub struct EntitySummary<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub mentions: usize,
    pub sources: usize,
    pub href: String,
}

/// Entities of one kind, for lists grouped by kind.
#[derive(Serialize)]
pub struct EntityGroup<'a> {
    pub kind: &'static str,
    pub label: &'static str,
    pub entities: Vec<EntitySummary<'a>>,
}

/// Sources close in time, shown together on the briefing page.
#[derive(Serialize)]
pub struct EventView<'a> {
    pub label: String,
    pub start: String,
    pub end: String,
    pub sources: Vec<SourceSummary<'a>>,
}

/// Sources further apart than this many days belong to different events.
const EVENT_GAP_DAYS: i64 = 3;

/// Groups the sources into events: runs of dates with no gap longer than a few days,
/// oldest first; sources in an event by date, then title.
pub fn events<'a>(corpus: &'a Corpus, root: &str) -> Vec<EventView<'a>> {
    let mut order: Vec<&Source> = corpus.sources.iter().collect();
    order.sort_by(|a, b| {
        (a.meta.published, &a.meta.title, &a.slug).cmp(&(b.meta.published, &b.meta.title, &b.slug))
    });
    let mut runs: Vec<Vec<&Source>> = Vec::new();
    for source in order {
        let day = source.meta.published.days_since_epoch();
        match runs.last_mut() {
            Some(run)
                if day
                    - run
                        .last()
                        .expect("runs are never empty")
                        .meta
                        .published
                        .days_since_epoch()
                    <= EVENT_GAP_DAYS =>
            {
                run.push(source)
            }
            _ => runs.push(vec![source]),
        }
    }
    runs.into_iter()
        .map(|run| {
            let start = run[0].meta.published;
            let end = run[run.len() - 1].meta.published;
            EventView {
                label: date_range_label(start, end),
                start: start.to_string(),
                end: end.to_string(),
                sources: run
                    .into_iter()
                    .map(|s| SourceSummary::new(s, root))
                    .collect(),
            }
        })
        .collect()
}

/// "1 September 2016", "14–15 July 2016", "30 June – 2 July 2016", "30 December 2015 – 2 January 2016".
pub fn date_range_label(start: Date, end: Date) -> String {
    if start == end {
        start.label()
    } else if (start.year, start.month) == (end.year, end.month) {
        format!(
            "{}–{} {} {}",
            start.day,
            end.day,
            end.month_name(),
            end.year
        )
    } else if start.year == end.year {
        format!("{} {} – {}", start.day, start.month_name(), end.label())
    } else {
        format!("{} – {}", start.label(), end.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn labels_date_ranges() {
        assert_eq!(
            date_range_label(date("2016-07-14"), date("2016-07-15")),
            "14–15 July 2016"
        );
        assert_eq!(
            date_range_label(date("2016-06-30"), date("2016-07-02")),
            "30 June – 2 July 2016"
        );
        assert_eq!(
            date_range_label(date("2015-12-30"), date("2016-01-02")),
            "30 December 2015 – 2 January 2016"
        );
        assert_eq!(
            date_range_label(date("2016-09-01"), date("2016-09-01")),
            "1 September 2016"
        );
    }
}
