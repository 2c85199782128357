//! Duplicate coverage indexed for pages: which passages (reuse clusters) each sentence
//! belongs to, and a few facts about each passage that pages read without walking its
//! members.
//!
//! Everything here is linear in the clusters' members. A page asks about a passage in
//! constant or logarithmic time (how many sources carry it, the first few of them, how many
//! of them are in a story, which blocks of a given source carry it), never by listing its
//! carriers: a wire story carried by 800 outlets costs its 800 pages 800 lookups, not
//! 800 × 800.

use std::ops::Range;

use annotate::{Annotations, ClusterKind, ReuseCluster, ReuseKind, Role, Story};
use corpus::Corpus;

/// How many carriers of a passage a page names; beyond that it counts them.
pub const NAMED_CARRIERS: usize = 3;

/// One sentence's place in one passage.
#[derive(Debug, Clone)]
pub struct Passage {
    /// Byte range of the sentence in its block's text.
    pub range: Range<usize>,
    /// Index of the cluster in `Annotations::reuse`.
    pub cluster: u32,
    /// Index of the sentence among the cluster's members.
    pub member: u32,
    /// The strongest reuse between this sentence and another source's in the cluster.
    pub kind: ReuseKind,
}

/// What pages need to know about a passage as a whole.
#[derive(Debug, Clone)]
pub struct PassageFacts {
    /// How many different sources carry it.
    pub sources: usize,
    /// The first member of each of its first `NAMED_CARRIERS + 1` sources, the origin's
    /// first (so that `NAMED_CARRIERS` remain once the page's own source is left out).
    pub first_carriers: Vec<u32>,
    /// How many of its sources each story holds, as (story, sources), by story.
    per_story: Vec<(u32, u32)>,
}

/// Reuse indexed for rendering.
pub struct Coverage<'a> {
    clusters: &'a [ReuseCluster],
    stories: &'a [Story],
    /// The story of each source, by index into `Annotations::stories`.
    pub story_of: Vec<usize>,
    /// The position of each source in its story's `sources`.
    pub position: Vec<usize>,
    /// Per source, per block: the passages of its sentences, by sentence start then cluster.
    passages: Vec<Vec<Vec<Passage>>>,
    /// Per cluster.
    facts: Vec<PassageFacts>,
    /// Sentences of each source.
    pub sentence_counts: Vec<usize>,
}

impl<'a> Coverage<'a> {
    /// Indexes the clusters and stories of `annotations`.
    pub fn new(corpus: &Corpus, annotations: &'a Annotations) -> Self {
        let sources = &corpus.sources;
        let mut story_of = vec![0; sources.len()];
        let mut position = vec![0; sources.len()];
        for (s, story) in annotations.stories.iter().enumerate() {
            for (at, &source) in story.sources.iter().enumerate() {
                story_of[source] = s;
                position[source] = at;
            }
        }
        let mut passages: Vec<Vec<Vec<Passage>>> = sources.iter().map(|s| vec![Vec::new(); s.blocks.len()]).collect();
        let mut facts = Vec::with_capacity(annotations.reuse.len());
        for (c, cluster) in annotations.reuse.iter().enumerate() {
            let kinds = member_kinds(cluster);
            for (m, (member, kind)) in cluster.members.iter().zip(kinds).enumerate() {
                let at = &member.sentence;
                passages[at.source][at.block].push(Passage {
                    range: at.range.clone(),
                    cluster: c as u32,
                    member: m as u32,
                    kind,
                });
            }
            let carriers = cluster.sources();
            let mut stories: Vec<u32> = carriers.iter().map(|&s| story_of[s] as u32).collect();
            stories.sort_unstable();
            let per_story = stories.chunk_by(|x, y| x == y).map(|run| (run[0], run.len() as u32)).collect();
            let mut first_carriers: Vec<u32> = Vec::with_capacity(NAMED_CARRIERS + 1);
            for (m, member) in cluster.members.iter().enumerate() {
                if first_carriers.len() > NAMED_CARRIERS {
                    break;
                }
                let source = member.sentence.source;
                if first_carriers.iter().all(|&f| cluster.members[f as usize].sentence.source != source) {
                    first_carriers.push(m as u32);
                }
            }
            facts.push(PassageFacts { sources: carriers.len(), first_carriers, per_story });
        }
        for blocks in &mut passages {
            for list in blocks.iter_mut() {
                list.sort_by_key(|p| (p.range.start, p.cluster));
            }
        }
        let sentence_counts = sources.iter().map(|s| s.blocks.iter().map(|b| b.sentences.len()).sum()).collect();
        Coverage {
            clusters: &annotations.reuse,
            stories: &annotations.stories,
            story_of,
            position,
            passages,
            facts,
            sentence_counts,
        }
    }

    /// The role of `source` in its story.
    pub fn role(&self, source: usize) -> Role {
        self.stories[self.story_of[source]].roles[self.position[source]]
    }

    /// The passages of the sentences of a block, by sentence start.
    pub fn passages(&self, source: usize, block: usize) -> &[Passage] {
        &self.passages[source][block]
    }

