//! What every page shares: the base template context (the site, the way back to the root,
//! the page's title, kind and path), entity summaries and Markdown with entity links.

use corpus::EntityKind;

use crate::pages::page::PageContext;
use crate::pages::views::{EntityGroup, EntitySummary, SiteView};
use crate::render::{linker, markdown};
use crate::site::model::SiteModel;

/// What base.html needs to know about a page beyond the site.
pub(crate) struct PageMeta<'p> {
    /// The page's own title.
    pub title: &'p str,
    /// `index`, `source`, `entity`, `entities`, `entity-mentions`, `story`, `quotes` or `speaker`.
    pub kind: &'p str,
    /// Its path inside the site.
    pub path: &'p str,
    /// One or two sentences for search engines and link previews.
    pub description: &'p str,
}

impl<'a> SiteModel<'a> {
    /// The context every template gets: the site, the way back to the root, the page's
    /// title, kind, path (for canonical links and feeds) and description.
    pub(crate) fn base_context(&self, root: &str, page: PageMeta<'_>) -> PageContext<'a> {
        let PageMeta { title: page_title, kind: page_kind, path, description } = page;
        let mut context = if self.fingerprinted { PageContext::new() } else { PageContext::unfingerprinted() };
        context.insert("page_path", path.to_string());
        context.insert("page_description", description.to_string());
        context.insert("site", SiteView::new(self.corpus));
        context.insert("root", root.to_string());
        context.insert("page_title", page_title.to_string());
        context.insert("page_kind", page_kind.to_string());
        context.insert("generator", crate::site::GENERATOR);
        context
    }

    pub(crate) fn entity_summary(&self, entity: usize, root: &str) -> EntitySummary<'a> {
        let e = &self.corpus.entities[entity];
        EntitySummary {
            id: &e.id,
            name: &e.name,
            kind: e.kind.as_str(),
            kind_label: e.kind.label(),
            mentions: self.by_entity[entity].len(),
            sources: self.mention_groups[entity].len(),
            href: format!("{root}entities/{}.html", e.id),
            aliases: e.aliases.iter().chain(&e.aliases_any_case).map(String::as_str).collect(),
        }
    }

    /// Entities grouped by kind; within a kind, most mentioned first or by name.
    pub(crate) fn entity_groups(&self, root: &str, by_mentions: bool) -> Vec<EntityGroup<'a>> {
        EntityKind::ALL
            .iter()
            .filter_map(|&kind| {
                let mut entities: Vec<EntitySummary<'a>> = (0..self.corpus.entities.len())
                    .filter(|&e| self.corpus.entities[e].kind == kind)
                    .map(|e| self.entity_summary(e, root))
                    .collect();
                if by_mentions {
                    entities.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(b.name)));
                } else {
                    entities.sort_by(|a, b| a.name.cmp(b.name));
                }
                (!entities.is_empty()).then_some(EntityGroup {
                    kind: kind.as_str(),
                    label: kind.plural_label(),
                    entities,
                })
            })
            .collect()
    }

    pub(crate) fn render_markdown(
        &self,
        markdown: &str,
        root: &str,
        skip: Option<usize>,
        take_title: bool,
    ) -> markdown::Rendered {
        let mut rendered = markdown::render(markdown, self.corpus.site.unsafe_html, take_title);
        let href = self.entity_href(root);
        rendered.html = linker::link_entities(&rendered.html, self.matcher, self.corpus.entities.len(), skip, &href);
        rendered
    }
}
