//! `stories/<id>.html`: the versions of one story compared. Versions carrying the same text
//! are one entry; the origin's text and the texts that differ most from it stand side by
//! side, so the page stays the same size however many outlets carry the story.

use serde::Serialize;

use crate::pages::page::Page;
use crate::pages::source::BlockView;
use crate::pages::story_rows::{row_class, story_rows};
use crate::pages::story_texts::{StoryTexts, TextView};
use crate::pages::svg::{SvgColumn, story_svg};
use crate::pages::views::SourceSummary;
use crate::render::labels::date_range_label;
use crate::site::model::SiteModel;

#[derive(Serialize)]
struct CellView<'a> {
    blocks: Vec<BlockView<'a>>,
}

#[derive(Serialize)]
struct RowView<'a> {
    /// `p<n>` for the row of the origin's paragraph n (the place other pages link to).
    id: Option<String>,
    cells: Vec<CellView<'a>>,
    /// `shared` (versions share text here), `differs` (versions have different text
    /// here) or `own` (one version only).
    class: &'static str,
}

/// A column of the side-by-side comparison: the version standing for a text.
#[derive(Serialize)]
struct ColumnView<'a> {
    source: SourceSummary<'a>,
    /// How many versions carry the text.
    outlets: usize,
}

#[derive(Serialize)]
struct StoryView<'a> {
    id: &'a str,
    title: &'a str,
    label: String,
    /// How many versions the story has, and how many distinct texts they carry.
    version_count: usize,
    text_count: usize,
    /// The texts described in full (the compared ones and the most widely carried).
    versions: Vec<TextView<'a>>,
    /// The other texts, with counts only.
    other_texts: Vec<TextView<'a>>,
    /// The texts side by side.
    columns: Vec<ColumnView<'a>>,
    rows: Vec<RowView<'a>>,
    /// Texts shown beside the origin's.
    beside_origin: usize,
    /// Texts not shown side by side.
    hidden_texts: usize,
    svg_html: String,
}

impl<'a> SiteModel<'a> {
    /// stories/<id>.html for the story at `index` (stories of more than one source only).
    pub fn story(&self, index: usize) -> Page<'_> {
        let root = "../";
        let story = &self.annotations.stories[index];
        let story_texts = StoryTexts::new(self, story);
        let texts = &story_texts.texts;
        let compared = story_texts.compared();
        let columns: Vec<usize> = compared.iter().map(|&t| texts[t][0]).collect();
        let href = self.entity_href(root);
        let mention_slices: Vec<&[annotate::Mention]> = columns.iter().map(|&s| self.mentions_of(s)).collect();
        let rows = story_rows(self.corpus, &self.coverage, &columns)
            .into_iter()
            .map(|row| {
                let class = row_class(&self.coverage, &columns, &row);
                let cells = row
                    .cells
                    .into_iter()
                    .enumerate()
                    .map(|(v, blocks)| CellView {
                        blocks: blocks
                            .into_iter()
                            .map(|b| {
                                let mut view = self.block_view(columns[v], b, root, &href, mention_slices[v]);
                                view.link_to_source(&self.corpus.sources[columns[v]].slug, root);
                                view
                            })
                            .collect(),
                    })
                    .collect();
                RowView { id: row.origin_block.map(|b| format!("p{}", b + 1)), cells, class }
            })
            .collect();
        let detailed = story_texts.detailed(&compared);
        let (mut versions, mut other_texts) = (Vec::new(), Vec::new());
        for (t, &full) in detailed.iter().enumerate() {
            let view = story_texts.view(t, root, full);
            if full { versions.push(view) } else { other_texts.push(view) }
        }
        let svg_columns: Vec<SvgColumn> =
            compared.iter().map(|&t| SvgColumn { source: texts[t][0], outlets: texts[t].len() }).collect();
        let dates = story.sources.iter().map(|&s| self.corpus.sources[s].meta.published);
        let (start, end) = (dates.clone().min().expect("not empty"), dates.max().expect("not empty"));
        let origin = &self.corpus.sources[story.origin];
        let view = StoryView {
            id: &story.id,
            title: &origin.meta.title,
            label: date_range_label(start, end),
            version_count: story.sources.len(),
            text_count: texts.len(),
            versions,
            other_texts,
            columns: compared
                .iter()
                .map(|&t| ColumnView {
                    source: SourceSummary::new(&self.corpus.sources[texts[t][0]], root),
                    outlets: texts[t].len(),
                })
                .collect(),
            rows,
            beside_origin: compared.len() - 1,
            hidden_texts: texts.len() - compared.len(),
            svg_html: story_svg(self.corpus, &self.coverage, &svg_columns),
        };
        let path = format!("stories/{}.html", story.id);
        let description =
            format!("{} versions of “{}”, compared passage by passage.", story.sources.len(), origin.meta.title);
        let meta = crate::pages::base::PageMeta {
            title: &origin.meta.title,
            kind: "story",
            path: &path,
            description: &description,
        };
        let mut context = self.base_context(root, meta);
        context.insert("story", view);
        Page { path, template: "story.html", context }
    }
}
