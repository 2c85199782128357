//! Quotation rules on small texts: parts, paragraphs, pronouns and unknown speakers.

mod common;

use annotate::{EntityMatcher, annotate};
use common::{corpus_of, seeds, source};

/// (speaker id or "?", speaker words, quoted text) of every report of `raw`.
fn quotes_of(raw: &str) -> Vec<(String, Option<String>, String)> {
    let mut corpus = corpus_of(vec![source("a", "Outlet", "2016-09-01", raw)]);
    corpus.entities = seeds().entities;
    let annotations = annotate(&corpus, &EntityMatcher::new(&corpus.entities));
    annotations
        .quotations
        .quotes
        .iter()
        .flat_map(|q| &q.reports)
        .map(|r| {
            (
                r.speaker.map_or("?".to_string(), |e| corpus.entities[e].id.clone()),
                r.speaker_text.clone(),
                r.text(&corpus),
            )
        })
        .collect()
}

#[test]
fn a_quotation_can_span_paragraphs() {
    let raw = "Putin said: “We will go on fighting terrorists in Syria for as long as it takes.\n\n“And we will not stop until the job is done,” he added.\n\nLavrov agreed.";
    let quotes = quotes_of(raw);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert_eq!(quotes[0].0, "vladimir-putin");
    assert!(quotes[0].2.contains(" … And we will not stop"), "{quotes:?}");
}

#[test]
fn he_said_resolves_to_the_person_the_text_is_about() {
    let raw = "Sitting across from him, Kerry agreed that Obama had found the call useful.\n\n“Hopefully, we’ll be able to make some genuine progress,” he said.";
    assert_eq!(quotes_of(raw)[0].0, "john-kerry", "the first person of the sentence before, not the last");
    let raw = "“We need a solution to this,” a senior US official said.\n\n“Time is short here,” he warned.";
    let quotes = quotes_of(raw);
    assert_eq!((quotes[1].0.as_str(), quotes[1].1.as_deref()), ("?", Some("a senior US official")));
}

#[test]
fn unknown_stays_unknown() {
    let quotes =
        quotes_of("The talks went on all night in Geneva.\n\n“Nothing has been agreed until everything is agreed.”");
    assert_eq!(quotes, [("?".to_string(), None, "Nothing has been agreed until everything is agreed.".to_string())]);
}

#[test]
fn continuing_parts_join_their_quotation() {
    let raw = "“The talks are very difficult,” Putin said. “One of the key problems is that we insist on separating the groups.”";
    let quotes = quotes_of(raw);
    assert_eq!(quotes.len(), 1);
    assert_eq!(
        quotes[0].2,
        "The talks are very difficult, … One of the key problems is that we insist on separating the groups."
    );
}
