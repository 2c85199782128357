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

/// A sentence pair read from the clusters.
struct Link {
    a: annotate::SentenceRef,
    b: annotate::SentenceRef,
    kind: ReuseKind,
}

impl std::fmt::Debug for Link {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}-{:?} {:?}", self.a.position(), self.b.position(), self.kind)
    }
}

/// Every pair of sentences of different sources the clusters hold.
fn links_of(clusters: &[annotate::ReuseCluster]) -> Vec<Link> {
    reuse::pairs(clusters).into_iter().map(|(a, b, kind)| Link { a, b, kind }).collect()
}

fn detect(corpus: &corpus::Corpus, options: &ReuseOptions) -> Vec<Link> {
    links_of(&reuse::detect(corpus, options))
}

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
    let clusters = reuse::detect(&corpus, &ReuseOptions::default());
    let links = links_of(&clusters);
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
    let stories = stories::group(&corpus, &reuse::detect(&corpus, &ReuseOptions::default()));
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
    let clusters = reuse::detect(&corpus, &ReuseOptions::default());
    let links = links_of(&clusters);
    let linked: BTreeSet<(usize, usize)> = links.iter().map(|l| (l.a.source, l.b.source)).collect();
    assert_eq!(linked, BTreeSet::from([(0, 1)]), "only the copy links to the original");
    assert!(links.len() >= 4, "the four surviving sentences link: {links:?}");
    assert!(links.iter().any(|l| l.kind == ReuseKind::Verbatim), "the restyled quotation is verbatim");
    let stories = stories::group(&corpus, &clusters);
    assert_eq!(stories.iter().find(|s| s.sources.len() == 2).map(|s| s.id.as_str()), Some("original"));
}

#[test]
fn a_shared_quotation_links_sentences_that_otherwise_differ() {
    let a = "“One of the key problems is that the healthy part of the opposition should be separated,” Putin told reporters in Vladivostok on Thursday, before flying on to the summit in China where he was due to meet the Turkish president.";
    let b = "Russia's leader, who has backed the government in Damascus since last September and often accuses Washington of shielding extremists, said: “One of the key problems is that the healthy part of the opposition should be separated.”";
    let corpus = corpus_of(vec![source("a", "A", "2016-09-01", a), source("b", "B", "2016-09-01", b)]);
    let links = detect(&corpus, &ReuseOptions::default());
    assert_eq!(links.iter().map(|l| l.kind).collect::<Vec<_>>(), [ReuseKind::Quote], "{links:?}");
}

#[test]
fn sources_with_nothing_in_common_get_no_link() {
    let corpus = seeds();
    let links = detect(&corpus, &ReuseOptions::default());
    let irish = corpus.sources.iter().position(|s| s.slug == "2015-12-16-irish-times-kerry-moscow").unwrap();
    assert!(links.iter().all(|l| l.a.source != irish && l.b.source != irish), "004 shares nothing");
    let september = |i: usize| corpus.sources[i].meta.published.month == 9;
    assert!(links.iter().all(|l| september(l.a.source) == september(l.b.source)), "no link across stories");
}

