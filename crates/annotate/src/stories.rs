//! Stories: sources grouped into events by shared passages and closeness in time.
//!
//! Two sources belong to one story when they share at least two reused sentences (verbatim
//! or near: a shared quotation alone does not make two articles one story) and were
//! published at most a week apart. Stories are the connected groups of that relation. The
//! origin is the earliest version, and among versions of the same day the fullest.

use corpus::Corpus;

use crate::reuse::{ReuseKind, ReuseLink};

/// Sentences two sources must share to be versions of one story.
const MIN_SHARED_SENTENCES: usize = 2;
/// Versions of one story are published at most this many days apart.
const MAX_DAYS_APART: i64 = 7;

/// Sources that carry one story.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    /// A stable identifier: the origin's slug.
    pub id: String,
    /// Index of the origin source.
    pub origin: usize,
    /// Every version, the origin first, then by date and slug.
    pub sources: Vec<usize>,
}

fn find(parent: &mut [usize], x: usize) -> usize {
    let mut root = x;
    while parent[root] != root {
        root = parent[root];
    }
    let mut x = x;
    while parent[x] != root {
        let next = parent[x];
        parent[x] = root;
        x = next;
    }
    root
}

/// Groups the corpus's sources into stories, ordered by the origin's date and slug. A
/// source that shares nothing is a story of its own.
pub fn group(corpus: &Corpus, links: &[ReuseLink]) -> Vec<Story> {
    let count = corpus.sources.len();
    let mut shared: std::collections::BTreeMap<(usize, usize), usize> = Default::default();
    for link in links.iter().filter(|l| l.kind != ReuseKind::Quote) {
        *shared.entry((link.a.source, link.b.source)).or_default() += 1;
    }
    let mut parent: Vec<usize> = (0..count).collect();
    for (&(a, b), &n) in &shared {
        let days = |s: usize| corpus.sources[s].meta.published.days_since_epoch();
        if n >= MIN_SHARED_SENTENCES && (days(a) - days(b)).abs() <= MAX_DAYS_APART {
            let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
            parent[ra.max(rb)] = ra.min(rb);
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for s in 0..count {
        let root = find(&mut parent, s);
        groups.entry(root).or_default().push(s);
    }
    let sentence_count = |s: usize| corpus.sources[s].blocks.iter().map(|b| b.sentences.len()).sum::<usize>();
    let mut stories: Vec<Story> = groups
        .into_values()
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
            Story { id: corpus.sources[origin].slug.clone(), origin, sources: members }
        })
        .collect();
    stories.sort_by(|x, y| {
        let (ox, oy) = (&corpus.sources[x.origin], &corpus.sources[y.origin]);
        (ox.meta.published, &ox.slug).cmp(&(oy.meta.published, &oy.slug))
    });
    stories
}
