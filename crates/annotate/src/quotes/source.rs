//! The quotations of one source, read paragraph by paragraph, each with its speaker.
//!
//! The speaker comes from the attribution in the quotation's sentence (`attribution`), or
//! the next sentence when the quotation's "!" or "?" ended its own ("“…!” Trump tweeted").
//! What the attribution names (`speaker`) may need who the text is about (`about`): "he" and
//! "she" are the person it is about, "it" and "they" the body. A quotation with no
//! attribution is a further part of the quotation before it in its paragraph; or, opening
//! its sentence, the voice of the person an earlier sentence of its paragraph named or
//! reported, or of the quotation ending the previous paragraph; or, opening its paragraph,
//! the speaker the previous paragraph led in with ("Nadler said:", "Erekat said it was only
//! the latest move."). Otherwise the speaker stays unknown.

use std::ops::Range;

use corpus::{BlockKind, Corpus};

use super::about::Topics;
use super::attribution;
use super::marks::has_marks;
use super::phrase::SpeakerPhrase;
use super::pronouns::Pronoun;
use super::quotation::{QuotePart, QuoteReport, QuotedPhrase};
use super::reading::SourceReading;
use super::speaker::{Context, Speaker, refers_back};
use crate::mentions::Mention;

/// Quoted spans shorter than this (and not opening a sentence) are phrases.
const FULL_QUOTE_WORDS: usize = 8;

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
    let reports = source_quotes(corpus, s, mentions, &mut phrases);
    SourceQuotes { reports, phrases }
}

