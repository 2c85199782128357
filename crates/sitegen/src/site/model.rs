//! The build's model of the site: the annotated corpus with the indexes pages read (mentions
//! by entity and by source, quotation parts by paragraph, duplicate coverage, quotation
//! texts, named speakers), made once per build. Pages are views of it (`crate::pages`); it
//! knows nothing of them.

use std::collections::HashMap;
use std::ops::Range;

use annotate::{Annotations, EntityMatcher, Mention};
use corpus::Corpus;

use crate::site::coverage::Coverage;
use crate::site::quote_texts::{QuoteText, quote_texts};
use crate::site::speakers::NamedSpeakers;

/// Quotation parts per (source, block): quotation index and byte range.
pub(crate) type QuoteParts = HashMap<(usize, usize), Vec<(usize, Range<usize>)>>;

/// The annotated corpus and the indexes pages need, computed once per build.
pub struct SiteModel<'a> {
    pub(crate) corpus: &'a Corpus,
    pub(crate) annotations: &'a Annotations,
    pub(crate) matcher: &'a EntityMatcher,
    /// Reuse indexed for pages.
    pub(crate) coverage: Coverage<'a>,
    /// Quotation parts per (source, block): quotation index and byte range.
    pub(crate) quote_parts: QuoteParts,
    /// Each quotation's words, as pages show them.
    pub(crate) quote_texts: Vec<QuoteText>,
    /// The named speakers outside the catalogue, each with a page.
    pub(crate) speakers: NamedSpeakers,
    /// Mention indexes per entity.
    pub(crate) by_entity: Vec<Vec<usize>>,
    /// For each entity, its mentions grouped by source: ranges of `by_entity`, one per source
    /// naming it, in source date order (then slug).
    pub(crate) mention_groups: Vec<Vec<Range<usize>>>,
    /// Mention index ranges per source (mentions are ordered by source).
    by_source: Vec<Range<usize>>,
    /// Whether page contexts are fingerprinted: only rebuilds (`sitegen serve`) compare them.
    pub(crate) fingerprinted: bool,
}

impl<'a> SiteModel<'a> {
    /// Indexes the annotations of `corpus`.
    pub fn new(corpus: &'a Corpus, annotations: &'a Annotations, matcher: &'a EntityMatcher) -> Self {
        let by_entity = annotations.mentions_by_entity(corpus.entities.len());
        let mention_groups = mention_groups(corpus, annotations, &by_entity);
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
            || rayon::join(quote_parts, || quote_texts(corpus, &annotations.quotations.quotes)),
        );
        SiteModel {
            corpus,
            annotations,
            matcher,
            coverage,
            quote_parts,
            quote_texts,
            speakers: NamedSpeakers::new(&annotations.quotations.quotes),
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

    pub(crate) fn entity_href(&self, root: &str) -> impl Fn(usize) -> String + '_ {
        let root = root.to_string();
        move |e| format!("{root}entities/{}.html", self.corpus.entities[e].id)
    }

    /// The entity mentions of one source.
    pub(crate) fn mentions_of(&self, source: usize) -> &'a [Mention] {
        &self.annotations.mentions[self.by_source[source].clone()]
    }
}

/// The mentions of one block, out of a source's (which are ordered by block): found by
/// binary search, so that a source of many paragraphs costs no more per paragraph.
pub(crate) fn in_block(mentions: &[Mention], block: usize) -> &[Mention] {
    &mentions[mentions.partition_point(|m| m.block < block)..mentions.partition_point(|m| m.block <= block)]
}

/// For each entity, its mentions grouped by source: ranges of `by_entity[entity]`, one per
/// source naming it, in source date order (then slug).
pub(crate) fn mention_groups(
    corpus: &Corpus,
    annotations: &Annotations,
    by_entity: &[Vec<usize>],
) -> Vec<Vec<Range<usize>>> {
    by_entity
        .iter()
        .map(|mentions| {
            let source_at = |i: usize| annotations.mentions[mentions[i]].source;
            // Mentions are ordered by source: each source's are one run.
            let mut groups: Vec<Range<usize>> = Vec::new();
            for i in 0..mentions.len() {
                match groups.last_mut() {
                    Some(run) if source_at(run.start) == source_at(i) => run.end = i + 1,
                    _ => groups.push(i..i + 1),
                }
            }
            groups.sort_by_key(|run| {
                let source = &corpus.sources[source_at(run.start)];
                (source.meta.published, source.slug.as_str())
            });
            groups
        })
        .collect()
}
