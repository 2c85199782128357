//! Rendering every page of the site through the theme's templates.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use annotate::{Annotations, EntityMatcher, Mention, Role};
use corpus::{Corpus, EntityKind};

use crate::pages::margins::{WideNote, XrefView, margin};
pub use crate::pages::page::Page;
use crate::pages::page::PageContext;
use crate::pages::views::{EntityGroup, EntitySummary, SiteView, SourceSummary, role_label, story_groups};
use crate::render::html::{Link, Mark, annotated_text};
use crate::site::coverage::{Coverage, NAMED_CARRIERS};
use crate::{render::linker, render::markdown};

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

/// The first `count` words of `text`, with an ellipsis when cut.
pub(crate) fn first_words(text: &str, count: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= count { text.to_string() } else { format!("{}…", words[..count].join(" ")) }
}

/// Quotation parts per (source, block): quotation index and byte range.
type QuoteParts = HashMap<(usize, usize), Vec<(usize, Range<usize>)>>;

/// The annotated corpus and the indexes pages need, computed once per build.
pub struct SiteModel<'a> {
    pub(crate) corpus: &'a Corpus,
    pub(crate) annotations: &'a Annotations,
    matcher: &'a EntityMatcher,
    /// Reuse indexed for pages.
    pub(crate) coverage: Coverage<'a>,
    /// Quotation parts per (source, block): quotation index and byte range.
    quote_parts: QuoteParts,
    /// Each quotation's words, as pages show them.
    pub(crate) quote_texts: Vec<crate::pages::quotes::QuoteText>,
    /// The named speakers outside the catalogue, each with a page.
    pub(crate) speakers: crate::site::speakers::NamedSpeakers,
    /// Mention indexes per entity.
    pub(crate) by_entity: Vec<Vec<usize>>,
    /// For each entity, its mentions grouped by source: ranges of `by_entity`, one per source
    /// naming it, in source date order (then slug).
    pub(crate) mention_groups: Vec<Vec<std::ops::Range<usize>>>,
    /// Mention index ranges per source (mentions are ordered by source).
    by_source: Vec<std::ops::Range<usize>>,
    /// Whether page contexts are fingerprinted: only rebuilds (`sitegen serve`) compare them.
    fingerprinted: bool,
}

#[derive(Serialize)]
pub(crate) struct BlockView<'a> {
    id: String,
    number: usize,
    kind: &'static str,
    html: String,
    attribution: Option<&'a str>,
    /// Paragraphs of the few other sources carrying some of the same text.
    xrefs: Vec<XrefView<'a>>,
    /// Passages of the paragraph that many sources carry, counted rather than listed.
    wide: Vec<WideNote<'a>>,
    /// The quotations in this block, once each.
    quotes: Vec<QuoteNote<'a>>,
    /// On pages other than the source page: the paragraph on its source page.
    source_href: Option<String>,
}

impl BlockView<'_> {
    /// Points the block's own anchor at its paragraph on the source page (for pages other
    /// than the source page, such as a story page).
    pub(crate) fn link_to_source(&mut self, slug: &str, root: &str) {
        self.source_href = Some(format!("{root}sources/{slug}.html#{}", self.id));
    }
}

/// A quotation in a block: who said it, and its entry on quotes.html.
#[derive(Serialize)]
struct QuoteNote<'a> {
    speaker_kind: &'static str,
    speaker_name: Option<Cow<'a, str>>,
    speaker_href: Option<String>,
    speaker_text: Option<&'a str>,
    href: String,
}

/// A source's place in its story, for the source page's header.
#[derive(Serialize)]
struct StoryRelation<'a> {
    id: &'a str,
    /// The story page, when the story has more than one version.
    href: Option<String>,
    role: &'static str,
    role_label: &'static str,
    /// The origin, for republications and versions.
    origin: Option<SourceSummary<'a>>,
    /// For the origin: the first few versions that republish it.
    republished_by: Vec<SourceSummary<'a>>,
    /// How many more republish it.
    republished_more: usize,
    /// For the origin: the first few versions that share part of it.
    other_versions: Vec<SourceSummary<'a>>,
    /// How many more share part of it.
    other_versions_more: usize,
}

#[derive(Serialize)]
struct DroppedView<'a> {
    text: &'a str,
    reason: &'static str,
    reason_label: &'static str,
}

#[derive(Serialize)]
struct Stats {
    sources: usize,
    paragraphs: usize,
    entities: usize,
    mentions: usize,
}

