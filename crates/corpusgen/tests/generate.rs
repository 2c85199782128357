//! Whole-generator tests: determinism, shape, loading, and the reuse structure.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use corpusgen::{GeneratedSource, Options, generate, to_corpus, write_content};

mod common;
use common::{root, seeds, template};

fn generated(sources: usize, seed: u64) -> Vec<GeneratedSource> {
    generate(&seeds(), &Options::new(sources, seed))
}

/// Every file under `dir`, by relative path, with its bytes.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let relative = e.path().strip_prefix(dir).unwrap().to_path_buf();
            (relative, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

#[test]
fn same_seed_gives_byte_identical_output_and_another_seed_does_not() {
    let a = generated(120, 42);
    assert_eq!(a, generated(120, 42));
    assert_ne!(a, generated(120, 43));
    let dirs = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    for dir in &dirs {
        write_content(&dir.path().join("c"), &root().join("content"), &a).unwrap();
    }
    let (x, y) = (files(&dirs[0].path().join("c")), files(&dirs[1].path().join("c")));
    assert_eq!(x.len(), 3 + 2 * 120);
    assert_eq!(x, y);
}

#[test]
fn exactly_n_sources_with_valid_unique_slugs_and_dates() {
    for n in [0, 1, 2, 7, 250] {
        let sources = generated(n, 7);
        assert_eq!(sources.len(), n);
        let slugs: HashSet<&str> = sources.iter().map(|s| s.slug.as_str()).collect();
        assert_eq!(slugs.len(), n);
        for s in &sources {
            assert!(s.slug.len() == 7 && s.slug.starts_with('s'), "{}", s.slug);
            assert!(s.slug[1..].bytes().all(|b| b.is_ascii_digit()));
            let date = corpus::Date::parse(&s.published).expect("valid date");
            assert!((2015..=2017).contains(&date.year));
            assert!(!s.title.trim().is_empty() && !s.outlet.is_empty());
        }
    }
}

#[test]
fn stories_have_one_to_four_versions_an_origin_and_close_dates() {
    let sources = generated(3000, 1);
    let mut stories: BTreeMap<usize, Vec<&GeneratedSource>> = BTreeMap::new();
    for s in &sources {
        stories.entry(s.story).or_default().push(s);
    }
    let single = stories.values().filter(|v| v.len() == 1).count();
    let share = single as f64 / stories.len() as f64;
    assert!((0.3..0.5).contains(&share), "{share}");
    for versions in stories.values() {
        assert!((1..=4).contains(&versions.len()));
        let origin = versions.iter().find(|s| s.version == 0).expect("an origin");
        let day = |s: &GeneratedSource| corpus::Date::parse(&s.published).unwrap().days_since_epoch();
        for v in versions {
            assert!((0..=3).contains(&(day(v) - day(origin))));
        }
        let outlets: HashSet<&str> = versions.iter().map(|s| s.outlet.as_str()).collect();
        assert_eq!(outlets.len(), versions.len(), "one outlet per version");
    }
}

#[test]
fn written_content_loads_and_matches_the_in_memory_corpus() {
    let sources = generated(200, 42);
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    write_content(&content, &root().join("content"), &sources).unwrap();
    let loaded = match corpus::load(&content) {
        Ok(corpus) => corpus,
        Err(errors) => panic!("generated content does not load:\n{errors:?}"),
    };
    assert_eq!(loaded.sources.len(), 200);
    let memory = to_corpus(&sources, &template());
    for (a, b) in loaded.sources.iter().zip(&memory.sources) {
        assert!(!a.blocks.is_empty(), "{} has no blocks", a.slug);
        assert_eq!(a.slug, b.slug);
        assert_eq!(a.meta, b.meta);
        assert_eq!(a.blocks, b.blocks);
    }
    assert!(write_content(&content, &root().join("content"), &sources).is_err());
}

#[test]
fn the_cleaner_removes_all_added_boilerplate_and_keeps_the_article() {
    let corpus = to_corpus(&generated(1500, 9), &template());
    let mut reasons = HashSet::new();
    for source in &corpus.sources {
        assert!(!source.blocks.is_empty(), "{} has no blocks", source.slug);
        for block in &source.blocks {
            assert_eq!(block.kind, corpus::BlockKind::Paragraph, "{}: {:?}", source.slug, block.text);
            for furniture in
                ["PHOTO:", "Advertisement", "min read", "©", "http", "(AFP)", "(AP)", "(Reuters)", "(Bloomberg)"]
            {
                assert!(!block.text.contains(furniture), "{}: {:?}", source.slug, block.text);
            }
        }
        reasons.extend(source.dropped.iter().map(|d| d.reason.as_str()));
    }
    for reason in ["url", "title", "reading-time", "dateline", "caption", "furniture", "copyright", "wire-tag"] {
        assert!(reasons.contains(reason), "no {reason} dropped");
    }
}

/// The word 5-grams of a source's cleaned text.
fn grams(source: &corpus::Source) -> HashSet<String> {
    let mut grams = HashSet::new();
    for block in &source.blocks {
        let folded: String =
            block.text.chars().map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { ' ' }).collect();
        let words: Vec<&str> = folded.split_whitespace().collect();
        for w in words.windows(5) {
            grams.insert(w.join(" "));
        }
    }
    grams
}

fn contained(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    a.iter().filter(|g| b.contains(*g)).count() as f64 / a.len().max(1) as f64
}

#[test]
fn versions_share_long_passages_and_stories_share_little() {
    let sources = generated(600, 42);
    let corpus = to_corpus(&sources, &template());
    let grams: Vec<HashSet<String>> = corpus.sources.iter().map(grams).collect();
    let index = |s: &GeneratedSource| s.slug[1..].parse::<usize>().unwrap();
    let origins: BTreeMap<usize, usize> =
        sources.iter().filter(|s| s.version == 0).map(|s| (s.story, index(s))).collect();
    let mut within = Vec::new();
    for s in sources.iter().filter(|s| s.version > 0) {
        within.push(contained(&grams[index(s)], &grams[origins[&s.story]]));
    }
    let origin_list: Vec<usize> = origins.values().copied().collect();
    let mut across = Vec::new();
    for pair in origin_list.windows(2).take(150) {
        across.push(contained(&grams[pair[0]], &grams[pair[1]]));
    }
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let min_within = within.iter().copied().fold(1.0, f64::min);
    let max_across = across.iter().copied().fold(0.0, f64::max);
    let over = across.iter().filter(|&&x| x >= 0.05).count();
    eprintln!("pairs over 0.05: {over} of {}", across.len());
    eprintln!(
        "republication vs origin: mean {:.3}, min {min_within:.3}; different stories: mean {:.4}, max {max_across:.4}",
        mean(&within),
        mean(&across)
    );
    assert!(min_within > 0.5, "{min_within}");
    assert!(mean(&across) < 0.05, "{}", mean(&across));
}

#[test]
fn some_quotations_are_carried_across_stories() {
    let sources = generated(3000, 5);
    let mut stories_of: BTreeMap<String, HashSet<usize>> = BTreeMap::new();
    for s in sources.iter().filter(|s| s.version == 0) {
        for line in s.body.lines() {
            for sentence in line.split(". ") {
                if sentence.contains('“') && sentence.split(' ').count() >= 8 {
                    stories_of.entry(sentence.to_string()).or_default().insert(s.story);
                }
            }
        }
    }
    let shared = stories_of.values().filter(|s| s.len() > 1).count();
    assert!(shared >= 5, "{shared}");
}
