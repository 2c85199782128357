//! The news shape: determinism, story sizes, dates and outlets, furniture against the
//! cleaner, text shared within and across stories, and scoring against the truth.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::OnceLock;

use corpusgen::{GeneratedSource, Options, Shape, b_cubed, generate, summarize, to_corpus, write_content};

mod common;
use common::{root, seeds, template};

fn news(sources: usize, seed: u64) -> Vec<GeneratedSource> {
    generate(&seeds(), &Options::news(sources, seed))
}

/// A 2,000-source news corpus and its cleaned form, shared by the tests that clean: cleaning
/// in a debug build takes seconds.
fn cleaned() -> &'static (Vec<GeneratedSource>, corpus::Corpus) {
    static CORPUS: OnceLock<(Vec<GeneratedSource>, corpus::Corpus)> = OnceLock::new();
    CORPUS.get_or_init(|| {
        let sources = news(2000, 9);
        let corpus = to_corpus(&sources, &template());
        assert!(sources.iter().zip(&corpus.sources).all(|(g, c)| g.slug == c.slug));
        (sources, corpus)
    })
}

fn by_story(sources: &[GeneratedSource]) -> BTreeMap<usize, Vec<&GeneratedSource>> {
    let mut stories: BTreeMap<usize, Vec<&GeneratedSource>> = BTreeMap::new();
    for s in sources {
        stories.entry(s.story).or_default().push(s);
    }
    stories
}

#[test]
fn options_constructors_pick_the_shape() {
    assert_eq!(Options::new(5, 1), Options { sources: 5, seed: 1, shape: Shape::Seeds });
    assert_eq!(Options::news(5, 1).shape, Shape::News);
    assert_eq!(Shape::default(), Shape::Seeds);
}

#[test]
fn same_seed_gives_byte_identical_output_and_another_seed_does_not() {
    let a = news(400, 42);
    assert_eq!(a, news(400, 42));
    assert_ne!(a, news(400, 43));
    let seeds_shape = generate(&seeds(), &Options::new(400, 42));
    assert_ne!(a, seeds_shape);
}

#[test]
fn exactly_n_sources_each_story_with_one_origin_and_numbered_versions() {
    for n in [0, 1, 2, 7, 250, 1000] {
        let sources = news(n, 7);
        assert_eq!(sources.len(), n);
        let slugs: HashSet<&str> = sources.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(slugs.len(), n);
        for s in &sources {
            assert!(s.slug.len() == 7 && s.slug.starts_with('s') && s.slug[1..].bytes().all(|b| b.is_ascii_digit()));
            corpus::Date::parse(&s.published).expect("valid date");
            assert!(!s.title.trim().is_empty() && !s.outlet.is_empty());
        }
        for versions in by_story(&sources).values() {
            let mut numbers: Vec<usize> = versions.iter().map(|s| s.version).collect();
            numbers.sort_unstable();
            assert_eq!(numbers, (0..versions.len()).collect::<Vec<_>>());
        }
    }
}

#[test]
fn versions_come_from_distinct_outlets_within_three_days() {
    let sources = news(3000, 3);
    let day = |s: &GeneratedSource| corpus::Date::parse(&s.published).unwrap().days_since_epoch();
    let mut outlets = HashSet::new();
    for versions in by_story(&sources).values() {
        let origin = versions.iter().find(|s| s.version == 0).expect("an origin");
        for v in versions {
            assert!((0..=3).contains(&(day(v) - day(origin))), "{} after {}", v.published, origin.published);
        }
        let distinct: HashSet<&str> = versions.iter().map(|s| s.outlet.as_str()).collect();
        assert_eq!(distinct.len(), versions.len(), "one outlet per version");
        outlets.extend(distinct);
    }
    assert!(outlets.len() > 1500, "{} outlets", outlets.len());
}

/// The size figures of a news corpus: the largest sizes, the number of stories, of stories
/// with one version, and of stories with at most two.
fn sizes(n: usize, seed: u64) -> (Vec<usize>, usize, usize, usize) {
    let summary = summarize(&news(n, seed));
    let small = summary.versions.range(..=2).map(|(_, count)| count).sum();
    let single = summary.versions.get(&1).copied().unwrap_or(0);
    eprintln!("{n} sources: {}; {} stories", summary.sizes(), summary.stories);
    (summary.largest(5), summary.stories, single, small)
}

#[test]
fn story_sizes_are_heavy_tailed() {
    let (largest, stories, single, small) = sizes(10_000, 42);
    assert!(largest[0] >= 400, "{largest:?}");
    assert!(largest[1] >= 250, "{largest:?}");
    assert!((700..=1100).contains(&single), "{single}");
    assert!(small as f64 >= 0.6 * stories as f64, "{small} of {stories}");
    let (largest, ..) = sizes(1000, 42);
    assert!((30..=100).contains(&largest[0]), "{largest:?}");
}

