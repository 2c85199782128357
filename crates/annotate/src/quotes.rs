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
//! quoted speakers end in (`across_sources`). What both steps build, the quotations and
//! their reports, is in `quotation`.

mod about;
mod across_sources;
mod attribution;
mod marks;
mod names;
mod people;
mod phrase;
mod pronouns;
mod quotation;
mod reading;
mod source;
mod speaker;
mod verbs;

use corpus::Corpus;

use crate::mentions::Mention;
use crate::reuse::ReuseCluster;
use crate::stories::Story;

pub(crate) use across_sources::group;
pub use marks::{QuotedSpan, quoted_spans};
pub use names::is_title;
pub use quotation::{NamedSpeaker, Quotations, Quote, QuotePart, QuoteReport, QuotedPhrase};
pub(crate) use source::{SourceQuotes, of_source};

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
