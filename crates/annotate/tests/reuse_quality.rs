//! Text reuse measured against gold labels for the seeds, and on edited copies.

mod common;

use std::collections::BTreeSet;

use annotate::{ReuseKind, ReuseOptions, reuse, stories};
use common::{corpus_of, seeds, source};

#[derive(serde::Deserialize)]
struct GoldSentence {
    source: String,
    text: String,
}

#[derive(serde::Deserialize)]
struct GoldPair {
    a: GoldSentence,
    b: GoldSentence,
    kind: String,
}

type Pair = ((String, String), (String, String));

fn ordered(a: (String, String), b: (String, String)) -> Pair {
    if a <= b { (a, b) } else { (b, a) }
}

fn gold() -> Vec<GoldPair> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/reuse-gold.yaml");
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn sentence_links_match_the_gold_labels() {
    let corpus = seeds();
    let links = reuse::detect(&corpus, &ReuseOptions::default());
    let sentence = |r: &annotate::SentenceRef| {
        let s = &corpus.sources[r.source];
        (s.slug.clone(), s.blocks[r.block].text[r.range.clone()].to_string())
    };
    let found: BTreeSet<Pair> = links.iter().map(|l| ordered(sentence(&l.a), sentence(&l.b))).collect();
    let gold = gold();
    let expected: BTreeSet<Pair> = gold
        .iter()
        .map(|g| ordered((g.a.source.clone(), g.a.text.clone()), (g.b.source.clone(), g.b.text.clone())))
        .collect();
    // Every gold sentence must exist in the cleaned seeds, or the labels have gone stale.
    let all: BTreeSet<(String, String)> = corpus
        .sources
        .iter()
        .flat_map(|s| {
            s.blocks
                .iter()
                .flat_map(move |b| b.sentences.iter().map(move |r| (s.slug.clone(), b.text[r.clone()].to_string())))
        })
        .collect();
    for (a, b) in &expected {
        assert!(
            all.contains(a) && all.contains(b),
            "gold pair refers to a sentence the cleaner no longer produces: {a:?} / {b:?}"
        );
    }
    let true_positives = found.intersection(&expected).count();
    let precision = true_positives as f64 / found.len().max(1) as f64;
    let recall = true_positives as f64 / expected.len().max(1) as f64;
    let kinds_agree = links
        .iter()
        .filter(|l| {
            let pair = ordered(sentence(&l.a), sentence(&l.b));
            gold.iter().any(|g| {
                ordered((g.a.source.clone(), g.a.text.clone()), (g.b.source.clone(), g.b.text.clone())) == pair
                    && g.kind == l.kind.as_str()
            })
        })
        .count();
    println!(
        "reuse on the seeds: {} gold pairs, {} found, {true_positives} correct; precision {precision:.3}, recall {recall:.3}; kind agrees on {kinds_agree} of {true_positives}",
        expected.len(),
        found.len()
    );
    for missed in expected.difference(&found) {
        println!("  missed: {} {:?}\n          {} {:?}", missed.0.0, missed.0.1, missed.1.0, missed.1.1);
    }
    for wrong in found.difference(&expected) {
        println!("  wrong:  {} {:?}\n          {} {:?}", wrong.0.0, wrong.0.1, wrong.1.0, wrong.1.1);
    }
    assert!(precision >= 0.95, "precision {precision:.3} below 0.95");
    assert!(recall >= 0.95, "recall {recall:.3} below 0.95");
}

#[test]
fn the_seeds_group_into_three_stories() {
    let corpus = seeds();
    let links = reuse::detect(&corpus, &ReuseOptions::default());
    let stories = stories::group(&corpus, &links);
    let slugs: Vec<Vec<&str>> =
        stories.iter().map(|s| s.sources.iter().map(|&i| corpus.sources[i].slug.as_str()).collect()).collect();
    assert_eq!(
        slugs,
        [
            vec!["2015-12-16-irish-times-kerry-moscow"],
            vec!["2016-07-14-straits-times-kerry-moscow", "2016-07-15-new-arab-kerry-moscow"],
            vec!["2016-09-01-bloomberg-putin-interview", "2016-09-02-sott-putin-interview"],
        ]
    );
    assert_eq!(stories[2].id, "2016-09-01-bloomberg-putin-interview", "the origin is the earliest, fullest version");
}

const ORIGINAL: &str = "Vladimir Putin said Russia and the U.S. are close to striking a deal on fighting terrorists in Syria, potentially a major step toward ending a civil war.

“We’re gradually, gradually heading in the right direction,” the Russian president said in an interview Thursday in the Pacific port city of Vladivostok.

The U.S. and Russia are intensifying efforts to find common ground in Syria, where multiple countries and different extremist and rebel groups have been battling each other for years.

Over the past few months, Kerry has held repeated meetings with his Russian counterpart Sergei Lavrov and, on occasion, Putin himself.

Russia has been pushing over the past year for a broad anti-terrorist coalition, so far without success.";