/// What kind of furniture a line is, for the report.
fn kind(line: &str) -> &'static str {
    let lower = line.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&["reporting by", "editing by", "compiled by", "— afp", "contributed to this report", "with assistance"]) {
        "sign-off"
    } else if has(&["newsletter", "subscribe", "sign up", "app for", "follow us"]) {
        "promotion"
    } else if has(&["share", "facebook", "twitter", "tweet", "email", "whatsapp", "print"]) {
        "share"
    } else if has(&["©", "copyright"]) {
        "copyright"
    } else if has(&["comment", "conversation"]) {
        "comments"
    } else if has(&["ago", "updated", "published"]) {
        "timestamp"
    } else if has(&["advert", "sponsored"]) {
        "advert"
    } else if has(&["http"]) {
        "url"
    } else if line.contains(" | ") || line.contains(" · ") || line.contains(" / ") || has(&["politics", "world"]) {
        "navigation"
    } else {
        "headline or related"
    }
}

fn normalized(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn most_furniture_is_cleaned_away() {
    let (sources, corpus) = cleaned();
    // Per kind: lines, survivors; and the surviving lines, to show which shapes get through.
    let mut kinds: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut survivors: HashMap<String, usize> = HashMap::new();
    for (generated, cleaned) in sources.iter().zip(&corpus.sources) {
        assert!(!cleaned.blocks.is_empty(), "{} has no blocks", cleaned.slug);
        let mut dropped: HashMap<&str, usize> = HashMap::new();
        for d in &cleaned.dropped {
            *dropped.entry(d.text.as_str()).or_default() += 1;
        }
        for line in &generated.furniture {
            let line = normalized(line);
            let entry = kinds.entry(kind(&line)).or_default();
            entry.0 += 1;
            if let Some(count) = dropped.get_mut(line.as_str()).filter(|c| **c > 0) {
                *count -= 1;
                continue;
            }
            // Kept as it stands, or inside a block: either way the reader sees it.
            if cleaned.blocks.iter().any(|b| b.text.contains(&line)) {
                entry.1 += 1;
                *survivors.entry(line).or_default() += 1;
            }
        }
    }
    let (lines, survived) = kinds.values().fold((0, 0), |(l, s), (kl, ks)| (l + kl, s + ks));
    let furniture: Vec<(&str, usize, usize)> =
        kinds.iter().filter(|(k, _)| **k != "sign-off").map(|(k, (l, s))| (*k, *l, *s)).collect();
    let (page_lines, page_survived) = furniture.iter().fold((0, 0), |(l, s), (_, kl, ks)| (l + kl, s + ks));
    eprintln!(
        "furniture surviving corpus::clean in 2,000 news sources: {survived} of {lines} lines ({:.1}%); \
         page furniture alone {page_survived} of {page_lines} ({:.1}%)",
        100.0 * survived as f64 / lines as f64,
        100.0 * page_survived as f64 / page_lines as f64
    );
    for (kind, (l, s)) in &kinds {
        eprintln!("  {kind}: {s} of {l}");
    }
    let mut common: Vec<(&String, &usize)> = survivors.iter().collect();
    common.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (line, count) in common.iter().take(12) {
        eprintln!("  {count:>5} × {line}");
    }
    assert!(lines > 5 * sources.len(), "{lines}");
    assert!(survived * 4 <= lines, "{survived} of {lines} furniture lines survive");
}

#[test]
fn seeds_shape_furniture_is_all_cleaned_away() {
    let sources = generate(&seeds(), &Options::new(300, 4));
    let corpus = to_corpus(&sources, &template());
    for (generated, cleaned) in sources.iter().zip(&corpus.sources) {
        let dropped: HashSet<&str> = cleaned.dropped.iter().map(|d| d.text.as_str()).collect();
        for line in &generated.furniture {
            assert!(dropped.contains(normalized(line).as_str()), "{}: {line:?} kept", generated.slug);
        }
    }
    assert!(sources.iter().map(|s| s.furniture.len()).sum::<usize>() > 300);
}

/// A source's cleaned sentences, folded.
fn sentences(source: &corpus::Source) -> Vec<String> {
    source.blocks.iter().flat_map(|b| b.sentences.iter().map(|r| corpus::fold(&b.text[r.clone()]))).collect()
}

/// The cleaned sentences of a source that are article text: not from furniture the cleaner
/// kept.
fn article_sentences(generated: &GeneratedSource, cleaned: &corpus::Source) -> Vec<String> {
    let furniture: Vec<String> = generated.furniture.iter().map(|l| corpus::fold(l)).collect();
    sentences(cleaned).into_iter().filter(|s| !furniture.iter().any(|f| f.contains(s.as_str()))).collect()
}

#[test]
fn versions_share_most_sentences_and_half_are_verbatim() {
    let (sources, corpus) = cleaned();
    let texts: Vec<Vec<String>> = sources.iter().zip(&corpus.sources).map(|(g, c)| article_sentences(g, c)).collect();
    let origins: HashMap<usize, usize> =
        sources.iter().enumerate().filter(|(_, s)| s.version == 0).map(|(i, s)| (s.story, i)).collect();
    let (mut shares, mut verbatim) = (Vec::new(), 0);
    for (i, s) in sources.iter().enumerate().filter(|(_, s)| s.version > 0) {
        let origin = &texts[origins[&s.story]];
        let set: HashSet<&String> = origin.iter().collect();
        let own = &texts[i];
        let kept = own.iter().filter(|t| set.contains(t)).count();
        shares.push(kept as f64 / own.len() as f64);
        verbatim += usize::from(own == origin);
    }
    let mean = shares.iter().sum::<f64>() / shares.len() as f64;
    let verbatim = verbatim as f64 / shares.len() as f64;
    eprintln!("versions: {mean:.3} of their sentences from the origin on average; {verbatim:.2} verbatim");
    assert!(mean > 0.8, "{mean}");
    assert!((0.35..0.65).contains(&verbatim), "{verbatim}");
}

#[test]
fn stock_sentences_recur_across_unrelated_stories() {
    let (sources, corpus) = cleaned();
    let mut stories_of: HashMap<String, HashSet<usize>> = HashMap::new();
    let mut long_per_story: HashMap<usize, HashSet<String>> = HashMap::new();
    for (generated, cleaned) in sources.iter().zip(&corpus.sources).filter(|(g, _)| g.version == 0) {
        for sentence in sentences(cleaned) {
            stories_of.entry(sentence).or_default().insert(generated.story);
        }
    }
    let stock = stories_of.get("details were not immediately available").map_or(0, HashSet::len);
    // Long sentences in several stories: the background sentences.
    let background: Vec<&String> = stories_of
        .iter()
        .filter(|(s, stories)| s.split(' ').count() > 15 && stories.len() > 1)
        .map(|(s, _)| s)
        .collect();
    for sentence in &background {
        for &story in &stories_of[*sentence] {
            long_per_story.entry(story).or_default().insert(sentence.to_string());
        }
    }
    eprintln!("a stock sentence in {stock} stories; {} background sentences shared", background.len());
    assert!(stock >= 5, "{stock}");
    assert!(background.len() >= 2, "{background:?}");
    assert!(long_per_story.values().all(|s| s.len() == 1), "two background sentences in one story");
}

#[test]
fn written_news_content_loads_and_the_truth_scores_perfectly() {
    let sources = news(300, 11);
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    write_content(&content, &root().join("content"), &sources).unwrap();
    let loaded = match corpus::load(&content) {
        Ok(corpus) => corpus,
        Err(errors) => panic!("generated content does not load:\n{errors:?}"),
    };
    assert_eq!(loaded.sources.len(), 300);
    let truth_file = dir.path().join("truth.tsv");
    corpusgen::write_truth(&truth_file, &sources).unwrap();
    let truth = std::fs::read_to_string(&truth_file).unwrap();
    let rows: Vec<Vec<&str>> = truth.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 300);
    assert!(rows.windows(2).all(|w| w[0][0] < w[1][0]));
    let labels: Vec<usize> = rows.iter().map(|r| r[1].parse().unwrap()).collect();
    let stories: Vec<usize> = sources.iter().map(|s| s.story).collect();
    assert_eq!(labels, stories);
    assert_eq!(b_cubed(&labels, &stories).f1(), 1.0);
    let singletons: Vec<usize> = (0..sources.len()).collect();
    let split = b_cubed(&labels, &singletons);
    assert!(split.precision == 1.0 && split.recall < 0.5, "{split:?}");
}

/// The size figures at 100,000 sources, and the time to generate them: run in release with
/// `cargo test --release -p corpusgen --test news -- --ignored --nocapture`.
#[test]
#[ignore = "generates 100,000 sources: for release builds"]
fn a_hundred_thousand_sources_generate_quickly() {
    let seeds = seeds();
    let started = std::time::Instant::now();
    let sources = generate(&seeds, &Options::news(100_000, 42));
    let elapsed = started.elapsed();
    let summary = summarize(&sources);
    eprintln!("100000 sources in {:.2} s: {}; {} stories", elapsed.as_secs_f64(), summary.sizes(), summary.stories);
    assert_eq!(sources.len(), 100_000);
    assert!(elapsed.as_secs() < 30, "{elapsed:?}");
}