/// Extracts the quotations of source `s`; `mentions` are that source's, ordered by block.
pub(crate) fn source_quotes(
    corpus: &Corpus,
    s: usize,
    mentions: &[Mention],
    phrases: &mut Vec<QuotedPhrase>,
) -> Vec<QuoteReport> {
    let source = &corpus.sources[s];
    if !source.blocks.iter().any(|b| b.kind == BlockKind::Paragraph && has_marks(&b.text)) {
        return Vec::new();
    }
    let readings = SourceReading::new(&source.blocks);
    let mut context = Context::new(corpus, s, &readings, mentions);
    let mut topics = Topics::default();
    let mut reports: Vec<QuoteReport> = Vec::new();
    // The speaker of the quotation ending the last paragraph, the quotation left open, and
    // the last paragraph when it quoted nothing (it may lead in to this one).
    let mut previous_paragraph_speaker: Option<Speaker> = None;
    let mut open: Option<usize> = None;
    let mut quiet_paragraph: Option<usize> = None;
    for (b, block) in source.blocks.iter().enumerate() {
        if block.kind != BlockKind::Paragraph {
            continue;
        }
        let text = &block.text;
        let spans = readings.spans(b);
        if spans.is_empty() {
            // "– Man**" after a review: a paragraph signing the quotation before it.
            let unsigned = reports.last_mut().filter(|r| {
                let last = r.parts.last().expect("a report has a part");
                !Speaker::of_report(r).known()
                    && source.blocks[last.block + 1..b].iter().all(|x| x.kind != BlockKind::Paragraph)
            });
            if let Some(report) = unsigned
                && let Some(sentence) = block.sentences.first()
                && let Some(found) =
                    attribution::signature(readings.block(b), sentence.clone(), &context.block_mentions(b))
            {
                let speaker = context.speaker(found, &None, &None);
                report.speaker = speaker.entity;
                report.speaker_text = speaker.text;
                report.named = speaker.named;
                previous_paragraph_speaker = None;
                quiet_paragraph = None;
                continue;
            }
            if open.is_none() {
                previous_paragraph_speaker = None;
                quiet_paragraph = Some(b);
            }
            continue;
        }
        let reading = readings.block(b);
        let block_mentions = context.block_mentions(b);
        let sentence_of = |at: usize| block.sentences.iter().position(|x| x.start <= at && at < x.end);
        let mut in_paragraph: Vec<usize> = Vec::new();
        let mut last_sentence_speaker: Option<Speaker> = None;
        for (si, sentence) in block.sentences.iter().enumerate() {
            for span in spans.iter().filter(|q| q.outer.end > sentence.start && q.outer.end <= sentence.end) {
                let part = QuotePart { block: b, range: span.inner.clone() };
                // A quotation left open by the last paragraph goes on here when this paragraph
                // begins with a quotation mark (or with its closing half).
                if let Some(r) = open.filter(|_| span.outer.start == 0) {
                    topics.quoted((b, sentence_of(span.inner.start).unwrap_or(si)));
                    reports[r].parts.push(part);
                    open = (!span.closed).then_some(r);
                    in_paragraph.push(r);
                    continue;
                }
                // A closing mark with no quotation open to close is a stray mark.
                if !span.opened {
                    continue;
                }
                let start = sentence_of(span.outer.start).unwrap_or(si);
                let start_sentence = &block.sentences[start];
                let opens =
                    span.outer.start <= start_sentence.start || text[..span.outer.start].trim_end().ends_with(':');
                let inner = &text[span.inner.clone()];
                if !(opens || word_count(inner) >= FULL_QUOTE_WORDS) {
                    phrases.push(QuotedPhrase { source: s, block: b, range: span.inner.clone() });
                    continue;
                }
                // A sentence quoting someone reports no speech of its own.
                topics.quoted((b, sentence_of(span.inner.start).unwrap_or(si)));
                let language = context.language.clone();
                let attribute = |within: &Range<usize>| {
                    attribution::speaker(reading, within.clone(), span.outer.clone(), &block_mentions, &language)
                };
                // "“…!” Trump tweeted" splits after the mark: the next sentence may attribute it.
                let exclaims = text[span.inner.clone()]
                    .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '’' | '\'' | '"' | '”' | '»' | ')'))
                    .ends_with(['!', '?']);
                let next = block.sentences.get(si + 1).filter(|n| {
                    let signed = text[(*n).clone()].trim_start().starts_with(['—', '–']);
                    (exclaims || signed) && text[span.outer.end..n.start].trim().is_empty()
                });
                let found = attribute(sentence)
                    .or_else(|| (start != si).then(|| attribute(start_sentence)).flatten())
                    .or_else(|| next.and_then(attribute));
                // "“Wild Rose”" alone, attributed to no one, is the title of a work.
                if found.is_none() && names_a_work(inner) {
                    phrases.push(QuotedPhrase { source: s, block: b, range: span.inner.clone() });
                    continue;
                }
                let speaker = match found {
                    Some(found) => {
                        // Only a pronoun or a phrase referring back needs who the text is about.
                        let asks = matches!(&found, SpeakerPhrase::Pronoun(_))
                            || matches!(&found, SpeakerPhrase::Text(words) if refers_back(words));
                        let gendered = match &found {
                            SpeakerPhrase::Pronoun(words) => Pronoun::of(words),
                            _ => None,
                        };
                        let (current, thing) =
                            if gendered.is_some() || asks && !matches!(&found, SpeakerPhrase::Pronoun(_)) {
                                let person = topics.person_for(&mut context, (b, si), gendered);
                                (person.or_else(|| topics.current(&mut context, (b, si))), None)
                            } else if asks {
                                (topics.current(&mut context, (b, si)), topics.thing(&mut context, (b, si)))
                            } else {
                                (None, None)
                            };
                        context.speaker(found, &current, &thing)
                    }
                    None => {
                        if let Some(&r) = in_paragraph.last() {
                            // A further part of the quotation before it in this paragraph.
                            reports[r].parts.push(part);
                            if !span.closed {
                                open = Some(r);
                            }
                            continue;
                        }
                        // Only a quotation opening its sentence carries a voice on.
                        let opening = span.outer.start <= start_sentence.start;
                        // Inside a sentence, a quotation is the voice of someone only when the
                        // sentence before reports them speaking.
                        let subject = if opening {
                            topics.paragraph_subject(&mut context, (b, start))
                        } else {
                            topics.reported_before(&mut context, (b, start))
                        };
                        match (subject, &previous_paragraph_speaker, quiet_paragraph) {
                            (Some(p), _, _) => p,
                            (None, Some(p), _) if opening => p.continued(),
                            (None, None, Some(quiet)) if span.outer.start == 0 => {
                                topics.lead_in(&mut context, quiet).unwrap_or_default()
                            }
                            _ => Speaker::default(),
                        }
                    }
                };
                if speaker.known() {
                    topics.attributed((b, si), speaker.clone());
                }
                // "“After two more years of this,” Doctor asks, “what kind of products …?”": one
                // attribution between two halves of its sentence makes one quotation.
                let halves = in_paragraph.last().copied().filter(|&r| {
                    let last = reports[r].parts.last().expect("a report has a part");
                    last.block == b
                        && last.range.end >= sentence.start
                        && speaker.text.is_some()
                        && reports[r].speaker_text == speaker.text
                        && reports[r].speaker == speaker.entity
                        && reports[r].named == speaker.named
                });
                if let Some(r) = halves {
                    reports[r].parts.push(part);
                    if !span.closed {
                        open = Some(r);
                    }
                    continue;
                }
                reports.push(QuoteReport {
                    source: s,
                    parts: vec![part],
                    speaker: speaker.entity,
                    speaker_text: speaker.text,
                    named: speaker.named,
                });
                in_paragraph.push(reports.len() - 1);
                if !span.closed {
                    open = Some(reports.len() - 1);
                }
            }
            if si + 1 == block.sentences.len() {
                last_sentence_speaker = in_paragraph
                    .last()
                    .filter(|&&r| reports[r].parts.iter().any(|p| p.block == b && p.range.end > sentence.start))
                    .map(|&r| Speaker::of_report(&reports[r]));
            }
        }
        previous_paragraph_speaker =
            last_sentence_speaker.or_else(|| in_paragraph.last().map(|&r| Speaker::of_report(&reports[r])));
        quiet_paragraph = None;
        if open.is_none() && in_paragraph.is_empty() {
            previous_paragraph_speaker = None;
            quiet_paragraph = Some(b);
        }
    }
    reports
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
