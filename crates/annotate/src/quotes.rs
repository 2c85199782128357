//! Quotations: every direct quotation, its speaker, and every source that carried it.
//!
//! A quoted span (`marks`) is a *full quotation* when it opens its sentence, follows a
//! colon, or runs to 8 words or more; shorter quoted words elsewhere ("constructive", "real
//! progress") are *phrases*, kept apart. Each source is read by itself (`source`): the
//! attribution beside a speech verb (`attribution`, `verbs`) gives a noun phrase
//! (`phrase`, `names`), which names a catalogue entity, a named person or body, a
//! description, or a pronoun; what it names within the source (`speaker`) may need the
//! people the source names in full (`people`) and who the text is about (`about`). The same
//! quotation in several sources is found through the text-reuse links and becomes one
//! quotation with several reports; a one-word name takes the one full name the corpus's
//! quoted speakers end in.

mod about;
mod attribution;
mod marks;
mod names;
mod people;
mod phrase;
mod pronouns;
mod reading;
mod source;
mod speaker;
mod verbs;

use std::collections::HashMap;
use std::ops::Range;

use corpus::Corpus;

use crate::disjoint_sets::DisjointSets;
use crate::{Mention, ReuseCluster, Story};
pub use marks::{QuotedSpan, quoted_spans};

/// Quoted spans shorter than this (and not opening a sentence) are phrases.
const FULL_QUOTE_WORDS: usize = 8;

/// Part of a quotation: the quoted words (without the marks) in one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotePart {
    /// Index of the block in its source.
    pub block: usize,
    /// Byte range of the quoted words in the block's text.
    pub range: Range<usize>,
}

/// One source's report of a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteReport {
    /// Index of the source.
    pub source: usize,
    /// The parts, in order.
    pub parts: Vec<QuotePart>,
    /// The speaker entity, when the catalogue has it.
    pub speaker: Option<usize>,
    /// The words naming the speaker in this source ("the Russian president", "a US
    /// official"), when known.
    pub speaker_text: Option<String>,
    /// The person named as the speaker when the catalogue does not have them ("Rep. Jerry
    /// Nadler"), with a surname or a pronoun resolved to the fullest name the source gives.
    pub named: Option<NamedSpeaker>,
}

/// A speaker named in the text but not in the catalogue: a person ("Rep. Jerry Nadler"), or
/// a body the attribution names like one ("Apple").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct NamedSpeaker {
    /// The name without titles or honorifics, at its fullest in the source: "Jerry Nadler".
    pub name: String,
    /// Titles and honorifics written before the name: "Rep.", "Kremlin spokesman".
    pub title: Option<String>,
    /// What the source says the speaker is, from an apposition: "a Democrat from New York
    /// and a Clinton ally".
    pub description: Option<String>,
}

/// Whether `title` (what stands before a name) is a title a name is written with: one
/// capitalised word that is an honorific or a role ("Rep.", "Dr", "President", "Prince"),
/// not a description ("veteran industry analyst", "Kremlin spokesman").
pub fn is_title(title: &str) -> bool {
    let title = title.trim();
    !title.contains(char::is_whitespace) && names::capitalised(title) && names::is_role(title)
}

impl NamedSpeaker {
    /// The name folded for comparison (lower case, no accents, single spaces): two
    /// speakers with the same key are one speaker, within a source and across sources.
    pub fn key(&self) -> String {
        names::fold(&self.name)
    }
}

/// A quotation, with every source that carried it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The speaker entity, when known and catalogued.
    pub speaker: Option<usize>,
    /// How the first report names the speaker.
    pub speaker_text: Option<String>,
    /// The named speaker outside the catalogue, from the first report that has one.
    pub named: Option<NamedSpeaker>,
    /// The reports, the story's origin first.
    pub reports: Vec<QuoteReport>,
}

/// A short quoted phrase or scare quote, kept apart from quotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotedPhrase {
    /// Index of the source.
    pub source: usize,
    /// Index of the block.
    pub block: usize,
    /// Byte range of the quoted words.
    pub range: Range<usize>,
}

/// Quotations and phrases of a corpus.
#[derive(Debug, Clone, Default)]
pub struct Quotations {
    /// Full quotations, ordered by their first report's source and position.
    pub quotes: Vec<Quote>,
    /// Short quoted phrases.
    pub phrases: Vec<QuotedPhrase>,
}

impl QuoteReport {
    /// The quoted words of every part, joined with " … ".
    pub fn text(&self, corpus: &Corpus) -> String {
        let source = &corpus.sources[self.source];
        let parts: Vec<&str> = self.parts.iter().map(|p| source.blocks[p.block].text[p.range.clone()].trim()).collect();
        parts.join(" … ")
    }
}

fn word_count(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count()
}

/// Whether quoted words are the title of a work rather than speech: two or more words, every
/// word of four letters or more capitalised, no full stop, "!" or "?" ("Wild Rose",
/// "Financial Freedom: A Proven Path to All the Money You Will Ever Need,").
fn names_a_work(text: &str) -> bool {
    let words: Vec<&str> =
        text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’').filter(|w| !w.is_empty()).collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    words.len() >= 2
        && words.iter().filter(|w| w.chars().count() >= 4).all(&capitalised)
        && words.iter().filter(|w| capitalised(w)).count() >= 2
        && !text.trim_end_matches([',', ' ']).contains(['.', '!', '?'])
}

/// Extracts every quotation of the corpus and joins the reports of the same quotation.
pub fn extract(corpus: &Corpus, mentions: &[Mention], reuse: &[ReuseCluster], stories: &[Story]) -> Quotations {
    // Sources are read on every core, each into its own reports and phrases, put together
    // in corpus order.
    use rayon::prelude::*;
    let per_source: Vec<SourceQuotes> = (0..corpus.sources.len())
        .into_par_iter()
        .map(|s| {
            // Mentions are ordered by source: hand each source its own, so the work stays
            // linear in the corpus.
            let from = mentions.partition_point(|m| m.source < s);
            let to = mentions.partition_point(|m| m.source <= s);
            of_source(corpus, s, &mentions[from..to])
        })
        .collect();
    group(corpus, per_source, reuse, stories)
}

/// What one source says by itself: its reports of quotations and its quoted phrases.
#[derive(Debug, Clone)]
pub(crate) struct SourceQuotes {
    /// Every quotation the source reports, with whom it is attributed to.
    pub(crate) reports: Vec<QuoteReport>,
    /// Short quoted phrases and scare quotes, kept apart from the quotations.
    pub(crate) phrases: Vec<QuotedPhrase>,
}

impl SourceQuotes {
    /// The same, said by the source numbered `s`.
    pub(crate) fn renumber(&mut self, s: usize) {
        self.reports.iter_mut().for_each(|r| r.source = s);
        self.phrases.iter_mut().for_each(|p| p.source = s);
    }
}

/// The quotations of source `s`, whose mentions are `mentions`.
pub(crate) fn of_source(corpus: &Corpus, s: usize, mentions: &[Mention]) -> SourceQuotes {
    let mut phrases = Vec::new();
    let reports = source::source_quotes(corpus, s, mentions, &mut phrases);
    SourceQuotes { reports, phrases }
}

/// The quotations of the corpus from each source's own ([`of_source`], in source order): the
/// reports of one quotation in several sources are found through the reuse clusters.
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
    names::join_surnames(&mut reports);
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
        let key = |x: &crate::SentenceRef| (x.source, x.block, x.range.start);
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
