//! The distinct texts of a story (`Story::texts`: versions carrying the same passages in the
//! same words) as a story page shows them: which are compared side by side, which are
//! described in full, and what each carries.
//!
//! A text stands for all its versions: its first source (the origin for the origin's text)
//! is the one read, so a text carried by 412 outlets costs what one version costs.
//!
//! Passages link sentences of five words or more; a heading ("Joint Command") or a short
//! sentence is never in one. So a sentence that no passage links counts as carried by a
//! version that has it word for word: 300 copies of one article do not each list its
//! headings as left out, nor the origin as its own.
//!
//! One refinement of `Story::texts`: a text is the passages carried, whatever else each
//! version adds, so an origin with sentences of its own and a copy that left them out carry
//! the same text. The page says the origin's text is "carried verbatim" by the others of its
//! group, which is true only of those that have every sentence of the origin; the others
//! are a text of their own.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use foldhash::fast::FixedState;
use serde::Serialize;

use annotate::{Role, Story};

use crate::pages::views::{SourceSummary, role_label};
use crate::site::model::SiteModel;

/// At most this many texts stand side by side (the origin's among them).
pub const COMPARED_TEXTS: usize = 4;
/// At most this many texts get their sentences listed; the others get counts.
pub const DETAILED_TEXTS: usize = 8;

/// A sentence listed on a story page.
#[derive(Serialize)]
struct SentenceView<'a> {
    text: &'a str,
    number: usize,
    href: String,
}

/// One distinct text of a story, as its first version shows it.
#[derive(Serialize)]
pub(crate) struct TextView<'a> {
    /// The version standing for the text.
    source: SourceSummary<'a>,
    role: &'static str,
    role_label: &'static str,
    /// How many versions carry the text.
    outlets: usize,
    /// The other versions carrying it, in story order.
    carried_by: Vec<SourceSummary<'a>>,
    sentences: usize,
    /// Sentences another version of the story carries too.
    shared: usize,
    /// Sentences no other version carries (listed for detailed texts only).
    only_here: Vec<SentenceView<'a>>,
    only_here_count: usize,
    /// Sentences of the origin this text does not carry (empty for the origin's text;
    /// listed for detailed texts only).
    left_out: Vec<SentenceView<'a>>,
    left_out_count: usize,
}

/// A story's versions grouped into the texts its page shows, and what telling whether a
/// version carries a sentence needs beyond the passages.
pub(crate) struct StoryTexts<'m, 'a> {
    model: &'m SiteModel<'a>,
    story: &'a Story,
    /// Each text's versions (the first stands for it), the origin's text first.
    pub texts: Vec<Vec<usize>>,
    /// For each sentence of the story's versions, word for word, how many versions have it.
    copies: HashMap<&'a str, u32, FixedState>,
}

impl<'m, 'a> StoryTexts<'m, 'a> {
    /// The texts of `story`.
    pub(crate) fn new(model: &'m SiteModel<'a>, story: &'a Story) -> Self {
        let mut copies: HashMap<&'a str, u32, FixedState> = HashMap::default();
        for &source in &story.sources {
            for sentence in model.sentence_texts(source) {
                *copies.entry(sentence).or_default() += 1;
            }
        }
        // The versions of the origin's text carry its passages in its words; they carry it
        // verbatim when they also have its sentences that are in no passage.
        let unlinked =
            model.sentences_where(story.origin, |b, r| model.coverage.passages_at(story.origin, b, r.start).is_empty());
        let unlinked: Vec<&str> = unlinked.into_iter().map(|(b, r)| sentence_text(model, story.origin, b, r)).collect();
        let mut texts = story.texts.clone();
        let (verbatim, cut): (Vec<usize>, Vec<usize>) = texts[0][1..].iter().partition(|&&v| {
            let theirs = model.sentence_texts(v);
            unlinked.iter().all(|s| theirs.contains(s))
        });
        if !cut.is_empty() {
            texts[0] = std::iter::once(story.origin).chain(verbatim).collect();
            texts.insert(1, cut);
        }
        StoryTexts { model, story, texts, copies }
    }

    /// True when the sentence is in a passage another version of the story carries.
    fn linked_in_story(&self, source: usize, block: usize, start: usize) -> bool {
        let story = self.model.coverage.story_of[source];
        let passages = self.model.coverage.passages_at(source, block, start);
        passages.iter().any(|p| self.model.coverage.carriers_in_story(p.cluster, story) > 1)
    }

    /// The texts the page shows side by side: the origin's, then those that share the
    /// fewest sentences with the origin (ties by order), at most [`COMPARED_TEXTS`] in all;
    /// as indexes into `texts`, in order.
    pub(crate) fn compared(&self) -> Vec<usize> {
        let mut others: Vec<(usize, usize)> =
            (1..self.texts.len()).map(|t| (self.shared_with_origin(self.texts[t][0]), t)).collect();
        others.sort_unstable();
        let mut chosen: Vec<usize> = others.iter().take(COMPARED_TEXTS - 1).map(|&(_, t)| t).collect();
        chosen.insert(0, 0);
        chosen.sort_unstable();
        chosen
    }

