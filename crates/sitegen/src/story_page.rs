//! `stories/<id>.html`: the versions of one story side by side.

use serde::Serialize;

use annotate::Story;

use crate::context::{SourceSummary, date_range_label, role_label};
use crate::coverage::Role;
use crate::pages::{BlockView, Page, SiteModel};
use crate::svg::story_svg;

#[derive(Serialize)]
struct SentenceView<'a> {
    text: &'a str,
    number: usize,
    href: String,
}

#[derive(Serialize)]
struct VersionView<'a> {
    source: SourceSummary<'a>,
    role: &'static str,
    role_label: &'static str,
    sentences: usize,
    /// Sentences linked to another version of the story.
    shared: usize,
    /// Sentences no other version carries.
    only_here: Vec<SentenceView<'a>>,
    /// Sentences of the origin this version does not carry (empty for the origin).
    left_out: Vec<SentenceView<'a>>,
}

#[derive(Serialize)]
struct CellView<'a> {
    blocks: Vec<BlockView<'a>>,
}

#[derive(Serialize)]
struct RowView<'a> {
    cells: Vec<CellView<'a>>,
    /// `shared` (versions share text here), `differs` (versions have different text
    /// here) or `own` (one version only).
    class: &'static str,
}

#[derive(Serialize)]
struct StoryView<'a> {
    id: &'a str,
    title: &'a str,
    label: String,
    versions: Vec<VersionView<'a>>,
    rows: Vec<RowView<'a>>,
    svg_html: String,
}

impl<'a> SiteModel<'a> {
    /// The sentences of `source` selected by `keep(block, sentence start)`.
    fn sentences_where(&self, source: usize, root: &str, keep: impl Fn(usize, usize) -> bool) -> Vec<SentenceView<'a>> {
        let s = &self.corpus.sources[source];
        let mut out = Vec::new();
        for (b, block) in s.blocks.iter().enumerate() {
            for range in &block.sentences {
                if keep(b, range.start) {
                    out.push(SentenceView {
                        text: &block.text[range.clone()],
                        number: b + 1,
                        href: format!("{root}sources/{}.html#p{}", s.slug, b + 1),
                    });
                }
            }
        }
        out
    }

    fn version_view(&self, story: &Story, source: usize, root: &str) -> VersionView<'a> {
        let role = self.coverage.role(self.annotations, source);
        let linked = |other: usize, b: usize, start: usize| -> bool {
            self.coverage.linked_sources(other, b, start).is_some_and(|set| set.contains(&source))
        };
        let in_story = |b: usize, start: usize| -> bool {
            self.coverage
                .linked_sources(source, b, start)
                .is_some_and(|set| set.iter().any(|s| story.sources.contains(s)))
        };
        let only_here = self.sentences_where(source, root, |b, start| !in_story(b, start));
        let left_out = if role == Role::Origin {
            Vec::new()
        } else {
            self.sentences_where(story.origin, root, |b, start| !linked(story.origin, b, start))
        };
        let sentences = self.coverage.sentence_counts[source];
        VersionView {
            source: SourceSummary::new(&self.corpus.sources[source], root),
            role: role.as_str(),
            role_label: role_label(role),
            sentences,
            shared: sentences - only_here.len(),
            only_here,
            left_out,
        }
    }

    /// stories/<id>.html for the story at `index` (stories of more than one source only).
    pub fn story(&self, index: usize) -> Page<'_> {
        let root = "../";
        let story = &self.annotations.stories[index];
        let href = self.entity_href(root);
        let mention_slices: Vec<&[annotate::Mention]> = story.sources.iter().map(|&s| self.mentions_of(s)).collect();
        let rows = self
            .coverage
            .story_rows(self.corpus, story)
            .into_iter()
            .map(|cells| {
                let placed: Vec<(usize, usize)> =
                    cells.iter().enumerate().flat_map(|(v, blocks)| blocks.iter().map(move |&b| (v, b))).collect();
                let shared = placed.iter().any(|&(v, b)| {
                    placed.iter().any(|&(w, c)| {
                        w != v && self.coverage.blocks_linked((story.sources[v], b), (story.sources[w], c))
                    })
                });
                let versions_here = cells.iter().filter(|c| !c.is_empty()).count();
                let class = if shared {
                    "shared"
                } else if versions_here > 1 {
                    "differs"
                } else {
                    "own"
                };
                let cells = cells
                    .into_iter()
                    .enumerate()
                    .map(|(v, blocks)| CellView {
                        blocks: blocks
                            .into_iter()
                            .map(|b| {
                                let mut view = self.block_view(story.sources[v], b, root, &href, mention_slices[v]);
                                view.link_to_source(&self.corpus.sources[story.sources[v]].slug, root);
                                view
                            })
                            .collect(),
                    })
                    .collect();
                RowView { cells, class }
            })
            .collect();
        let dates = story.sources.iter().map(|&s| self.corpus.sources[s].meta.published);
        let (start, end) = (dates.clone().min().expect("not empty"), dates.max().expect("not empty"));
        let origin = &self.corpus.sources[story.origin];
        let view = StoryView {
            id: &story.id,
            title: &origin.meta.title,
            label: date_range_label(start, end),
            versions: story.sources.iter().map(|&s| self.version_view(story, s, root)).collect(),
            rows,
            svg_html: story_svg(self.corpus, &self.coverage, &story.sources),
        };
        let path = format!("stories/{}.html", story.id);
        let description =
            format!("{} versions of “{}”, compared passage by passage.", story.sources.len(), origin.meta.title);
        let meta =
            crate::pages::PageMeta { title: &origin.meta.title, kind: "story", path: &path, description: &description };
        let mut context = self.base_context(root, meta);
        context.insert("story", view);
        Page { path, template: "story.html", context }
    }
}
