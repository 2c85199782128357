//! index.html: the briefing's overview, its stories by event, the timeline and the entities.

use serde::Serialize;

use crate::pages::base::PageMeta;
use crate::pages::page::Page;
use crate::pages::views::story_groups;
use crate::site::model::SiteModel;

#[derive(Serialize)]
struct Stats {
    sources: usize,
    paragraphs: usize,
    entities: usize,
    mentions: usize,
}

impl SiteModel<'_> {
    /// index.html: the overview, the sources by event, the entities.
    pub fn index(&self) -> Page<'_> {
        let overview = self.render_markdown(&self.corpus.briefing.markdown, "", None, true);
        let title = overview.title.as_deref().unwrap_or(&self.corpus.site.title);
        let description = self.corpus.site.description.clone();
        let mut context =
            self.base_context("", PageMeta { title, kind: "index", path: "index.html", description: &description });
        context.insert("overview_html", overview.html);
        context.insert("stories", story_groups(self.corpus, self.annotations, ""));
        let (timeline_svg, timeline_shown) =
            crate::site::timeline::timeline_svg(self.corpus, &self.annotations.stories, "");
        context.insert("timeline_svg", timeline_svg);
        context.insert("timeline_shown", timeline_shown);
        context.insert("entity_groups", self.entity_groups("", true));
        context.insert(
            "stats",
            Stats {
                sources: self.corpus.sources.len(),
                paragraphs: self.corpus.sources.iter().map(|s| s.blocks.len()).sum(),
                entities: self.corpus.entities.len(),
                mentions: self.annotations.mentions.len(),
            },
        );
        Page { path: "index.html".into(), template: "index.html", context }
    }
}
