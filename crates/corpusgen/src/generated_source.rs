//! A generated source, and generated sources loaded as a corpus in memory. The generators
//! make them and the writers and the summary read them, so the type stands apart from the
//! entry point.

use std::path::PathBuf;

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

/// Loads generated sources as a [`corpus::Corpus`] in memory, cleaning each body with
/// [`corpus::clean`] as the loader would; site settings, briefing and entities come from
/// `template` (a loaded corpus, such as the real `content/`). Sources are ordered by slug.
///
/// # Panics
///
/// When a source's `published` is not a valid date (never for [`generate`](crate::generate)'s
/// output).
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