impl<'a> SiteModel<'a> {
    /// Indexes the annotations of `corpus`.
    pub fn new(corpus: &'a Corpus, annotations: &'a Annotations, matcher: &'a EntityMatcher) -> Self {
        let by_entity = annotations.mentions_by_entity(corpus.entities.len());
        let mention_groups = crate::pages::mentions::mention_groups(corpus, annotations, &by_entity);
        let mut by_source = vec![0..0; corpus.sources.len()];
        let mut start = 0;
        for (source, range) in by_source.iter_mut().enumerate() {
            let end = start + annotations.mentions[start..].iter().take_while(|m| m.source == source).count();
            *range = start..end;
            start = end;
        }
        let quote_parts = || {
            let mut quote_parts = QuoteParts::new();
            for (q, quote) in annotations.quotations.quotes.iter().enumerate() {
                for report in &quote.reports {
                    for part in &report.parts {
                        quote_parts.entry((report.source, part.block)).or_default().push((q, part.range.clone()));
                    }
                }
            }
            quote_parts
        };
        // Independent indexes, made side by side.
        let (coverage, (quote_parts, quote_texts)) = rayon::join(
            || Coverage::new(corpus, annotations),
            || rayon::join(quote_parts, || crate::pages::quotes::quote_texts(corpus, &annotations.quotations.quotes)),
        );
        SiteModel {
            corpus,
            annotations,
            matcher,
            coverage,
            quote_parts,
            quote_texts,
            speakers: crate::site::speakers::NamedSpeakers::new(&annotations.quotations.quotes),
            by_entity,
            mention_groups,
            by_source,
            fingerprinted: true,
        }
    }

    /// Leaves page contexts without fingerprints (a one-shot build, whose pages are compared
    /// with nothing): [`crate::pages::page::Page::fingerprint`] is then the same for every page.
    pub(crate) fn without_fingerprints(mut self) -> Self {
        self.fingerprinted = false;
        self
    }

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
        context.insert("generator", crate::GENERATOR);
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
    fn entity_groups(&self, root: &str, by_mentions: bool) -> Vec<EntityGroup<'a>> {
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

    pub(crate) fn entity_href(&self, root: &str) -> impl Fn(usize) -> String + '_ {
        let root = root.to_string();
        move |e| format!("{root}entities/{}.html", self.corpus.entities[e].id)
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

