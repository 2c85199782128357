//! Entity mentions measured against gold labels for the seeds.

mod common;

use std::collections::BTreeMap;
use std::ops::Range;

use annotate::{EntityMatcher, find_mentions};
use common::seeds;

#[derive(serde::Deserialize)]
struct GoldSpan {
    text: String,
    #[serde(default)]
    entity: Option<String>,
    #[serde(default = "first")]
    nth: usize,
    #[serde(default)]
    #[allow(dead_code)]
    why: Option<String>,
}

/// Predicted mentions of one paragraph: range, entity id, and whether a gold mention took it.
type Found = Vec<(Range<usize>, String, bool)>;

fn first() -> usize {
    1
}

#[derive(serde::Deserialize)]
struct GoldParagraph {
    source: String,
    paragraph: String,
    #[serde(default)]
    mentions: Vec<GoldSpan>,
    #[serde(default)]
    negatives: Vec<GoldSpan>,
}

/// The byte range of the `nth` occurrence of `needle` (plain substrings, as the labels count).
fn nth_occurrence(text: &str, needle: &str, nth: usize) -> Option<Range<usize>> {
    text.match_indices(needle).nth(nth - 1).map(|(at, _)| at..at + needle.len())
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

#[test]
fn mentions_match_the_gold_labels() {
    let corpus = seeds();
    let matcher = EntityMatcher::new(&corpus.entities);
    let predicted = find_mentions(&corpus, &matcher);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/mentions-gold.yaml");
    let gold: Vec<GoldParagraph> = serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();

    // Predicted mentions per (source, paragraph id): (range, entity id, matched yet?).
    let mut by_paragraph: BTreeMap<(String, String), Found> = BTreeMap::new();
    for m in &predicted {
        let key = (corpus.sources[m.source].slug.clone(), format!("p{}", m.block + 1));
        by_paragraph.entry(key).or_default().push((m.range.clone(), corpus.entities[m.entity].id.clone(), false));
    }
    let text_of = |source: &str, paragraph: &str| -> String {
        let s = corpus.sources.iter().find(|s| s.slug == source).unwrap_or_else(|| panic!("no source {source}"));
        let n: usize = paragraph[1..].parse().unwrap();
        s.blocks[n - 1].text.clone()
    };
    let mut gold_count = 0;
    let mut correct = 0;
    let mut missed = Vec::new();
    let mut negatives_linked = Vec::new();
    let mut negatives = 0;
    for entry in &gold {
        let text = text_of(&entry.source, &entry.paragraph);
        let key = (entry.source.clone(), entry.paragraph.clone());
        let found = by_paragraph.entry(key).or_default();
        for span in &entry.mentions {
            gold_count += 1;
            let range = nth_occurrence(&text, &span.text, span.nth).unwrap_or_else(|| {
                panic!("gold span {:?} #{} not in {} {}", span.text, span.nth, entry.source, entry.paragraph)
            });
            let entity = span.entity.as_deref().expect("a gold mention names its entity");
            match found.iter_mut().find(|(r, e, used)| !*used && e == entity && overlaps(r, &range)) {
                Some(hit) => {
                    hit.2 = true;
                    correct += 1;
                }
                None => missed.push(format!("{} {}: {:?} ({entity})", entry.source, entry.paragraph, span.text)),
            }
        }
        for span in &entry.negatives {
            negatives += 1;
            let range = nth_occurrence(&text, &span.text, span.nth).expect("negative span in its paragraph");
            if found.iter().any(|(r, _, _)| overlaps(r, &range) && text[r.clone()].len() <= span.text.len()) {
                negatives_linked.push(format!("{} {}: {:?}", entry.source, entry.paragraph, span.text));
            }
        }
    }
    let wrong: Vec<String> = by_paragraph
        .iter()
        .flat_map(|((source, paragraph), found)| {
            let text = text_of(source, paragraph);
            found
                .iter()
                .filter(|(_, _, used)| !used)
                .map(move |(r, e, _)| format!("{source} {paragraph}: {:?} ({e})", &text[r.clone()]))
                .collect::<Vec<_>>()
        })
        .collect();
    let precision = correct as f64 / predicted.len().max(1) as f64;
    let recall = correct as f64 / gold_count.max(1) as f64;
    println!(
        "entity mentions on the seeds: {gold_count} gold, {} found, {correct} correct; precision {precision:.3}, recall {recall:.3}; {} of {negatives} negatives linked",
        predicted.len(),
        negatives_linked.len()
    );
    for line in &missed {
        println!("  missed: {line}");
    }
    for line in &wrong {
        println!("  wrong:  {line}");
    }
    for line in &negatives_linked {
        println!("  negative linked: {line}");
    }
    assert!(negatives_linked.is_empty(), "spans that must not link were linked");
    assert!(precision >= 0.97, "precision {precision:.3} below 0.97");
    assert!(recall >= 0.97, "recall {recall:.3} below 0.97");
}