/// Words of a made-up language, different for every `seed`: text no other source shares.
fn words(seed: usize, count: usize) -> String {
    const SYLLABLES: [&str; 16] =
        ["ka", "lo", "mi", "ren", "tus", "va", "dor", "pe", "si", "gal", "nu", "bri", "os", "te", "zam", "qui"];
    let mut state = (seed as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut next = || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (state >> 33) as usize
    };
    (0..count)
        .map(|_| (0..2 + next() % 2).map(|_| SYLLABLES[next() % 16]).collect::<String>())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `count` unrelated short articles, each on its own topic and day, with `extra` appended.
fn unrelated_sources(count: usize, extra: impl Fn(usize) -> String) -> Vec<corpus::Source> {
    (0..count)
        .map(|i| {
            let text = format!(
                "The {} of today.\n\nThe {} by evening.\n\n{}",
                words(2 * i, 14),
                words(2 * i + 1, 12),
                extra(i)
            );
            let date = format!("2016-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
            source(&format!("s{i:04}"), &format!("Outlet {}", i % 37), &date, &text)
        })
        .collect()
}

#[test]
fn stock_phrases_and_sign_offs_shared_by_many_sources_make_no_cluster() {
    let stock = [
        "The views expressed in this article are the author's own and do not reflect the editorial policy of this outlet.",
        "The ministry did not respond to a request for comment.",
        "Details were not immediately available.",
        "(Reporting by Maria Tsvetkova; Editing by Andrew Heavens)",
        "AP writer Matthew Lee contributed to this report.",
    ];
    let corpus = corpus_of(unrelated_sources(500, |i| format!("{}\n\n{}", stock[i % 5], stock[(i + 2) % 5])));
    let clusters = reuse::detect(&corpus, &ReuseOptions::default());
    let sizes: Vec<usize> = clusters.iter().map(|c| c.members.len()).collect();
    assert!(clusters.is_empty(), "clusters of these sizes: {sizes:?}");
    let stories = stories::group(&corpus, &clusters);
    assert_eq!(stories.len(), 500, "no story joins");
}

#[test]
fn one_text_carried_by_300_sources_is_one_story_of_one_cluster_per_sentence() {
    let mut sources: Vec<corpus::Source> = (0..300)
        .map(|i| {
            let day = 1 + i % 3;
            source(&format!("copy{i:03}"), &format!("Outlet {i}"), &format!("2016-09-{day:02}"), ORIGINAL)
        })
        .collect();
    sources.extend(unrelated_sources(50, |_| String::new()));
    let corpus = corpus_of(sources);
    let clusters = reuse::detect(&corpus, &ReuseOptions::default());
    // Every sentence of the text is a cluster of 300, one sentence from each copy.
    let first = &corpus.sources[0];
    let sentences = first.blocks.iter().map(|b| b.sentences.len()).sum::<usize>();
    let copies: Vec<_> = clusters.iter().filter(|c| c.kind == annotate::ClusterKind::Sentence).collect();
    assert_eq!(copies.len(), sentences, "one cluster per sentence");
    for cluster in &copies {
        assert_eq!((cluster.members.len(), cluster.source_count()), (300, 300));
        assert!(cluster.members.iter().all(|m| m.kind == ReuseKind::Verbatim && m.wording == 0));
    }
    let stories = stories::group(&corpus, &clusters);
    let big: Vec<_> = stories.iter().filter(|s| s.sources.len() > 1).collect();
    assert_eq!(big.len(), 1);
    assert_eq!(big[0].sources.len(), 300, "every copy in the story");
    assert_eq!(big[0].texts.len(), 1, "one text");
    assert_eq!(stories.len(), 51);
}

#[test]
fn one_outlets_standing_line_over_months_makes_no_cluster() {
    let promo = "Follow the Dunmore Courier's coverage of the Syrian war on our website and in our weekly newsletter.";
    let mut sources = unrelated_sources(40, |_| promo.to_string());
    sources.iter_mut().for_each(|s| s.meta.outlet = "The Dunmore Courier".to_string());
    let corpus = corpus_of(sources);
    assert!(reuse::detect(&corpus, &ReuseOptions::default()).is_empty(), "furniture of one outlet");
    // The same line carried by several outlets is a passage.
    let mut sources = unrelated_sources(40, |_| promo.to_string());
    sources[1].meta.outlet = "Another Outlet".to_string();
    let clusters = reuse::detect(&corpus_of(sources), &ReuseOptions::default());
    assert_eq!(clusters.iter().map(|c| c.members.len()).collect::<Vec<_>>(), [40]);
}

#[test]
fn stories_sharing_only_background_sentences_stay_apart() {
    let background = "The conflict, which began in 2011, has killed more than 280,000 people and displaced half of the country's population.\n\nWashington and Moscow back opposing sides in the war, with Russia providing air support to government forces since last September.";
    let mut sources = unrelated_sources(2, |_| String::new());
    for (i, source_) in sources.iter_mut().enumerate() {
        // Twelve sentences of its own, then the two background sentences.
        let own: Vec<String> = (0..12).map(|k| format!("The {}.", words(100 * i + k, 14))).collect();
        let text = format!("{}\n\n{background}", own.join("\n\n"));
        *source_ = source(&format!("story{i}"), &format!("Outlet {i}"), "2016-09-01", &text);
    }
    let corpus = corpus_of(sources);
    let clusters = reuse::detect(&corpus, &ReuseOptions::default());
    assert_eq!(clusters.len(), 2, "the two background sentences are passages");
    assert_eq!(stories::group(&corpus, &clusters).len(), 2, "but the stories stay apart");
}

#[test]
fn a_version_that_drops_the_origins_own_sentences_is_not_its_text() {
    let corpus = seeds();
    let stories = stories::group(&corpus, &reuse::detect(&corpus, &ReuseOptions::default()));
    let bloomberg = stories.iter().find(|s| s.id == "2016-09-01-bloomberg-putin-interview").expect("the story");
    // SOTT carries part of Bloomberg's article, which has passages no one else carries.
    assert_eq!(bloomberg.texts.len(), 2, "{:?}", bloomberg.texts);
}

#[test]
fn captions_make_no_cluster_even_where_the_cleaner_kept_them() {
    // Two outlets' captions of two meetings seven months apart: alike in wording, yet no
    // copy of each other. Set in the body as paragraphs, as if the cleaner had missed them.
    let captions = [
        "Russian President Vladimir Putin, right, shakes hands with U.S. Secretary of State John Kerry during their meeting in the Kremlin in Moscow, Russia, Tuesday, Dec. 15, 2015.",
        "Russian President Vladimir Putin, right, shakes hands with U.S. Secretary of State John Kerry during their meeting in the Kremlin in Moscow, Russia, Thursday, July 14, 2016.",
    ];
    let with_caption = |slug: &str, published: &str, text: &str, caption: &str| {
        let mut made = source(slug, slug, published, text);
        made.blocks.push(corpus::Block {
            kind: corpus::BlockKind::Paragraph,
            text: caption.to_string(),
            sentences: corpus::sentences::split(caption),
            attribution: None,
        });
        made
    };
    assert!(captions.iter().all(|c| corpus::is_caption(c)), "both are caption-shaped");
    let corpus = corpus_of(vec![
        with_caption("a", "2015-12-15", &words(1, 40), captions[0]),
        with_caption("b", "2015-12-16", &words(2, 40), captions[1]),
    ]);
    let links = detect(&corpus, &ReuseOptions::default());
    assert!(links.is_empty(), "captions are no passage: {links:?}");
    // A sentence of running text the two share does link.
    let shared = "Putin shook hands with Kerry in the Kremlin before talks on Syria that lasted more than three hours, officials said.";
    let corpus = corpus_of(vec![
        with_caption("a", "2015-12-15", &format!("{}\n\n{shared}", words(1, 40)), captions[0]),
        with_caption("b", "2015-12-16", &format!("{}\n\n{shared}", words(2, 40)), captions[1]),
    ]);
    assert_eq!(detect(&corpus, &ReuseOptions::default()).len(), 1, "only the shared sentence links");
}
