//! A deterministic generator of synthetic news corpora, for benchmarks.
//!
//! [`generate`] turns the seed articles (`content/texts/*.txt`) into any number of sources
//! that look like a real news corpus:
//!
//! - Sources come in *stories*, one event each. A story's base article is 12–30 sentences
//!   sampled from the seeds, in paragraphs of one to three sentences, rewritten with a
//!   story-specific substitution: about a third of the words longer than three letters
//!   become pseudo-words ("kestavo"), always the same for the same word within the story.
//!   Different stories therefore share function words and stock phrases, while the versions
//!   of one story share long passages.
//! - A story has one to four versions (about 40% have one). The first is the origin; the
//!   others are republications: paragraphs dropped, merged and moved, words changed, quotes
//!   restyled, paragraphs glued ("State.Putin").
//! - Every source carries boilerplate of the kinds the seeds have (a URL line, the headline,
//!   "4 min read", "Advertisement", photo captions printed twice, a copyright line, wire
//!   tags), all of it of shapes the cleaner removes.
//! - About 5% of stories quote a sentence verbatim from another story.
//!
//! The same seeds and [`Options`] give byte-identical output. [`to_corpus`] loads the result
//! in memory; [`write_content`] writes a content folder for `sitegen`, and [`write_hugo`] the
//! same sources as a Hugo site, for a speed comparison.

mod boilerplate;
mod date;
mod mutate;
mod rng;
mod vocab;
mod write;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use boilerplate::{Frame, render};
use date::Day;
use mutate::{Article, base_article, insert_sentence, pick_quotation, republish, title_of, tweak_title};
use rng::{Rng, hash};
use vocab::{OUTLETS, WIRES};

pub use write::{write_content, write_hugo};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// How many sources.
    pub sources: usize,
    /// The random seed; the same seed gives the same corpus.
    pub seed: u64,
}

/// One generated source: metadata and raw text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedSource {
    /// `s000123`: the index in the corpus, as a valid slug.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// The (fictional) outlet.
    pub outlet: String,
    /// The agency whose copy it is (AFP, Reuters, AP, Bloomberg), if any.
    pub wire: Option<String>,
    /// The publication date, `YYYY-MM-DD`.
    pub published: String,
    /// The story it belongs to: sources with the same number are versions of one event.
    pub story: usize,
    /// Its place in the story: 0 for the origin, 1 and up for republications.
    pub version: usize,
    /// The raw text, boilerplate included, paragraphs separated by blank lines.
    pub body: String,
}

/// Reads the seed texts: every `*.txt` under `texts_dir`, sorted by path. Fails when there
/// is none.
pub fn read_seeds(texts_dir: &Path) -> std::io::Result<Vec<String>> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for entry in walkdir::WalkDir::new(texts_dir).min_depth(1) {
        let entry = entry.map_err(std::io::Error::other)?;
        let path = entry.path();
        if entry.file_type().is_file() && path.extension().is_some_and(|e| e == "txt") {
            paths.push(path.to_path_buf());
        }
    }
    if paths.is_empty() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("no *.txt seed texts under {}", texts_dir.display()),
        ));
    }
    paths.sort();
    paths.iter().map(std::fs::read_to_string).collect()
}

/// Probability that a story has a single source.
const SINGLE_STORY: f64 = 0.4;
/// Probability that a story quotes a sentence of another story.
const SHARED_QUOTE: f64 = 0.05;
/// Probability that a story is wire copy.
const WIRE_COPY: f64 = 0.6;

