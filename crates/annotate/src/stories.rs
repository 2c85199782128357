//! Stories: sources grouped into events by the passages they carry and closeness in time.
//!
//! A source joins the origin of a sentence cluster (its earliest carrier) when it carries at
//! least two clusters of that origin, making a fifth of the shorter one's sentences (a shared
//! quotation alone does not make two articles one story, nor do a few background
//! sentences), and was published at most a week from it.
//! Stories are the connected groups of that relation. Each copy is counted against one
//! origin, never against every other copy, so the work grows with the copies: a wire story
//! carried by 800 outlets costs 800 counts a sentence, not 320,000 pairs.
//!
//! The story's origin is its earliest version, and among versions of the same day the
//! fullest. A version carrying at least half of its sentences in passages the origin
//! carries is a republication; others are versions. Versions that carry the same passages in
//! the same words are one *text*, so a story page can show "carried verbatim by 412
//! outlets" once. A version that leaves out passages of the origin that no other version
//! carries either is not the origin's text.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use corpus::Corpus;

use crate::disjoint_sets::DisjointSets;
use crate::reuse::{self, ClusterKind, ReuseCluster, Sentence};

/// Clusters a source must share with an origin to be a version of its story.
const MIN_SHARED_CLUSTERS: usize = 2;
/// ... and the share of the shorter one's sentences they must make: two different stories
/// of one agency that repeat the same two background sentences stay two stories.
const MIN_SHARED_SHARE: f64 = 0.2;
/// Versions of one story are published at most this many days apart.
const MAX_DAYS_APART: i64 = 7;
/// A version carrying at least this share of its sentences from the origin republishes it.
const REPUBLICATION_SHARE: f64 = 0.5;

/// A source's relation to the rest of its story.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The only source of its story.
    Alone,
    /// The earliest, fullest version.
    Origin,
    /// A version that carries most of its sentences from the origin.
    Republication,
    /// A version that shares part of the origin.
    Version,
}

impl Role {
    /// The name used in JSON and templates.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Alone => "alone",
            Role::Origin => "origin",
            Role::Republication => "republication",
            Role::Version => "version",
        }
    }
}

/// Sources that carry one story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// A stable identifier: the origin's slug.
    pub id: String,
    /// Index of the origin source.
    pub origin: usize,
    /// Every version, the origin first, then by date, fullness and slug.
    pub sources: Vec<usize>,
    /// The role of each of `sources`, in the same order.
    pub roles: Vec<Role>,
    /// `sources` grouped by the text they carry (the same passages in the same words,
    /// whatever sentences of its own each adds; the origin's text also holds the passages
    /// only the origin carries): the origin's text first, then in order of `sources`; each
    /// group in the order of `sources`.
    pub texts: Vec<Vec<usize>>,
}

/// Groups the corpus's sources into stories, ordered by the origin's date and slug. A
/// source that shares nothing is a story of its own.
pub fn group(corpus: &Corpus, clusters: &[ReuseCluster]) -> Vec<Story> {
    group_in(corpus, &reuse::sentence::sentences(corpus), clusters)
}

/// [`group`], given the corpus's sentences (in corpus order).
pub(crate) fn group_in(corpus: &Corpus, sentences: &[Sentence], clusters: &[ReuseCluster]) -> Vec<Story> {
    let count = corpus.sources.len();
    let days = |s: usize| corpus.sources[s].meta.published.days_since_epoch();
    // (member source, origin source) once per cluster, counted by sorting.
    let mut carried: Vec<u64> = Vec::new();
    for cluster in clusters.iter().filter(|c| c.kind == ClusterKind::Sentence) {
        let origin = cluster.origin().sentence.source;
        let others = cluster.sources().into_iter().filter(|&s| s != origin);
        carried.extend(others.map(|s| ((s as u64) << 32) | origin as u64));
    }
    carried.sort_unstable();
    let sentence_count = |s: usize| corpus.sources[s].blocks.iter().map(|b| b.sentences.len()).sum::<usize>();
    let mut sets = DisjointSets::new(count);
    for run in carried.chunk_by(|x, y| x == y) {
        let (source, origin) = ((run[0] >> 32) as usize, run[0] as u32 as usize);
        let shorter = sentence_count(source).min(sentence_count(origin));
        if run.len() >= MIN_SHARED_CLUSTERS
            && run.len() as f64 >= MIN_SHARED_SHARE * shorter as f64
            && (days(source) - days(origin)).abs() <= MAX_DAYS_APART
        {
            sets.union(source, origin);
        }
    }
    let mut members_of: Vec<Vec<usize>> = vec![Vec::new(); count];
    for s in 0..count {
        members_of[sets.find(s)].push(s);
    }
    let mut stories: Vec<Story> = members_of
        .into_iter()
        .filter(|members| !members.is_empty())
        .map(|mut members| {
            members.sort_by(|&x, &y| {
                let (sx, sy) = (&corpus.sources[x], &corpus.sources[y]);
                sx.meta
                    .published
                    .cmp(&sy.meta.published)
                    .then(sentence_count(y).cmp(&sentence_count(x)))
                    .then(sx.slug.cmp(&sy.slug))
            });
            let origin = members[0];
            Story {
                id: corpus.sources[origin].slug.clone(),
                origin,
                roles: Vec::new(),
                texts: Vec::new(),
                sources: members,
            }
        })
        .collect();
    stories.sort_by(|x, y| {
        let (ox, oy) = (&corpus.sources[x.origin], &corpus.sources[y.origin]);
        (ox.meta.published, &ox.slug).cmp(&(oy.meta.published, &oy.slug))
    });
    describe_versions(corpus, sentences, clusters, &mut stories);
    stories
}

