//! Duplicate coverage as pages show it: cross-references between paragraphs, each
//! source's place in its story, and the side-by-side rows of a story page.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use foldhash::fast::FixedState;

use annotate::{Annotations, ReuseKind, Story};
use corpus::Corpus;

/// A version sharing at least this share of its sentences with the origin is called a
/// republication; below it, another version of the same story.
const REPUBLICATION_SHARE: f64 = 0.5;

/// A paragraph of another source that carries some of the same text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Xref {
    /// Position of the other source in its story (for ordering), then its index.
    pub order: usize,
    /// Index of the other source.
    pub source: usize,
    /// Index of the other block.
    pub block: usize,
    /// The strongest kind of reuse between the two paragraphs.
    pub kind: ReuseKind,
}

/// A source's relation to the rest of its story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The only source of its story.
    Alone,
    /// The earliest, fullest version.
    Origin,
    /// A version that copies most of the origin.
    Republication,
    /// A version that shares part of the origin.
    Version,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Alone => "alone",
            Role::Origin => "origin",
            Role::Republication => "republication",
            Role::Version => "version",
        }
    }
}

/// Per source, per block: the reused sentences' byte ranges and strongest kind.
pub type ReusedSentences = Vec<Vec<Vec<(Range<usize>, ReuseKind)>>>;

/// Reuse indexed for rendering.
pub struct Coverage {
    /// The story of each source, by index into `Annotations::stories`.
    pub story_of: Vec<usize>,
    /// Cross-references per source, per block, sorted.
    pub xrefs: Vec<Vec<Vec<Xref>>>,
    /// Reused sentences per source, per block: byte range and strongest kind.
    pub reused: ReusedSentences,
    /// Sentences of each source linked to its story's origin.
    pub shared_with_origin: Vec<usize>,
    /// Sentences of each source.
    pub sentence_counts: Vec<usize>,
    /// For each linked sentence, keyed by (source, block, start), the other sources it is linked to.
    linked_sources: HashMap<(usize, usize, usize), BTreeSet<usize>, FixedState>,
}

impl Coverage {
    pub fn new(corpus: &Corpus, annotations: &Annotations) -> Self {
        let sources = &corpus.sources;
        let mut story_of = vec![0; sources.len()];
        let mut order = vec![0; sources.len()];
        for (s, story) in annotations.stories.iter().enumerate() {
            for (position, &source) in story.sources.iter().enumerate() {
                story_of[source] = s;
                order[source] = position;
            }
        }
        let mut xrefs: Vec<Vec<Vec<Xref>>> = sources.iter().map(|s| vec![Vec::new(); s.blocks.len()]).collect();
        let mut reused: ReusedSentences = sources.iter().map(|s| vec![Vec::new(); s.blocks.len()]).collect();
        let mut shared_with_origin = vec![0; sources.len()];
        // Only looked up, never listed: a fast hasher.
        let mut linked_sources: HashMap<(usize, usize, usize), BTreeSet<usize>, FixedState> = HashMap::default();
        for link in &annotations.reuse {
            for (from, to) in [(&link.a, &link.b), (&link.b, &link.a)] {
                xrefs[from.source][from.block].push(Xref {
                    order: order[to.source],
                    source: to.source,
                    block: to.block,
                    kind: link.kind,
                });
                let marks = &mut reused[from.source][from.block];
                match marks.iter_mut().find(|(r, _)| *r == from.range) {
                    Some((_, kind)) => *kind = (*kind).min(link.kind),
                    None => marks.push((from.range.clone(), link.kind)),
                }
                let story = &annotations.stories[story_of[from.source]];
                if to.source == story.origin && story_of[to.source] == story_of[from.source] {
                    shared_with_origin[from.source] += 1;
                }
            }
            let key = |r: &annotate::SentenceRef| (r.source, r.block, r.range.start);
            linked_sources.entry(key(&link.a)).or_default().insert(link.b.source);
            linked_sources.entry(key(&link.b)).or_default().insert(link.a.source);
        }
        for blocks in &mut xrefs {
            for list in blocks.iter_mut() {
                list.sort();
                // One cross-reference per other paragraph, keeping its strongest kind.
                list.dedup_by(|later, earlier| (later.source, later.block) == (earlier.source, earlier.block));
            }
        }
        for blocks in &mut reused {
            for marks in blocks.iter_mut() {
                marks.sort_by_key(|(r, _)| r.start);
            }
        }
        let sentence_counts = sources.iter().map(|s| s.blocks.iter().map(|b| b.sentences.len()).sum()).collect();
        Coverage { story_of, xrefs, reused, shared_with_origin, sentence_counts, linked_sources }
    }

