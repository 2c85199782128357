//! briefing.json's `clusters` and `stories`: duplicate coverage as the annotations model it,
//! one entry per passage and per story, listing each copy once.

use rayon::prelude::*;
use serde::Serialize;

use annotate::{ReuseCluster, Story};
use corpus::Corpus;

/// A passage carried by several sources.
#[derive(Serialize)]
pub(super) struct Cluster<'a> {
    /// `sentence` or `quotation`.
    kind: &'static str,
    /// The origin's (the earliest carrier's) source and paragraph.
    source: &'a str,
    paragraph: String,
    /// The distinct wordings, each as the first member carrying it writes it: a member's
    /// `wording` indexes this list, so the text of 800 verbatim copies is written once.
    wordings: Vec<&'a str>,
    members: Vec<Member<'a>>,
}

/// One copy of a cluster's passage.
#[derive(Serialize)]
struct Member<'a> {
    source: &'a str,
    paragraph: String,
    /// Byte offsets of the sentence in the paragraph's text.
    start: usize,
    end: usize,
    wording: usize,
    /// Against the origin: `verbatim` (the origin itself is), `near` or `quote`.
    kind: &'static str,
    /// Rounded to three decimals, so the export does not depend on float printing.
    score: f64,
}

/// A story and how each version relates to it.
#[derive(Serialize)]
pub(super) struct StoryExport<'a> {
    id: &'a str,
    origin: &'a str,
    sources: Vec<&'a str>,
    /// The role of each of `sources`, in the same order.
    roles: Vec<&'static str>,
    /// `sources` grouped by the text they carry, the origin's group first.
    texts: Vec<Vec<&'a str>>,
}

/// The clusters of `reuse`, in order, made on every core.
pub(super) fn clusters<'a>(corpus: &'a Corpus, reuse: &'a [ReuseCluster]) -> Vec<Cluster<'a>> {
    reuse.par_iter().map(|cluster| export_cluster(corpus, cluster)).collect()
}

fn export_cluster<'a>(corpus: &'a Corpus, cluster: &'a ReuseCluster) -> Cluster<'a> {
    let sentence_text = |r: &annotate::SentenceRef| &corpus.sources[r.source].blocks[r.block].text[r.range.clone()];
    // Wordings are numbered by first appearance; renumbering them the same way here keeps the
    // list dense whatever numbers the clusters carry.
    let mut index_of: Vec<Option<usize>> = Vec::new();
    let mut wordings: Vec<&str> = Vec::new();
    let members = cluster
        .members
        .iter()
        .map(|m| {
            let slot = m.wording as usize;
            if index_of.len() <= slot {
                index_of.resize(slot + 1, None);
            }
            let wording = *index_of[slot].get_or_insert_with(|| {
                wordings.push(sentence_text(&m.sentence));
                wordings.len() - 1
            });
            Member {
                source: &corpus.sources[m.sentence.source].slug,
                paragraph: paragraph_id(m.sentence.block),
                start: m.sentence.range.start,
                end: m.sentence.range.end,
                wording,
                kind: m.kind.as_str(),
                score: (f64::from(m.score) * 1000.0).round() / 1000.0,
            }
        })
        .collect();
    let origin = &cluster.origin().sentence;
    Cluster {
        kind: cluster.kind.as_str(),
        source: &corpus.sources[origin.source].slug,
        paragraph: paragraph_id(origin.block),
        wordings,
        members,
    }
}

/// The stories, in order.
pub(super) fn stories<'a>(corpus: &'a Corpus, stories: &'a [Story]) -> Vec<StoryExport<'a>> {
    let slug = |s: &usize| corpus.sources[*s].slug.as_str();
    stories
        .iter()
        .map(|s| StoryExport {
            id: &s.id,
            origin: slug(&s.origin),
            sources: s.sources.iter().map(slug).collect(),
            roles: s.roles.iter().map(|r| r.as_str()).collect(),
            texts: s.texts.iter().map(|group| group.iter().map(slug).collect()).collect(),
        })
        .collect()
}

/// A block's anchor on its source page.
pub(super) fn paragraph_id(block: usize) -> String {
    format!("p{}", block + 1)
}
