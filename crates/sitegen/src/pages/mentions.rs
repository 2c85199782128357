//! An entity's mentions, in their sentences, grouped by source and cut into pages of
//! [`SOURCES_PER_PAGE`] sources: the first page is the entity's own (`entities/<id>.html`),
//! the others are `entities/<id>/<n>.html`. A page stays readable (and cheap to build and to
//! index) however many sources name the entity: in a large archive the most named reach
//! tens of thousands of mentions.

use serde::Serialize;

use annotate::Mention;
use corpus::Source;

use crate::pages::base::PageMeta;
use crate::pages::page::Page;
use crate::pages::views::SourceSummary;
use crate::site::model::SiteModel;

/// Sources whose mentions one page lists.
pub const SOURCES_PER_PAGE: usize = 50;

/// One mention in its sentence.
#[derive(Serialize)]
struct MentionView<'a> {
    paragraph: String,
    number: usize,
    href: String,
    before: &'a str,
    text: &'a str,
    after: &'a str,
}

/// The mentions of one source.
#[derive(Serialize)]
pub(crate) struct SourceMentions<'a> {
    source: SourceSummary<'a>,
    count: usize,
    mentions: Vec<MentionView<'a>>,
}

/// Where a page of mentions stands among the others.
#[derive(Serialize)]
pub(crate) struct MentionPages {
    /// This page's number, from 1.
    number: usize,
    /// How many pages there are.
    count: usize,
    /// The sources listed here, as positions among all (from 1), and how many there are.
    first: usize,
    last: usize,
    sources: usize,
    previous: Option<String>,
    next: Option<String>,
    /// Links to the first and last pages and those near this one; `number: null` stands for
    /// pages left out.
    links: Vec<PageLink>,
}

/// A link in a pager: to one page, or a gap standing for pages left out.
#[derive(Serialize)]
pub(crate) struct PageLink {
    number: Option<usize>,
    href: Option<String>,
    current: bool,
}

/// Links to the first and last of `count` pages and to those within 2 of page `number`, with
/// a gap (`number: None`) for each run of pages left out; `href` gives a page's address.
pub(crate) fn page_links(number: usize, count: usize, href: &dyn Fn(usize) -> String) -> Vec<PageLink> {
    let mut links: Vec<PageLink> = Vec::new();
    for n in 1..=count {
        let near = n == 1 || n == count || n.abs_diff(number) <= 2;
        if near {
            links.push(PageLink { number: Some(n), href: Some(href(n)), current: n == number });
        } else if links.last().is_some_and(|l| l.number.is_some()) {
            links.push(PageLink { number: None, href: None, current: false });
        }
    }
    links
}

impl<'a> SiteModel<'a> {
    /// How many pages of mentions `entity` has (at least one, which may list none).
    pub fn mention_page_count(&self, entity: usize) -> usize {
        self.mention_groups[entity].len().div_ceil(SOURCES_PER_PAGE).max(1)
    }

    /// The mentions on page `number` (from 1) of `entity`, and the page's place among the
    /// others, for a page at `root`.
    pub(crate) fn mention_page(
        &self,
        entity: usize,
        number: usize,
        root: &str,
    ) -> (Vec<SourceMentions<'a>>, MentionPages) {
        let groups = &self.mention_groups[entity];
        let start = ((number - 1) * SOURCES_PER_PAGE).min(groups.len());
        let end = (start + SOURCES_PER_PAGE).min(groups.len());
        let mention_indexes = &self.by_entity[entity];
        let shown = groups[start..end]
            .iter()
            .map(|run| {
                let mentions: Vec<&Mention> =
                    mention_indexes[run.clone()].iter().map(|&m| &self.annotations.mentions[m]).collect();
                let source = &self.corpus.sources[mentions[0].source];
                SourceMentions {
                    source: SourceSummary::new(source, root),
                    count: mentions.len(),
                    mentions: mentions.iter().map(|m| mention_view(source, m, root)).collect(),
                }
            })
            .collect();
        let count = self.mention_page_count(entity);
        let id = &self.corpus.entities[entity].id;
        let href = |n: usize| {
            if n == 1 { format!("{root}entities/{id}.html") } else { format!("{root}entities/{id}/{n}.html") }
        };
        let links = page_links(number, count, &href);
        let pages = MentionPages {
            number,
            count,
            first: start + 1,
            last: end,
            sources: groups.len(),
            previous: (number > 1).then(|| href(number - 1)),
            next: (number < count).then(|| href(number + 1)),
            links,
        };
        (shown, pages)
    }

    /// entities/<id>/<number>.html: page `number` (2 and up) of the entity's mentions.
    pub fn entity_mentions(&self, entity: usize, number: usize) -> Page<'_> {
        let root = "../../";
        let e = &self.corpus.entities[entity];
        let path = format!("entities/{}/{number}.html", e.id);
        let title = format!("{}: mentions, page {number}", e.name);
        let (shown, pages) = self.mention_page(entity, number, root);
        let description = format!(
            "Where {} is named: sources {} to {} of {}, with each mention in its sentence.",
            e.name, pages.first, pages.last, pages.sources
        );
        let meta = PageMeta { title: &title, kind: "entity-mentions", path: &path, description: &description };
        let mut context = self.base_context(root, meta);
        context.insert("entity", self.entity_summary(entity, root));
        context.insert("mentions_by_source", shown);
        context.insert("mention_pages", pages);
        Page { path, template: "entity_mentions.html", context }
    }
}

/// A mention in its sentence, split around the words as written.
fn mention_view<'a>(source: &'a Source, mention: &Mention, root: &str) -> MentionView<'a> {
    let block = &source.blocks[mention.block];
    let text = &block.text;
    let sentence = block
        .sentences
        .iter()
        .find(|s| s.start <= mention.range.start && mention.range.start < s.end)
        .cloned()
        .unwrap_or(0..text.len());
    let start = sentence.start.min(mention.range.start);
    let end = sentence.end.max(mention.range.end);
    MentionView {
        paragraph: format!("p{}", mention.block + 1),
        number: mention.block + 1,
        href: format!("{root}sources/{}.html#p{}", source.slug, mention.block + 1),
        before: &text[start..mention.range.start],
        text: &text[mention.range.clone()],
        after: &text[mention.range.end..end],
    }
}