    /// The texts described in full: the compared ones, then the most widely carried (ties
    /// by order), at most [`DETAILED_TEXTS`] in all; as a flag per text.
    pub(crate) fn detailed(&self, compared: &[usize]) -> Vec<bool> {
        let mut detailed = vec![false; self.texts.len()];
        compared.iter().for_each(|&t| detailed[t] = true);
        let mut by_size: Vec<usize> = (0..self.texts.len()).filter(|&t| !detailed[t]).collect();
        by_size.sort_by_key(|&t| std::cmp::Reverse(self.texts[t].len()));
        let room = DETAILED_TEXTS.saturating_sub(compared.len());
        by_size.into_iter().take(room).for_each(|t| detailed[t] = true);
        detailed
    }

    /// Sentences of `source` in a passage the story's origin carries too.
    fn shared_with_origin(&self, source: usize) -> usize {
        let coverage = &self.model.coverage;
        let blocks = self.model.corpus.sources[source].blocks.len();
        (0..blocks)
            .map(|b| {
                let carried = coverage.passages(source, b).chunk_by(|p, q| p.range == q.range);
                carried
                    .filter(|run| {
                        run.iter().any(|p| coverage.members_in(p.cluster, self.story.origin).next().is_some())
                    })
                    .count()
            })
            .sum()
    }

    /// Text `text`, with its sentences listed when `detailed`.
    pub(crate) fn view(&self, text: usize, root: &str, detailed: bool) -> TextView<'a> {
        let (model, story) = (self.model, self.story);
        let versions = &self.texts[text];
        let source = versions[0];
        let role = model.coverage.role(source);
        let only_here = model.sentences_where(source, |b, range| {
            !self.linked_in_story(source, b, range.start)
                && self.copies.get(sentence_text(model, source, b, range.clone())).is_none_or(|&n| n < 2)
        });
        let left_out = if role == Role::Origin {
            Vec::new()
        } else {
            let theirs = model.sentence_texts(source);
            model.sentences_where(story.origin, |b, range| {
                let passages = model.coverage.passages_at(story.origin, b, range.start);
                !passages.iter().any(|p| model.coverage.members_in(p.cluster, source).next().is_some())
                    && !theirs.contains(sentence_text(model, story.origin, b, range.clone()))
            })
        };
        let listed = |source: usize, sentences: &[(usize, Range<usize>)]| -> Vec<SentenceView<'a>> {
            if !detailed {
                return Vec::new();
            }
            let s = &model.corpus.sources[source];
            let view = |(b, range): &(usize, Range<usize>)| SentenceView {
                text: &s.blocks[*b].text[range.clone()],
                number: b + 1,
                href: format!("{root}sources/{}.html#p{}", s.slug, b + 1),
            };
            sentences.iter().map(view).collect()
        };
        let sentences = model.coverage.sentence_counts[source];
        let summary = |s: usize| SourceSummary::new(&model.corpus.sources[s], root);
        TextView {
            source: summary(source),
            role: role.as_str(),
            role_label: role_label(role),
            outlets: versions.len(),
            carried_by: versions[1..].iter().map(|&s| summary(s)).collect(),
            sentences,
            shared: sentences - only_here.len(),
            only_here: listed(source, &only_here),
            only_here_count: only_here.len(),
            left_out: listed(story.origin, &left_out),
            left_out_count: left_out.len(),
        }
    }
}

/// A sentence as written, its ends trimmed.
fn sentence_text<'a>(model: &SiteModel<'a>, source: usize, block: usize, range: Range<usize>) -> &'a str {
    model.corpus.sources[source].blocks[block].text[range].trim()
}

impl<'a> SiteModel<'a> {
    /// The sentences of `source` selected by `keep(block, range)`, as (block, range).
    fn sentences_where(
        &self,
        source: usize,
        keep: impl Fn(usize, &Range<usize>) -> bool,
    ) -> Vec<(usize, Range<usize>)> {
        let blocks = &self.corpus.sources[source].blocks;
        let all = blocks.iter().enumerate().flat_map(|(b, block)| block.sentences.iter().map(move |r| (b, r.clone())));
        all.filter(|(b, r)| keep(*b, r)).collect()
    }

    /// The sentences of `source` as written, once each.
    fn sentence_texts(&self, source: usize) -> HashSet<&'a str, FixedState> {
        let blocks = &self.corpus.sources[source].blocks;
        blocks.iter().flat_map(|b| b.sentences.iter().map(move |r| b.text[r.clone()].trim())).collect()
    }
}
