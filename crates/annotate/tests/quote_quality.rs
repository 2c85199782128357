//! Quotations and their speakers measured against gold labels for the seeds.

mod common;

use std::collections::BTreeSet;

use annotate::{EntityMatcher, annotate};
use common::seeds;

#[derive(serde::Deserialize)]
struct GoldPart {
    paragraph: String,
    text: String,
}

#[derive(serde::Deserialize)]
struct GoldQuote {
    source: String,
    parts: Vec<GoldPart>,
    speaker: Option<String>,
    speaker_text: Option<String>,
}

#[derive(serde::Deserialize)]
struct GoldPhrase {
    source: String,
    paragraph: String,
    text: String,
}

fn load<T: serde::de::DeserializeOwned>(name: &str) -> T {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// A quotation as (source, [(paragraph, words)]).
type Key = (String, Vec<(String, String)>);

#[test]
fn quotations_and_speakers_match_the_gold_labels() {
    let corpus = seeds();
    let annotations = annotate(&corpus, &EntityMatcher::new(&corpus.entities));
    // Every predicted report, with its speaker: (entity id, words).
    let predicted: Vec<(Key, Option<String>, Option<String>)> = annotations
        .quotations
        .quotes
        .iter()
        .flat_map(|q| q.reports.iter())
        .map(|r| {
            let source = &corpus.sources[r.source];
            let parts = r
                .parts
                .iter()
                .map(|p| (format!("p{}", p.block + 1), source.blocks[p.block].text[p.range.clone()].trim().to_string()))
                .collect();
            ((source.slug.clone(), parts), r.speaker.map(|e| corpus.entities[e].id.clone()), r.speaker_text.clone())
        })
        .collect();
    let gold: Vec<GoldQuote> = load("quotes-gold.yaml");
    let mut correct = 0;
    let mut wrong_person = Vec::new();
    let mut missed = Vec::new();
    for g in &gold {
        let key: Key =
            (g.source.clone(), g.parts.iter().map(|p| (p.paragraph.clone(), p.text.trim().to_string())).collect());
        match predicted.iter().find(|(k, _, _)| *k == key) {
            None => missed.push(format!("{} {:?}", g.source, key.1)),
            Some((_, entity, words)) => {
                let same_speaker = match (&g.speaker, entity) {
                    (Some(a), Some(b)) => a == b,
                    (None, None) => match (&g.speaker_text, words) {
                        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                        (None, None) => true,
                        _ => false,
                    },
                    _ => false,
                };
                if same_speaker {
                    correct += 1;
                } else {
                    let line = format!(
                        "{} {:?}: gold {:?}/{:?}, found {entity:?}/{words:?}",
                        g.source, key.1[0].0, g.speaker, g.speaker_text
                    );
                    if entity.is_some() {
                        wrong_person.push(line);
                    } else {
                        missed.push(line);
                    }
                }
            }
        }
    }
    let gold_keys: BTreeSet<Key> = gold
        .iter()
        .map(|g| (g.source.clone(), g.parts.iter().map(|p| (p.paragraph.clone(), p.text.trim().to_string())).collect()))
        .collect();
    let extra: Vec<&Key> = predicted.iter().map(|(k, _, _)| k).filter(|k| !gold_keys.contains(*k)).collect();
    let precision = correct as f64 / predicted.len().max(1) as f64;
    let recall = correct as f64 / gold.len().max(1) as f64;
    println!(
        "quotations on the seeds: {} gold, {} found, {correct} with the right speaker; precision {precision:.3}, recall {recall:.3}; {} attributed to the wrong person",
        gold.len(),
        predicted.len(),
        wrong_person.len()
    );
    for line in &missed {
        println!("  missed: {line}");
    }
    for key in &extra {
        println!("  not in gold: {key:?}");
    }
    for line in &wrong_person {
        println!("  WRONG PERSON: {line}");
    }
    assert!(wrong_person.is_empty(), "no quotation may be attributed to the wrong person");
    assert!(precision >= 0.9, "precision {precision:.3} below 0.9");
    assert!(recall >= 0.9, "recall {recall:.3} below 0.9");
}

#[test]
fn short_quoted_phrases_are_kept_apart() {
    let corpus = seeds();
    let annotations = annotate(&corpus, &EntityMatcher::new(&corpus.entities));
    let found: BTreeSet<(String, String, String)> = annotations
        .quotations
        .phrases
        .iter()
        .map(|p| {
            let source = &corpus.sources[p.source];
            (source.slug.clone(), format!("p{}", p.block + 1), source.blocks[p.block].text[p.range.clone()].to_string())
        })
        .collect();
    let gold: Vec<GoldPhrase> = load("quote-phrases-gold.yaml");
    let expected: BTreeSet<(String, String, String)> =
        gold.into_iter().map(|g| (g.source, g.paragraph, g.text)).collect();
    println!(
        "phrases: {} gold, {} found, {} correct",
        expected.len(),
        found.len(),
        found.intersection(&expected).count()
    );
    assert_eq!(found, expected);
}

#[test]
fn a_quotation_reported_by_two_sources_is_one_quote() {
    let corpus = seeds();
    let annotations = annotate(&corpus, &EntityMatcher::new(&corpus.entities));
    let slug = |s: usize| corpus.sources[s].slug.as_str();
    let shared = annotations
        .quotations
        .quotes
        .iter()
        .find(|q| q.reports.iter().any(|r| r.text(&corpus).starts_with("Only the Syrian people define")))
        .expect("Assad's quotation");
    let sources: Vec<&str> = shared.reports.iter().map(|r| slug(r.source)).collect();
    assert_eq!(sources, ["2016-07-14-straits-times-kerry-moscow", "2016-07-15-new-arab-kerry-moscow"]);
    assert_eq!(shared.speaker.map(|e| corpus.entities[e].id.as_str()), Some("bashar-al-assad"));
    let wording: BTreeSet<String> = shared.reports.iter().map(|r| r.text(&corpus)).collect();
    assert_eq!(wording.len(), 2, "the two outlets' quotation marks and apostrophes differ: {wording:?}");
}
