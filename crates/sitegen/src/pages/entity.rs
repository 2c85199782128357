//! `entities/<id>.html`: who or what an entity is, the entities named with it, when it appears,
//! and the first page of its mentions in their sentences (`mention_pages.rs`).

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::pages::page::Page;
use crate::pages::svg::timeline_svg;
use crate::pages::views::EntitySummary;
use crate::site::model::SiteModel;

/// At most this many co-mentioned entities are listed.
const RELATED_LIMIT: usize = 10;
/// Above this many distinct dates, the timeline counts by month.
const MAX_DAYS_ON_TIMELINE: usize = 36;

#[derive(Serialize)]
struct EntityView<'a> {
    #[serde(flatten)]
    summary: EntitySummary<'a>,
    aliases: Vec<&'a str>,
    description_html: Option<String>,
    wikidata: Option<&'a str>,
    wikidata_url: Option<String>,
}

/// An entity named in the same paragraphs, and in how many.
#[derive(Serialize)]
struct RelatedView<'a> {
    #[serde(flatten)]
    entity: EntitySummary<'a>,
    paragraphs: usize,
}

/// Mentions in one period (a day, or a month when the dates are many).
#[derive(Serialize)]
struct PeriodView {
    label: String,
    start: String,
    mentions: usize,
    sources: usize,
}

impl<'a> SiteModel<'a> {
    /// entities/<id>.html for the entity at `index`.
    pub fn entity(&self, index: usize) -> Page<'_> {
        let root = "../";
        let entity = &self.corpus.entities[index];
        let description_html =
            entity.description.as_deref().map(|d| self.render_markdown(d, root, Some(index), false).html);
        let view = EntityView {
            summary: self.entity_summary(index, root),
            aliases: entity.aliases.iter().chain(&entity.aliases_any_case).map(String::as_str).collect(),
            description_html,
            wikidata: entity.wikidata.as_deref(),
            wikidata_url: entity.wikidata.as_ref().map(|q| format!("https://www.wikidata.org/wiki/{q}")),
        };
        let (mentions_by_source, mention_pages) = self.mention_page(index, 1, root);
        let timeline = self.timeline(index);
        let counts: Vec<(String, usize)> = timeline.iter().map(|p| (p.label.clone(), p.mentions)).collect();
        let path = format!("entities/{}.html", entity.id);
        let mentions = self.by_entity[index].len();
        let description = format!(
            "{} ({}): {mentions} mention{} in {}. {}",
            entity.name,
            entity.kind.label(),
            if mentions == 1 { "" } else { "s" },
            self.corpus.site.title,
            crate::render::labels::first_words(entity.description.as_deref().unwrap_or(""), 30)
        );
        let meta = crate::pages::base::PageMeta {
            title: &entity.name,
            kind: "entity",
            path: &path,
            description: description.trim(),
        };
        let mut context = self.base_context(root, meta);
        context.insert("related", self.related(index, root));
        context.insert("quotes", self.quotes_of(index, root));
        context.insert("timeline_svg", timeline_svg(&counts));
        context.insert("timeline", timeline);
        context.insert("entity", view);
        context.insert("mentions_by_source", mentions_by_source);
        context.insert("mention_pages", mention_pages);
        Page { path, template: "entity.html", context }
    }

    /// The entities most often named in the same paragraphs as `entity`.
    fn related(&self, entity: usize, root: &str) -> Vec<RelatedView<'a>> {
        let paragraphs: BTreeSet<(usize, usize)> = self.by_entity[entity]
            .iter()
            .map(|&m| (self.annotations.mentions[m].source, self.annotations.mentions[m].block))
            .collect();
        let mut together: BTreeMap<usize, usize> = BTreeMap::new();
        for (source, block) in paragraphs {
            let others: BTreeSet<usize> = crate::site::model::in_block(self.mentions_of(source), block)
                .iter()
                .filter(|m| m.entity != entity)
                .map(|m| m.entity)
                .collect();
            for other in others {
                *together.entry(other).or_default() += 1;
            }
        }
        let mut related: Vec<(usize, usize)> = together.into_iter().collect();
        related.sort_by(|a, b| b.1.cmp(&a.1).then(self.corpus.entities[a.0].name.cmp(&self.corpus.entities[b.0].name)));
        related
            .into_iter()
            .take(RELATED_LIMIT)
            .map(|(e, paragraphs)| RelatedView { entity: self.entity_summary(e, root), paragraphs })
            .collect()
    }

    /// Mentions of `entity` by source date, or by month when the dates are many.
    fn timeline(&self, entity: usize) -> Vec<PeriodView> {
        let mut by_date: BTreeMap<corpus::Date, (usize, BTreeSet<usize>)> = BTreeMap::new();
        for &m in &self.by_entity[entity] {
            let source = self.annotations.mentions[m].source;
            let entry = by_date.entry(self.corpus.sources[source].meta.published).or_default();
            entry.0 += 1;
            entry.1.insert(source);
        }
        let by_month = by_date.len() > MAX_DAYS_ON_TIMELINE;
        let mut periods: BTreeMap<(u16, u8, u8), PeriodView> = BTreeMap::new();
        for (date, (mentions, sources)) in by_date {
            let key = if by_month { (date.year, date.month, 1) } else { (date.year, date.month, date.day) };
            let period = periods.entry(key).or_insert_with(|| PeriodView {
                label: if by_month { format!("{} {}", date.month_name(), date.year) } else { date.label() },
                start: if by_month { format!("{:04}-{:02}-01", date.year, date.month) } else { date.to_string() },
                mentions: 0,
                sources: 0,
            });
            period.mentions += mentions;
            period.sources += sources.len();
        }
        periods.into_values().collect()
    }
}
