//! Groups of sentences made into [`ReuseCluster`]s: the origin chosen, each member's
//! wording numbered and its kind against the origin scored. Linear in the members.

use std::collections::HashMap;

use foldhash::fast::FixedState;

use corpus::Corpus;

use super::cluster::{ClusterKind, ClusterMember, ReuseCluster, ReuseKind, SentenceRef};
use super::sentence::Sentence;
use super::similarity::{quote_similarity, similarity};

/// One outlet's sentence carried by its own articles more than this many days apart is the
/// outlet's furniture (a promotion, a standing line), not coverage of one story.
const FURNITURE_DAYS: i64 = 7;

/// The cluster of the sentences `members` (indexes into `sentences`), or `None` when they
/// all come from one source, or are one outlet's furniture.
pub fn cluster(corpus: &Corpus, sentences: &[Sentence], kind: ClusterKind, members: &[usize]) -> Option<ReuseCluster> {
    let source = |m: usize| &corpus.sources[sentences[m].source as usize];
    let first_source = sentences[*members.first()?].source;
    if members.iter().all(|&m| sentences[m].source == first_source) {
        return None;
    }
    let outlet = &source(members[0]).meta.outlet;
    if members.iter().all(|&m| source(m).meta.outlet == *outlet) {
        let days = members.iter().map(|&m| source(m).meta.published.days_since_epoch());
        let (first, last) = (days.clone().min().expect("not empty"), days.max().expect("not empty"));
        if last - first > FURNITURE_DAYS {
            return None;
        }
    }
    // The earliest carrier; sentences are in corpus order, so the index breaks ties.
    let origin = *members.iter().min_by_key(|&&m| (source(m).meta.published, m)).expect("not empty");
    let mut ordered: Vec<usize> = members.iter().copied().filter(|&m| m != origin).collect();
    ordered.sort_unstable();
    ordered.insert(0, origin);
    let mut wordings: HashMap<&[u64], u32, FixedState> = HashMap::default();
    let origin_tokens = &sentences[origin].tokens;
    let members = ordered
        .into_iter()
        .map(|m| {
            let sentence = &sentences[m];
            let next = wordings.len() as u32;
            let wording = *wordings.entry(&sentence.tokens).or_insert(next);
            let (member_kind, score) = if wording == 0 {
                (ReuseKind::Verbatim, 1.0)
            } else {
                match kind {
                    ClusterKind::Sentence => (ReuseKind::Near, similarity(origin_tokens, &sentence.tokens)),
                    ClusterKind::Quotation => (ReuseKind::Quote, quote_similarity(&sentences[origin], sentence)),
                }
            };
            ClusterMember {
                sentence: SentenceRef {
                    source: sentence.source as usize,
                    block: sentence.block as usize,
                    range: sentence.range.clone(),
                },
                kind: member_kind,
                score,
                wording,
            }
        })
        .collect();
    Some(ReuseCluster { kind, members })
}

/// Clusters in corpus order of their origins, then by kind.
pub fn sort(clusters: &mut [ReuseCluster]) {
    clusters.sort_by_key(|c| (c.origin().sentence.position(), c.kind));
}
