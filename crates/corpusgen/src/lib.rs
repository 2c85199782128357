//! A deterministic generator of synthetic news corpora, for benchmarks.
//!
//! [`generate`] turns the seed articles (`content/texts/*.txt`) into any number of sources
//! that look like a real news corpus. In the default shape, [`Shape::Seeds`]:
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
//! [`Shape::News`] makes a corpus shaped like a news feed instead: story sizes are
//! heavy-tailed (most stories have one or two versions, the largest hundreds), thousands of
//! outlets each print their own page furniture, half the versions carry the wire text
//! verbatim, and stock sentences and wire sign-offs recur across unrelated stories (see the
//! `news` module).
//!
//! The same seeds and [`Options`] give byte-identical output. [`to_corpus`] loads the result
//! in memory; [`write_content`] writes a content folder for `sitegen`, and [`write_hugo`] the
//! same sources as a Hugo site, for a speed comparison. Every source knows its true story, and
//! [`b_cubed`] scores a clustering of the sources against it.

#![warn(missing_docs)]

mod boilerplate;
mod date;
mod eval;
mod mutate;
mod news;
mod rng;
mod seeds;
mod summary;
mod vocab;
mod write;

use std::path::{Path, PathBuf};

use rng::{Rng, hash};

pub use eval::{BCubed, b_cubed};
pub use summary::{Summary, summarize};
pub use write::{write_content, write_hugo, write_truth};

/// The shape of the generated corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Shape {
    /// Stories of one to four versions each, from the 40 outlets of a small desk.
    #[default]
    Seeds,
    /// A news feed: heavy-tailed story sizes (wire stories carried by hundreds of outlets),
    /// thousands of outlets with their own furniture, stock phrases across stories.
    News,
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// How many sources.
    pub sources: usize,
    /// The random seed; the same seed gives the same corpus.
    pub seed: u64,
    /// The shape of the corpus.
    pub shape: Shape,
}

impl Options {
    /// `sources` sources of the seeds shape ([`Shape::Seeds`]).
    pub fn new(sources: usize, seed: u64) -> Self {
        Options { sources, seed, shape: Shape::Seeds }
    }

    /// `sources` sources of the news shape ([`Shape::News`]).
    pub fn news(sources: usize, seed: u64) -> Self {
        Options { sources, seed, shape: Shape::News }
    }
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
    /// The lines of page furniture and sign-offs in `body`, as written there: what a perfect
    /// cleaner drops. Wire tags, which open or close a paragraph's line, are not listed.
    pub furniture: Vec<String>,
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

/// Generates exactly `options.sources` sources from the seed texts, deterministically for
/// (seeds, options), in the shape `options.shape`. Sources are shuffled, so the versions of a
/// story are spread over the corpus, and named `s000000`, `s000001`, … in order.
///
/// # Panics
///
/// When the seeds hold no usable sentence (five words or more, ending with a full stop).
pub fn generate(seeds: &[String], options: &Options) -> Vec<GeneratedSource> {
    if options.sources == 0 {
        return Vec::new();
    }
    let pool = mutate::sentence_pool(seeds);
    assert!(!pool.is_empty(), "the seed texts hold no usable sentence");
    let mut out = match options.shape {
        Shape::Seeds => seeds::generate(&pool, options),
        Shape::News => news::generate(&pool, options),
    };
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