    /// sources/<slug>.html for the source at `index`.
    pub fn source(&self, index: usize) -> Page<'_> {
        let root = "../";
        let source = &self.corpus.sources[index];
        let mentions = self.mentions_of(index);
        let href = self.entity_href(root);
        let blocks: Vec<BlockView<'_>> =
            (0..source.blocks.len()).map(|b| self.block_view(index, b, root, &href, mentions)).collect();
        let mut counts = vec![0usize; self.corpus.entities.len()];
        for mention in mentions {
            counts[mention.entity] += 1;
        }
        let mut named: Vec<EntitySummary<'_>> = (0..counts.len())
            .filter(|&e| counts[e] > 0)
            .map(|e| EntitySummary { mentions: counts[e], ..self.entity_summary(e, root) })
            .collect();
        named.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(b.name)));
        let dropped: Vec<DroppedView<'_>> = source
            .dropped
            .iter()
            .map(|d| DroppedView { text: &d.text, reason: d.reason.as_str(), reason_label: d.reason.label() })
            .collect();
        let path = format!("sources/{}.html", source.slug);
        let description = format!(
            "{} — {}, {}. {}",
            source.meta.title,
            source.meta.outlet,
            source.meta.published.label(),
            first_words(source.blocks.first().map_or("", |b| b.text.as_str()), 30)
        );
        let meta = PageMeta { title: &source.meta.title, kind: "source", path: &path, description: &description };
        let mut context = self.base_context(root, meta);
        context.insert("source", SourceSummary::new(source, root));
        context.insert("blocks", blocks);
        context.insert("entities", named);
        context.insert("dropped", dropped);
        context.insert("story", self.story_relation(index, root));
        Page { path, template: "source.html", context }
    }

    /// The entity mentions of one source.
    pub(crate) fn mentions_of(&self, source: usize) -> &'a [Mention] {
        &self.annotations.mentions[self.by_source[source].clone()]
    }

    /// A block's HTML (entity links, reused sentences marked) and cross-references.
    pub(crate) fn block_view(
        &self,
        source: usize,
        block: usize,
        root: &str,
        href: &dyn Fn(usize) -> String,
        mentions: &[Mention],
    ) -> BlockView<'a> {
        let corpus = self.corpus;
        let block_data = &corpus.sources[source].blocks[block];
        let hrefs: Vec<(std::ops::Range<usize>, String)> =
            in_block(mentions, block).iter().map(|m| (m.range.clone(), href(m.entity))).collect();
        let links: Vec<Link<'_>> = hrefs.iter().map(|(range, h)| Link { range: range.clone(), href: h }).collect();
        let quotes_here: &[(usize, Range<usize>)] = self.quote_parts.get(&(source, block)).map_or(&[], Vec::as_slice);
        let speaker_of = |q: usize| {
            let quote = &self.annotations.quotations.quotes[q];
            let name = quote.speaker.map(|e| corpus.entities[e].name.as_str());
            let name = name.or_else(|| self.speakers.of_quote(q).map(|s| s.display.as_str()));
            name.or(quote.speaker_text.as_deref()).unwrap_or("speaker unknown")
        };
        let mut marks: Vec<Mark<'_>> = Vec::new();
        // One mark per reused sentence, of its strongest kind across its passages.
        for run in self.coverage.passages(source, block).chunk_by(|p, q| p.range == q.range) {
            let kind = run.iter().map(|p| p.kind).min().expect("runs are not empty");
            marks.push(Mark {
                range: run[0].range.clone(),
                class: reused_class(kind),
                title: Some(reused_title(kind)),
            });
        }
        marks.extend(quotes_here.iter().map(|(q, range)| Mark {
            range: range.clone(),
            class: "quote",
            title: Some(speaker_of(*q)),
        }));
        let mut quotes: Vec<QuoteNote<'a>> = Vec::new();
        for &(q, _) in quotes_here {
            let quote = &self.annotations.quotations.quotes[q];
            let href = self.quote_href(q, root);
            if quotes.iter().all(|n| n.href != href) {
                let speaker = self.quote_speaker(q, root);
                quotes.push(QuoteNote {
                    speaker_kind: speaker.kind,
                    speaker_name: speaker.name,
                    speaker_href: speaker.href,
                    speaker_text: quote.speaker_text.as_deref(),
                    href,
                });
            }
        }
        let margin = margin(corpus, &self.coverage, &self.annotations.stories, source, block, root);
        BlockView {
            id: format!("p{}", block + 1),
            number: block + 1,
            kind: block_data.kind.as_str(),
            html: annotated_text(&block_data.text, &marks, &links),
            attribution: block_data.attribution.as_deref(),
            xrefs: margin.xrefs,
            wide: margin.wide,
            quotes,
            source_href: None,
        }
    }

    fn story_relation(&self, source: usize, root: &str) -> StoryRelation<'a> {
        let story = &self.annotations.stories[self.coverage.story_of[source]];
        let role = self.coverage.role(source);
        let summary = |s: usize| SourceSummary::new(&self.corpus.sources[s], root);
        // The first few versions of a role, and how many more there are: the origin's
        // header names a handful of the outlets carrying it, however many there are.
        let others_with = |wanted: Role| -> (Vec<SourceSummary<'a>>, usize) {
            if role != Role::Origin {
                return (Vec::new(), 0);
            }
            let mut of_role = story.sources.iter().zip(&story.roles).filter(|&(_, &r)| r == wanted);
            let named = of_role.by_ref().take(NAMED_CARRIERS).map(|(&s, _)| summary(s)).collect();
            (named, of_role.count())
        };
        let (republished_by, republished_more) = others_with(Role::Republication);
        let (other_versions, other_versions_more) = others_with(Role::Version);
        StoryRelation {
            id: &story.id,
            href: (story.sources.len() > 1).then(|| format!("{root}stories/{}.html", story.id)),
            role: role.as_str(),
            role_label: role_label(role),
            origin: matches!(role, Role::Republication | Role::Version).then(|| summary(story.origin)),
            republished_by,
            republished_more,
            other_versions,
            other_versions_more,
        }
    }

    /// entities/index.html.
    pub fn entity_index(&self) -> Page<'_> {
        let description = format!(
            "The {} people, organisations and places named in {}.",
            self.corpus.entities.len(),
            self.corpus.site.title
        );
        let meta =
            PageMeta { title: "Entities", kind: "entities", path: "entities/index.html", description: &description };
        let mut context = self.base_context("../", meta);
        context.insert("entity_groups", self.entity_groups("../", false));
        Page { path: "entities/index.html".into(), template: "entities.html", context }
    }
}

/// The mentions of one block, out of a source's (which are ordered by block): found by
/// binary search, so that a source of many paragraphs costs no more per paragraph.
pub(crate) fn in_block(mentions: &[Mention], block: usize) -> &[Mention] {
    &mentions[mentions.partition_point(|m| m.block < block)..mentions.partition_point(|m| m.block <= block)]
}

fn reused_class(kind: annotate::ReuseKind) -> &'static str {
    match kind {
        annotate::ReuseKind::Verbatim => "reused reused-verbatim",
        annotate::ReuseKind::Near => "reused reused-near",
        annotate::ReuseKind::Quote => "reused reused-quote",
    }
}

fn reused_title(kind: annotate::ReuseKind) -> &'static str {
    match kind {
        annotate::ReuseKind::Verbatim => "Also in another version, word for word",
        annotate::ReuseKind::Near => "Also in another version, edited",
        annotate::ReuseKind::Quote => "This quotation is also in another version",
    }
}