    /// The passages of the sentence of a block that starts at `start`.
    pub fn passages_at(&self, source: usize, block: usize, start: usize) -> &[Passage] {
        let list = self.passages(source, block);
        &list[list.partition_point(|p| p.range.start < start)..list.partition_point(|p| p.range.start <= start)]
    }

    /// The cluster behind a passage.
    pub fn cluster(&self, cluster: u32) -> &'a ReuseCluster {
        &self.clusters[cluster as usize]
    }

    /// The facts of a passage.
    pub fn facts(&self, cluster: u32) -> &PassageFacts {
        &self.facts[cluster as usize]
    }

    /// How many sources of story `story` carry the passage.
    pub fn carriers_in_story(&self, cluster: u32, story: usize) -> usize {
        let per_story = &self.facts[cluster as usize].per_story;
        per_story.binary_search_by_key(&(story as u32), |&(s, _)| s).map_or(0, |i| per_story[i].1 as usize)
    }

    /// True when every source carrying the passage is in story `story`.
    pub fn only_in_story(&self, cluster: u32, story: usize) -> bool {
        matches!(self.facts[cluster as usize].per_story.as_slice(), [(s, _)] if *s as usize == story)
    }

    /// The members of the passage that `source` carries, as member indexes, in block order:
    /// found by binary search (members after the origin are in corpus order).
    pub fn members_in(&self, cluster: u32, source: usize) -> impl Iterator<Item = usize> + '_ {
        let members = &self.cluster(cluster).members;
        let rest = &members[1..];
        let start = rest.partition_point(|m| m.sentence.source < source);
        let end = rest.partition_point(|m| m.sentence.source <= source);
        let origin = (members[0].sentence.source == source).then_some(0);
        origin.into_iter().chain((start..end).map(|i| i + 1))
    }

    /// The first block of `source` that carries the passage, if any.
    pub fn first_block_in(&self, cluster: u32, source: usize) -> Option<usize> {
        let members = &self.cluster(cluster).members;
        self.members_in(cluster, source).map(|m| members[m].sentence.block).min()
    }

    /// True when two blocks of different sources carry a passage in common.
    pub fn blocks_linked(&self, a: (usize, usize), b: (usize, usize)) -> bool {
        a.0 != b.0 && {
            let theirs = self.passages(b.0, b.1);
            self.passages(a.0, a.1).iter().any(|p| theirs.iter().any(|q| q.cluster == p.cluster))
        }
    }

    /// True when a sentence of the block carries a passage that another source of its
    /// story carries too.
    pub fn block_shared_in_story(&self, source: usize, block: usize) -> bool {
        let story = self.story_of[source];
        self.passages(source, block).iter().any(|p| self.carriers_in_story(p.cluster, story) > 1)
    }
}

/// For each member, the strongest kind of reuse it has with a member of another source: a
/// member is a verbatim copy when another source has its wording, an edit otherwise.
fn member_kinds(cluster: &ReuseCluster) -> Vec<ReuseKind> {
    if cluster.kind == ClusterKind::Quotation {
        return vec![ReuseKind::Quote; cluster.members.len()];
    }
    let mut by_wording: Vec<(u32, usize)> = cluster.members.iter().map(|m| (m.wording, m.sentence.source)).collect();
    by_wording.sort_unstable();
    by_wording.dedup();
    let shared_wording = |wording: u32| {
        let from = by_wording.partition_point(|&(w, _)| w < wording);
        by_wording.get(from + 1).is_some_and(|&(w, _)| w == wording)
    };
    cluster
        .members
        .iter()
        .map(|m| if shared_wording(m.wording) { ReuseKind::Verbatim } else { ReuseKind::Near })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotate::{ClusterMember, SentenceRef};

    fn member(source: usize, wording: u32) -> ClusterMember {
        ClusterMember {
            sentence: SentenceRef { source, block: 0, range: 0..10 },
            kind: if wording == 0 { ReuseKind::Verbatim } else { ReuseKind::Near },
            score: 1.0,
            wording,
        }
    }

    #[test]
    fn a_member_is_verbatim_when_another_source_has_its_words() {
        // Sources 0 and 2 have the origin's words; source 1 an edit of its own; source 3
        // repeats its own edit twice, which makes no verbatim copy.
        let cluster = ReuseCluster {
            kind: ClusterKind::Sentence,
            members: vec![member(0, 0), member(1, 1), member(2, 0), member(3, 2), member(3, 2)],
        };
        use ReuseKind::{Near, Verbatim};
        assert_eq!(member_kinds(&cluster), [Verbatim, Near, Verbatim, Near, Near]);
        assert_eq!((cluster.pair_kind(0, 2), cluster.pair_kind(0, 1)), (Verbatim, Near));
        let quotation = ReuseCluster { kind: ClusterKind::Quotation, ..cluster };
        assert!(member_kinds(&quotation).iter().all(|&k| k == ReuseKind::Quote));
        assert_eq!(quotation.pair_kind(0, 2), ReuseKind::Quote);
    }
}