    /// The role of `source` in its story.
    pub fn role(&self, annotations: &Annotations, source: usize) -> Role {
        let story = &annotations.stories[self.story_of[source]];
        if story.sources.len() == 1 {
            Role::Alone
        } else if story.origin == source {
            Role::Origin
        } else if self.shared_with_origin[source] as f64 >= REPUBLICATION_SHARE * self.sentence_counts[source] as f64 {
            Role::Republication
        } else {
            Role::Version
        }
    }

    /// The other sources the sentence of `source`'s block `block` starting at `start` is linked to.
    pub fn linked_sources(&self, source: usize, block: usize, start: usize) -> Option<&BTreeSet<usize>> {
        self.linked_sources.get(&(source, block, start))
    }

    /// True when two blocks share a linked sentence.
    pub fn blocks_linked(&self, a: (usize, usize), b: (usize, usize)) -> bool {
        self.xrefs[a.0][a.1].iter().any(|x| x.source == b.0 && x.block == b.1)
    }

    /// The rows of a story page, `cells[row][version]` listing block indexes. Rows follow
    /// the origin's blocks. A block of another version that shares text with an origin
    /// block goes in that block's row. Between two such anchors, the version's own blocks
    /// fill the rows of the origin's blocks it does not share (so differing passages stand
    /// side by side, as in a diff), and any left over get rows of their own.
    pub fn story_rows(&self, corpus: &Corpus, story: &Story) -> Vec<Vec<Vec<usize>>> {
        let versions = story.sources.len();
        let origin_blocks = corpus.sources[story.origin].blocks.len();
        let empty_row = || vec![Vec::new(); versions];
        let mut rows: Vec<Vec<Vec<usize>>> = (0..origin_blocks)
            .map(|b| {
                let mut cells = empty_row();
                cells[0].push(b);
                cells
            })
            .collect();
        // extras[k]: rows inserted after origin row k - 1 (extras[0]: before the first row).
        let mut extras: Vec<Vec<Vec<Vec<usize>>>> = vec![Vec::new(); origin_blocks + 1];
        for (v, &source) in story.sources.iter().enumerate().skip(1) {
            let blocks = corpus.sources[source].blocks.len();
            let anchor: Vec<Option<usize>> = (0..blocks)
                .map(|b| (0..origin_blocks).find(|&k| self.blocks_linked((source, b), (story.origin, k))))
                .collect();
            let shared_rows: std::collections::HashSet<usize> = anchor.iter().flatten().copied().collect();
            let mut previous: Option<usize> = None;
            let mut b = 0;
            while b < blocks {
                if let Some(k) = anchor[b] {
                    rows[k][v].push(b);
                    previous = Some(k);
                    b += 1;
                    continue;
                }
                // A run of this version's own blocks, up to the next anchor.
                let run_end = (b..blocks).find(|&x| anchor[x].is_some()).unwrap_or(blocks);
                let next = anchor.get(run_end).copied().flatten().unwrap_or(origin_blocks);
                let first_free = previous.map_or(0, |p| p + 1);
                let free: Vec<usize> = (first_free..next.max(first_free))
                    .filter(|k| !shared_rows.contains(k) && rows[*k][v].is_empty())
                    .collect();
                let mut free = free.into_iter();
                let mut last_row = previous;
                for own in b..run_end {
                    match free.next() {
                        Some(k) => {
                            rows[k][v].push(own);
                            last_row = Some(k);
                        }
                        None => {
                            let mut cells = empty_row();
                            cells[v].push(own);
                            extras[last_row.map_or(0, |k| k + 1)].push(cells);
                        }
                    }
                }
                b = run_end;
            }
        }
        let mut out = Vec::with_capacity(rows.len());
        let mut extras = extras.into_iter();
        for row in rows {
            out.extend(extras.next().into_iter().flatten());
            out.push(row);
        }
        out.extend(extras.flatten());
        out
    }
}
