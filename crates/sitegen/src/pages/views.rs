//! What templates see: serialisable views of sources and entities (see themes/default/README.md).

use serde::Serialize;

use annotate::{Annotations, Role};
use corpus::{Corpus, Source};

use crate::render::labels::date_range_label;

/// A story of at most this many versions has them all listed on the briefing page; a
/// larger one has its origin listed and the others counted.
pub const LISTED_VERSIONS: usize = 3;

/// `site` in every template.
#[derive(Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    pub base_url: Option<&'a str>,
}

impl<'a> SiteView<'a> {
    pub fn new(corpus: &'a Corpus) -> Self {
        let site = &corpus.site;
        SiteView {
            title: &site.title,
            description: &site.description,
            language: &site.language,
            base_url: site.base_url.as_deref(),
        }
    }
}

/// A source as lists and headers show it.
#[derive(Serialize)]
pub struct SourceSummary<'a> {
    pub slug: &'a str,
    pub title: &'a str,
    pub outlet: &'a str,
    pub outlet_inferred: bool,
    pub published: String,
    pub published_label: String,
    pub wire: Option<&'a str>,
    pub byline: Option<&'a str>,
    pub url: Option<&'a str>,
    pub language: &'a str,
    pub href: String,
    pub paragraphs: usize,
}

impl<'a> SourceSummary<'a> {
    /// The summary of `source` as linked from a page `root` away from the site root.
    pub fn new(source: &'a Source, root: &str) -> Self {
        let meta = &source.meta;
        SourceSummary {
            slug: &source.slug,
            title: &meta.title,
            outlet: &meta.outlet,
            outlet_inferred: meta.outlet_inferred,
            published: meta.published.to_string(),
            published_label: meta.published.label(),
            wire: meta.wire.as_deref(),
            byline: meta.byline.as_deref(),
            url: meta.url.as_deref(),
            language: &meta.language,
            href: format!("{root}sources/{}.html", source.slug),
            paragraphs: source.blocks.len(),
        }
    }
}

/// An entity as lists show it.
#[derive(Serialize, Clone)]
pub struct EntitySummary<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub kind: &'static str,
    pub kind_label: &'static str,
    pub mentions: usize,
    pub sources: usize,
    pub href: String,
    /// Every alias, for filtering lists.
    pub aliases: Vec<&'a str>,
}

/// Entities of one kind, for lists grouped by kind.
#[derive(Serialize)]
pub struct EntityGroup<'a> {
    pub kind: &'static str,
    pub label: &'static str,
    pub entities: Vec<EntitySummary<'a>>,
}

/// A source as a version of its story.
#[derive(Serialize)]
pub struct VersionSummary<'a> {
    #[serde(flatten)]
    pub source: SourceSummary<'a>,
    /// `alone`, `origin`, `republication` or `version`.
    pub role: &'static str,
    /// The role in words, empty for a source alone in its story.
    pub role_label: &'static str,
}

/// Words for a role, as lists show it.
pub fn role_label(role: Role) -> &'static str {
    match role {
        Role::Alone => "",
        Role::Origin => "origin",
        Role::Republication => "republication",
        Role::Version => "another version",
    }
}

/// A story on the briefing page: its versions, the origin first.
#[derive(Serialize)]
pub struct StoryGroup<'a> {
    pub id: &'a str,
    pub label: String,
    pub start: String,
    pub end: String,
    pub title: &'a str,
    /// Link to the story page, for stories of more than one source.
    pub href: Option<String>,
    /// How many versions the story has.
    pub versions: usize,
    /// The versions listed: all of them, or the origin alone when there are more than
    /// [`LISTED_VERSIONS`].
    pub sources: Vec<VersionSummary<'a>>,
    /// How many versions are not listed.
    pub more: usize,
}

/// The stories of the corpus, oldest first, as linked from a page `root` away.
pub fn story_groups<'a>(corpus: &'a Corpus, annotations: &'a Annotations, root: &str) -> Vec<StoryGroup<'a>> {
    annotations
        .stories
        .iter()
        .map(|story| {
            let dates = story.sources.iter().map(|&s| corpus.sources[s].meta.published);
            let start = dates.clone().min().expect("stories are never empty");
            let end = dates.max().expect("stories are never empty");
            let listed = if story.sources.len() <= LISTED_VERSIONS { story.sources.len() } else { 1 };
            StoryGroup {
                id: &story.id,
                label: date_range_label(start, end),
                start: start.to_string(),
                end: end.to_string(),
                title: &corpus.sources[story.origin].meta.title,
                href: (story.sources.len() > 1).then(|| format!("{root}stories/{}.html", story.id)),
                versions: story.sources.len(),
                sources: story
                    .sources
                    .iter()
                    .zip(&story.roles)
                    .take(listed)
                    .map(|(&s, &role)| VersionSummary {
                        source: SourceSummary::new(&corpus.sources[s], root),
                        role: role.as_str(),
                        role_label: role_label(role),
                    })
                    .collect(),
                more: story.sources.len() - listed,
            }
        })
        .collect()
}
