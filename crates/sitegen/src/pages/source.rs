//! sources/<slug>.html: one source's paragraphs with entity links, reused passages and
//! quotations marked, its cross-references in the margin, and its place in its story.

use std::borrow::Cow;
use std::ops::Range;

use serde::Serialize;

use annotate::{Mention, Role};

use crate::pages::base::PageMeta;
use crate::pages::margins::{WideNote, XrefView, margin};
use crate::pages::page::Page;
use crate::pages::views::{EntitySummary, SourceSummary, role_label};
use crate::render::html::{Link, Mark, annotated_text};
use crate::render::labels::first_words;
use crate::site::coverage::NAMED_CARRIERS;
use crate::site::model::{SiteModel, in_block};

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

impl<'a> SiteModel<'a> {
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
