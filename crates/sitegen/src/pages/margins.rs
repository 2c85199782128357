//! The "also in" notes beside a paragraph: for each passage it carries, the other sources
//! carrying it. A passage few other sources carry names each of their paragraphs; a passage
//! many carry is counted, with the first few named and, when its story carries it, a link to
//! its row on the story page. A page never gets one link per carrier of a widely carried
//! passage, and never walks the carriers to make its notes.
//!
//! The sentences of a wire paragraph are each carried by nearly the same hundreds of
//! outlets, give or take the few that cut one: their notes would repeat the same names with
//! counts a few apart. Widely carried passages that name the same first carriers and lead to
//! the same place are one note, with the range of their counts.

use serde::Serialize;

use annotate::{ReuseKind, Story};
use corpus::Corpus;

use crate::site::coverage::{Coverage, NAMED_CARRIERS};

/// A paragraph of another source that carries some of the same text.
#[derive(Serialize)]
pub(crate) struct XrefView<'a> {
    outlet: &'a str,
    title: &'a str,
    number: usize,
    href: String,
    kind: &'static str,
}

/// Passages of the paragraph carried by more sources than are named one by one.
#[derive(Serialize)]
pub(crate) struct WideNote<'a> {
    /// How many other sources carry the most widely carried of them.
    sources: usize,
    /// How many carry the least widely carried (equal to `sources` for one passage).
    fewest: usize,
    /// The first few of them (the passage's origin first), each at its paragraph.
    named: Vec<XrefView<'a>>,
    /// How many other sources are not named.
    more: usize,
    /// The strongest reuse of this paragraph's sentences (`verbatim`, `near` or `quote`).
    #[serde(serialize_with = "kind_name")]
    kind: ReuseKind,
    /// The passage's place on the story page: the row of the story origin's paragraph
    /// carrying it, or the page itself when only the story's versions carry it.
    story_href: Option<String>,
}

/// The notes beside one paragraph.
pub(crate) struct Margin<'a> {
    /// Paragraphs of the few other sources that carry a passage of it, once each.
    pub xrefs: Vec<XrefView<'a>>,
    /// Its widely carried passages, one note per first carriers and place on the story page.
    pub wide: Vec<WideNote<'a>>,
}

/// A cross-reference before it is shown: sorted by the other source's place in its story.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Xref {
    order: usize,
    source: usize,
    block: usize,
    kind: ReuseKind,
}

/// The notes beside block `block` of source `source`, for a page `root` away from the site root.
pub(crate) fn margin<'a>(
    corpus: &'a Corpus,
    coverage: &Coverage<'_>,
    stories: &[Story],
    source: usize,
    block: usize,
    root: &str,
) -> Margin<'a> {
    let view = |x: &Xref| {
        let other = &corpus.sources[x.source];
        XrefView {
            outlet: &other.meta.outlet,
            title: &other.meta.title,
            number: x.block + 1,
            href: format!("{root}sources/{}.html#p{}", other.slug, x.block + 1),
            kind: x.kind.as_str(),
        }
    };
    let mut xrefs: Vec<Xref> = Vec::new();
    // Each note with what makes it one: its named sources and its link.
    let mut wide: Vec<(Vec<usize>, WideNote<'a>)> = Vec::new();
    for passage in coverage.passages(source, block) {
        let cluster = coverage.cluster(passage.cluster);
        let facts = coverage.facts(passage.cluster);
        let member = passage.member as usize;
        let others = facts.sources - 1;
        if others <= NAMED_CARRIERS {
            for (m, other) in cluster.members.iter().enumerate() {
                let at = &other.sentence;
                if at.source != source {
                    let order = coverage.position[at.source];
                    let kind = cluster.pair_kind(member, m);
                    xrefs.push(Xref { order, source: at.source, block: at.block, kind });
                }
            }
            continue;
        }
        let named: Vec<Xref> = facts
            .first_carriers
            .iter()
            .map(|&m| (m as usize, &cluster.members[m as usize].sentence))
            .filter(|(_, at)| at.source != source)
            .take(NAMED_CARRIERS)
            .map(|(m, at)| Xref { order: 0, source: at.source, block: at.block, kind: cluster.pair_kind(member, m) })
            .collect();
        let story_index = coverage.story_of[source];
        let story = &stories[story_index];
        let story_href = (story.sources.len() > 1)
            .then(|| match coverage.first_block_in(passage.cluster, story.origin) {
                Some(k) => Some(format!("{root}stories/{}.html#p{}", story.id, k + 1)),
                None if coverage.only_in_story(passage.cluster, story_index) => {
                    Some(format!("{root}stories/{}.html", story.id))
                }
                None => None,
            })
            .flatten();
        let named_sources: Vec<usize> = named.iter().map(|x| x.source).collect();
        let same = wide.iter_mut().find(|(n, note)| *n == named_sources && note.story_href == story_href);
        if let Some((_, note)) = same {
            note.sources = note.sources.max(others);
            note.fewest = note.fewest.min(others);
            note.more = note.sources - note.named.len();
            note.kind = note.kind.min(passage.kind);
            continue;
        }
        let note = WideNote {
            sources: others,
            fewest: others,
            more: others - named.len(),
            named: named.iter().map(view).collect(),
            kind: passage.kind,
            story_href,
        };
        wide.push((named_sources, note));
    }
    xrefs.sort();
    // One cross-reference per other paragraph, keeping its strongest kind.
    xrefs.dedup_by(|later, earlier| (later.source, later.block) == (earlier.source, earlier.block));
    Margin { xrefs: xrefs.iter().map(view).collect(), wide: wide.into_iter().map(|(_, note)| note).collect() }
}

fn kind_name<S: serde::Serializer>(kind: &ReuseKind, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(kind.as_str())
}