/// A sentence of a source in a passage: its (block, start), the cluster and its wording.
type Carried = ((usize, usize), u32, u32);

/// How many of a source's `sentences` could be passages (long enough, not stock) but are in
/// no cluster, given the positions of those that are (`carried`, sorted).
fn uncarried_passages(sentences: &[Sentence], carried: &[Carried]) -> usize {
    sentences
        .iter()
        .filter(|x| x.print.is_some())
        .filter(|x| carried.binary_search_by(|c| c.0.cmp(&(x.block as usize, x.range.start))).is_err())
        .count()
}

/// Fills each story's roles and texts from the clusters its sources carry.
fn describe_versions(corpus: &Corpus, sentences: &[Sentence], clusters: &[ReuseCluster], stories: &mut [Story]) {
    let count = corpus.sources.len();
    let mut origin_of = vec![0usize; count];
    for story in stories.iter() {
        story.sources.iter().for_each(|&s| origin_of[s] = story.origin);
    }
    // Per source: sentences carried in a passage its story's origin carries too, and its
    // passages as (position, cluster, wording), to be put in order.
    let mut from_origin = vec![0usize; count];
    let mut carried: Vec<Vec<Carried>> = vec![Vec::new(); count];
    for (c, cluster) in clusters.iter().enumerate().filter(|(_, c)| c.kind == ClusterKind::Sentence) {
        let sources_in = cluster.sources();
        for member in &cluster.members {
            let s = member.sentence.source;
            if origin_of[s] != s && sources_in.binary_search(&origin_of[s]).is_ok() {
                from_origin[s] += 1;
            }
            carried[s].push(((member.sentence.block, member.sentence.range.start), c as u32, member.wording));
        }
    }
    let sentence_count = |s: usize| corpus.sources[s].blocks.iter().map(|b| b.sentences.len()).sum::<usize>();
    for story in stories.iter_mut() {
        story.roles = story
            .sources
            .iter()
            .map(|&s| {
                if story.sources.len() == 1 {
                    Role::Alone
                } else if s == story.origin {
                    Role::Origin
                } else if from_origin[s] as f64 >= REPUBLICATION_SHARE * sentence_count(s) as f64 {
                    Role::Republication
                } else {
                    Role::Version
                }
            })
            .collect();
        let mut texts: Vec<Vec<usize>> = Vec::new();
        let mut text_of: HashMap<Vec<(u32, u32)>, usize, FixedState> = HashMap::default();
        for &s in &story.sources {
            carried[s].sort_unstable();
            let mut signature: Vec<(u32, u32)> = carried[s].iter().map(|&(_, c, w)| (c, w)).collect();
            if s == story.origin && story.sources.len() > 1 {
                // Passages only the origin carries: no version carries its text whole.
                let from = sentences.partition_point(|x| (x.source as usize) < s);
                let to = sentences.partition_point(|x| (x.source as usize) <= s);
                let own = uncarried_passages(&sentences[from..to], &carried[s]);
                signature.extend((0..own as u32).map(|k| (u32::MAX, k)));
            }
            let next = texts.len();
            let t = *text_of.entry(signature).or_insert(next);
            if t == next {
                texts.push(Vec::new());
            }
            texts[t].push(s);
        }
        story.texts = texts;
    }
}
