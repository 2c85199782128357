//! briefing.json's `quotes`: every quotation with its reports, each distinct wording written
//! once (a quotation carried by 1,000 sources in the same words has one text, not 1,000).

use std::collections::HashMap;

use rayon::prelude::*;
use serde::Serialize;

use annotate::quotes::{NamedSpeaker, Quote};
use corpus::Corpus;

use super::reuse::paragraph_id;

#[derive(Serialize)]
pub(super) struct QuoteExport<'a> {
    speaker: Option<&'a str>,
    speaker_text: Option<&'a str>,
    /// The speaker named outside the catalogue, when there is one (absent otherwise).
    #[serde(skip_serializing_if = "Option::is_none")]
    named: Option<Named<'a>>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    named: Option<Named<'a>>,
}

/// A speaker named outside the catalogue: `key` is the folded name, equal for one speaker
/// in every source.
#[derive(Serialize)]
struct Named<'a> {
    key: String,
    name: &'a str,
    title: Option<&'a str>,
    description: Option<&'a str>,
}

impl<'a> Named<'a> {
    fn of(named: &'a NamedSpeaker) -> Named<'a> {
        Named {
            key: named.key(),
            name: &named.name,
            title: named.title.as_deref(),
            description: named.description.as_deref(),
        }
    }
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
                named: r.named.as_ref().map(Named::of),
            }
        })
        .collect();
    QuoteExport {
        speaker: quote.speaker.map(|e| corpus.entities[e].id.as_str()),
        speaker_text: quote.speaker_text.as_deref(),
        named: quote.named.as_ref().map(Named::of),
        wordings,
        reports,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixture::Fixture;

    #[test]
    fn a_named_speaker_is_exported_with_each_quotation_and_report_and_absent_otherwise() {
        let fixture = Fixture::nadler();
        let exported = serde_json::to_value(quotes(&fixture.corpus, &fixture.annotations.quotations.quotes)).unwrap();
        let bill = &exported[fixture.quote("The bill will pass")];
        let nadler = serde_json::json!({
            "key": "jerry nadler", "name": "Jerry Nadler", "title": "Rep.", "description": "a Democrat from New York"
        });
        assert_eq!(bill["named"], nadler);
        assert_eq!(bill["reports"][0]["named"], nadler);
        assert_eq!(bill["speaker"], serde_json::Value::Null);
        assert!(bill.as_object().unwrap().contains_key("speaker_text"), "the words as written stay");
        let hearings = &exported[fixture.quote("The committee will hold")];
        assert_eq!(hearings["reports"][0]["named"]["title"], serde_json::Value::Null);
        let official = exported[fixture.quote("We have the votes")].as_object().unwrap();
        assert!(!official.contains_key("named"), "no named speaker, no field: {official:?}");
        assert!(!official["reports"][0].as_object().unwrap().contains_key("named"));
    }
}