/// Generates exactly `options.sources` sources from the seed texts, deterministically for
/// (seeds, options). Sources are shuffled, so the versions of a story are spread over the
/// corpus, and named `s000000`, `s000001`, … in order.
///
/// # Panics
///
/// When the seeds hold no usable sentence (five words or more, ending with a full stop).
pub fn generate(seeds: &[String], options: &Options) -> Vec<GeneratedSource> {
    let n = options.sources;
    if n == 0 {
        return Vec::new();
    }
    let pool = mutate::sentence_pool(seeds);
    assert!(!pool.is_empty(), "the seed texts hold no usable sentence");
    let mut bases: Vec<Article> = Vec::new();
    let mut out: Vec<GeneratedSource> = Vec::with_capacity(n);
    while out.len() < n {
        let story = bases.len();
        let salt = hash(&[options.seed, story as u64, 1]);
        let mut rng = Rng::new(hash(&[options.seed, story as u64, 2]));
        let versions = if rng.chance(SINGLE_STORY) { 1 } else { rng.range(2, 4) };
        let versions = versions.min(n - out.len());
        let mut base = base_article(&pool, salt, &mut rng);
        if story > 0 && rng.chance(SHARED_QUOTE) {
            let other = rng.below(story);
            if let Some(quote) = pick_quotation(&bases[other], &mut rng) {
                insert_sentence(&mut base, quote, &mut rng);
            }
        }
        let wire = rng.chance(WIRE_COPY).then(|| *rng.pick(WIRES));
        let event = Day::START.plus(rng.below(Day::PERIOD));
        let outlets = rng.sample(OUTLETS.len(), versions);
        let origin_title = title_of(&base);
        for (version, &outlet) in outlets.iter().enumerate() {
            let (article, title, published) = if version == 0 {
                (base.clone(), origin_title.clone(), event)
            } else {
                let plain = rng.chance(0.5);
                let article = republish(&base, plain, &mut rng);
                let title = tweak_title(&origin_title, &mut rng);
                (article, title, event.plus(rng.range(0, 3)))
            };
            let frame = Frame {
                title: &title,
                outlet: OUTLETS[outlet],
                wire,
                published,
                event,
                story_salt: salt,
                origin: version == 0,
            };
            let body = render(&article, &frame, &mut rng);
            out.push(GeneratedSource {
                slug: String::new(),
                title,
                outlet: OUTLETS[outlet].to_string(),
                wire: wire.map(str::to_string),
                published: published.to_string(),
                story,
                version,
                body,
            });
        }
        bases.push(base);
    }
    Rng::new(hash(&[options.seed, 3])).shuffle(&mut out);
    for (i, source) in out.iter_mut().enumerate() {
        source.slug = format!("s{i:06}");
    }
    out
}

/// Loads generated sources as a [`corpus::Corpus`] in memory, cleaning each body with
/// [`corpus::clean`] as the loader would; site settings, briefing and entities come from
/// `template` (a loaded corpus, such as the real `content/`). Sources are ordered by slug.
///
/// # Panics
///
/// When a source's `published` is not a valid date (never for [`generate`]'s output).
pub fn to_corpus(sources: &[GeneratedSource], template: &corpus::Corpus) -> corpus::Corpus {
    let mut loaded: Vec<corpus::Source> = sources
        .iter()
        .map(|s| {
            let cleaned = corpus::clean(&s.body, &s.title);
            corpus::Source {
                slug: s.slug.clone(),
                path: PathBuf::from("sources").join(format!("{}.yaml", s.slug)),
                meta: corpus::SourceMeta {
                    title: s.title.trim().to_string(),
                    outlet: s.outlet.trim().to_string(),
                    outlet_inferred: false,
                    published: corpus::Date::parse(&s.published).expect("generated dates are valid"),
                    url: None,
                    byline: None,
                    wire: s.wire.clone(),
                    language: "en".to_string(),
                },
                blocks: cleaned.blocks,
                dropped: cleaned.dropped,
            }
        })
        .collect();
    loaded.sort_by(|a, b| a.slug.cmp(&b.slug));
    corpus::Corpus {
        site: template.site.clone(),
        briefing: template.briefing.clone(),
        sources: loaded,
        entities: template.entities.clone(),
    }
}

/// Figures about a generated corpus, for the command line's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Number of sources.
    pub sources: usize,
    /// Number of stories.
    pub stories: usize,
    /// For each number of versions, how many stories have that many.
    pub versions: BTreeMap<usize, usize>,
    /// Total size of the raw bodies, in bytes.
    pub body_bytes: usize,
}

/// Counts sources, stories, versions per story and body bytes.
pub fn summarize(sources: &[GeneratedSource]) -> Summary {
    let mut per_story: BTreeMap<usize, usize> = BTreeMap::new();
    for source in sources {
        *per_story.entry(source.story).or_default() += 1;
    }
    let mut versions = BTreeMap::new();
    for &count in per_story.values() {
        *versions.entry(count).or_default() += 1;
    }
    Summary {
        sources: sources.len(),
        stories: per_story.len(),
        versions,
        body_bytes: sources.iter().map(|s| s.body.len()).sum(),
    }
}
