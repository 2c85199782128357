//! The same quotation in several sources, found through the text-reuse links and made one
//! quotation with several reports, and a one-word name given the full name other sources
//! give. Each source is read alone first (`source`), so a source's edit costs only its own
//! reading; this runs over the whole corpus every time.

use std::collections::HashMap;

use corpus::Corpus;

use super::names;
use super::quotation::{NamedSpeaker, Quotations, Quote, QuoteReport};
use super::source::SourceQuotes;
use crate::disjoint_sets::DisjointSets;
use crate::reuse::{ReuseCluster, SentenceRef};
use crate::stories::Story;

/// The quotations of the corpus from each source's own ([`of_source`](super::of_source), in
/// source order): the reports of one quotation in several sources are found through the
/// reuse clusters.
pub(crate) fn group(
    corpus: &Corpus,
    per_source: impl IntoIterator<Item = SourceQuotes>,
    reuse: &[ReuseCluster],
    stories: &[Story],
) -> Quotations {
    let mut phrases = Vec::new();
    let mut reports: Vec<QuoteReport> = Vec::new();
    for source in per_source {
        reports.extend(source.reports);
        phrases.extend(source.phrases);
    }
    join_surnames(&mut reports);
    // Which report holds each sentence touched by a quotation part.
    let mut by_sentence: HashMap<(usize, usize, usize), usize, foldhash::fast::FixedState> = HashMap::default();
    for (r, report) in reports.iter().enumerate() {
        for part in &report.parts {
            let block = &corpus.sources[report.source].blocks[part.block];
            for sentence in block.sentences.iter().filter(|x| x.start < part.range.end && part.range.start < x.end) {
                by_sentence.entry((report.source, part.block, sentence.start)).or_insert(r);
            }
        }
    }
    let mut sets = DisjointSets::new(reports.len());
    // The reports a cluster's members hold are one quotation: each joins the first.
    for cluster in reuse {
        let key = |x: &SentenceRef| (x.source, x.block, x.range.start);
        let mut reports_in = cluster.members.iter().filter_map(|m| by_sentence.get(&key(&m.sentence)).copied());
        if let Some(first) = reports_in.next() {
            reports_in.for_each(|other| sets.union(first, other));
        }
    }
    // Sources in story order, so the origin's report comes first.
    let mut rank = vec![0usize; corpus.sources.len()];
    for story in stories {
        for (position, &s) in story.sources.iter().enumerate() {
            rank[s] = position;
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for r in 0..reports.len() {
        groups.entry(sets.find(r)).or_default().push(r);
    }
    let mut quotes: Vec<Quote> = groups
        .into_values()
        .map(|mut members| {
            members.sort_by_key(|&r| (rank[reports[r].source], reports[r].source, reports[r].parts[0].block));
            let members: Vec<QuoteReport> = members.into_iter().map(|r| reports[r].clone()).collect();
            let named = members
                .iter()
                .find(|r| r.speaker.is_some())
                .or_else(|| members.iter().find(|r| r.named.is_some()))
                .or_else(|| members.iter().find(|r| r.speaker_text.is_some()));
            Quote {
                speaker: named.and_then(|r| r.speaker),
                speaker_text: named.and_then(|r| r.speaker_text.clone()),
                // The fullest name any report gives: "Jerry Nadler" over "Nadler".
                named: named.and_then(|r| r.named.as_ref()).map(|first| {
                    let same = |n: &&NamedSpeaker| n.name.ends_with(&first.name) || first.name.ends_with(&n.name);
                    let fullest =
                        members.iter().filter_map(|r| r.named.as_ref()).filter(same).max_by_key(|n| n.name.len());
                    fullest.unwrap_or(first).clone()
                }),
                reports: members,
            }
        })
        .collect();
    quotes.sort_by_key(|q| {
        let first = &q.reports[0];
        (corpus.sources[first.source].meta.published, first.source, first.parts[0].block, first.parts[0].range.start)
    });
    Quotations { quotes, phrases }
}

/// Gives a speaker named by one word in one source ("Nadler said") the full name another
/// source gives ("Rep. Jerry Nadler"), when the corpus's quoted speakers have exactly one
/// full name ending in that word. Titles and descriptions the report gives are kept.
fn join_surnames(reports: &mut [QuoteReport]) {
    use std::collections::BTreeMap;
    let mut full: BTreeMap<String, BTreeMap<String, &NamedSpeaker>> = BTreeMap::new();
    for named in reports.iter().filter_map(|r| r.named.as_ref()) {
        let words: Vec<&str> = named.name.split_whitespace().filter(|w| !names::is_suffix(w)).collect();
        // Keyed as written (lower case), not transliterated: "Мой" is not "Moy".
        if let (true, Some(last)) = (words.len() >= 2, words.last()) {
            full.entry(last.to_lowercase()).or_default().entry(named.key()).or_insert(named);
        }
    }
    let joined: Vec<Option<NamedSpeaker>> = reports
        .iter()
        .map(|r| {
            let named = r.named.as_ref().filter(|n| !n.name.contains(char::is_whitespace))?;
            let names = full.get(&named.name.to_lowercase()).filter(|names| names.len() == 1)?;
            let (_, whole) = names.first_key_value()?;
            Some(NamedSpeaker {
                name: whole.name.clone(),
                title: named.title.clone().or_else(|| whole.title.clone()),
                description: named.description.clone(),
            })
        })
        .collect();
    for (report, joined) in reports.iter_mut().zip(joined) {
        if joined.is_some() {
            report.named = joined;
        }
    }
}
