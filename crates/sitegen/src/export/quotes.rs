//! briefing.json's `quotes`: every quotation with its reports, each distinct wording written
//! once (a quotation carried by 1,000 sources in the same words has one text, not 1,000).

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use annotate::quotes::Quote;
use corpus::Corpus;

use super::reuse::paragraph_id;

#[derive(Serialize)]
pub(super) struct QuoteExport<'a> {
    speaker: Option<&'a str>,
    speaker_text: Option<&'a str>,
    /// The distinct wordings (parts joined with " … "), in order of first report: the first
    /// report's words are `wordings[0]`.
    wordings: Vec<String>,
    reports: Vec<Report<'a>>,
}

#[derive(Serialize)]
struct Report<'a> {
    source: &'a str,
    /// The paragraph of the report's first part.
    paragraph: String,
    /// This report's words: an index into `wordings`.
    wording: usize,
    speaker_text: Option<&'a str>,
}

/// The quotations, in order, made on every core.
pub(super) fn quotes<'a>(corpus: &'a Corpus, quotes: &'a [Quote]) -> Vec<QuoteExport<'a>> {
    quotes.par_iter().map(|quote| export_quote(corpus, quote)).collect()
}

fn export_quote<'a>(corpus: &'a Corpus, quote: &'a Quote) -> QuoteExport<'a> {
    let mut wordings: Vec<String> = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    let reports = quote
        .reports
        .iter()
        .map(|r| {
            let text = r.text(corpus);
            let wording = match index_of.get(&text) {
                Some(&index) => index,
                None => {
                    wordings.push(text.clone());
                    index_of.insert(text, wordings.len() - 1);
                    wordings.len() - 1
                }
            };
            Report {
                source: &corpus.sources[r.source].slug,
                paragraph: paragraph_id(r.parts[0].block),
                wording,
                speaker_text: r.speaker_text.as_deref(),
            }
        })
        .collect();
    QuoteExport {
        speaker: quote.speaker.map(|e| corpus.entities[e].id.as_str()),
        speaker_text: quote.speaker_text.as_deref(),
        wordings,
        reports,
    }
}