#[test]
fn a_lightly_edited_copy_still_links_to_its_original() {
    // Words changed, paragraphs merged and reordered, quotes restyled, boilerplate added.
    let copy = "Advertisement

Russia has been pushing over the past year for a broad anti-terror coalition, so far without any success. Over the past few months, John Kerry has held repeated meetings with his Russian counterpart Sergei Lavrov and, on occasion, Putin himself.

\"We're gradually, gradually heading in the right direction,\" the Russian president said in an interview Thursday in the Pacific port city of Vladivostok.

Vladimir Putin said Moscow and Washington are close to striking a deal on fighting terrorists in Syria, potentially a major step toward ending a civil war.

Share this article";
    let corpus = corpus_of(vec![
        source("original", "Bloomberg", "2016-09-01", ORIGINAL),
        source("copy", "Reprint Daily", "2016-09-03", copy),
        source(
            "other",
            "Other Times",
            "2016-09-02",
            "Heavy rain flooded the old town of Porto on Tuesday, closing schools and the metro.\n\nThe city council said repairs to the river wall would take several months and cost millions.",
        ),
    ]);
    let links = reuse::detect(&corpus, &ReuseOptions::default());
    let linked: BTreeSet<(usize, usize)> = links.iter().map(|l| (l.a.source, l.b.source)).collect();
    assert_eq!(linked, BTreeSet::from([(0, 1)]), "only the copy links to the original");
    assert!(links.len() >= 4, "the four surviving sentences link: {links:?}");
    assert!(links.iter().any(|l| l.kind == ReuseKind::Verbatim), "the restyled quotation is verbatim");
    let stories = stories::group(&corpus, &links);
    assert_eq!(stories.iter().find(|s| s.sources.len() == 2).map(|s| s.id.as_str()), Some("original"));
}

#[test]
fn a_shared_quotation_links_sentences_that_otherwise_differ() {
    let a = "“One of the key problems is that the healthy part of the opposition should be separated,” Putin told reporters in Vladivostok on Thursday, before flying on to the summit in China where he was due to meet the Turkish president.";
    let b = "Russia's leader, who has backed the government in Damascus since last September and often accuses Washington of shielding extremists, said: “One of the key problems is that the healthy part of the opposition should be separated.”";
    let corpus = corpus_of(vec![source("a", "A", "2016-09-01", a), source("b", "B", "2016-09-01", b)]);
    let links = reuse::detect(&corpus, &ReuseOptions::default());
    assert_eq!(links.iter().map(|l| l.kind).collect::<Vec<_>>(), [ReuseKind::Quote], "{links:?}");
}

#[test]
fn sources_with_nothing_in_common_get_no_link() {
    let corpus = seeds();
    let links = reuse::detect(&corpus, &ReuseOptions::default());
    let irish = corpus.sources.iter().position(|s| s.slug == "2015-12-16-irish-times-kerry-moscow").unwrap();
    assert!(links.iter().all(|l| l.a.source != irish && l.b.source != irish), "004 shares nothing");
    let september = |i: usize| corpus.sources[i].meta.published.month == 9;
    assert!(links.iter().all(|l| september(l.a.source) == september(l.b.source)), "no link across stories");
}

#[test]
fn stock_phrases_shared_by_many_sources_create_no_links() {
    let stock = "The views expressed in this article are the author's own and do not reflect the editorial policy of this outlet.";
    let topics = [
        "rain in Porto",
        "elections in Chile",
        "a strike in Lyon",
        "a bridge in Oslo",
        "wildfires in Greece",
        "a festival in Kyoto",
    ];
    let sources = topics
        .iter()
        .enumerate()
        .map(|(i, topic)| {
            let text = format!("Reporters covered {topic} on day {i} with new details every hour.\n\n{stock}");
            source(&format!("s{i}"), "Outlet", "2016-09-01", &text)
        })
        .collect();
    let corpus = corpus_of(sources);
    let options = ReuseOptions { df_cap: 5, ..ReuseOptions::default() };
    assert!(reuse::detect(&corpus, &options).is_empty(), "a phrase in more sources than the cap proposes nothing");
}

/// Alignments kept between runs give the links a fresh run gives, after an edit too, and
/// only the pairs whose sources did not change are taken from the cache.
#[test]
fn cached_alignments_give_the_links_of_a_fresh_run() {
    let options = ReuseOptions::default();
    let mut cache = reuse::AlignmentCache::default();
    let corpus = seeds();
    let first = reuse::detect_cached(&corpus, &options, &mut cache);
    assert_eq!(first, reuse::detect(&corpus, &options));
    assert_eq!(cache.reused, 0);

    let again = reuse::detect_cached(&corpus, &options, &mut cache);
    assert_eq!(again, first);
    assert!(cache.reused > 1, "every pair reused: {}", cache.reused);
    let pairs = cache.reused;

    // Drop a sentence from one source: its pairs are aligned again, the others reused.
    let mut edited = corpus.clone();
    let source = edited.sources.iter_mut().find(|s| s.slug.contains("straits-times")).expect("the Straits Times seed");
    let block = source.blocks.iter_mut().find(|b| b.sentences.len() > 1).expect("a paragraph of two sentences");
    let cut = block.sentences[0].end;
    block.text = block.text[cut..].trim_start().to_string();
    block.sentences = corpus::sentences::split(&block.text);
    let after = reuse::detect_cached(&edited, &options, &mut cache);
    assert_eq!(after, reuse::detect(&edited, &options));
    assert!(cache.reused < pairs, "the edited source's pairs were aligned again");
    assert_ne!(after, first);
}
