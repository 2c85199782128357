//! The loaded, validated and cleaned content of a briefing.

use std::ops::Range;
use std::path::PathBuf;

use crate::Date;

/// Everything a build needs from the content folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corpus {
    /// Settings from `site.yaml`.
    pub site: SiteConfig,
    /// The analyst's overview from `briefing.md`.
    pub briefing: Briefing,
    /// The articles, ordered by slug.
    pub sources: Vec<Source>,
    /// The entity catalogue, in the order of `entities.yaml`.
    pub entities: Vec<Entity>,
}

/// Site-wide settings (`site.yaml`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteConfig {
    /// The site's title.
    pub title: String,
    /// A one-sentence description, used in page metadata.
    pub description: String,
    /// The language of the site, as a BCP 47 tag (`en`).
    pub language: String,
    /// The absolute URL the site will be served from, when known (http or https).
    pub base_url: Option<String>,
    /// The theme's name: a folder under `themes/`.
    pub theme: String,
    /// Pass raw HTML in Markdown through instead of escaping it.
    pub unsafe_html: bool,
}

/// The analyst's overview, in Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Briefing {
    /// The Markdown text.
    pub markdown: String,
}

/// One article: its metadata and its cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file name without `.yaml`; used in URLs.
    pub slug: String,
    /// The YAML file it was loaded from.
    pub path: PathBuf,
    /// Title, outlet, date and the rest.
    pub meta: SourceMeta,
    /// The article text, cleaned, in reading order.
    pub blocks: Vec<Block>,
    /// What the cleaner removed from the raw text, and why.
    pub dropped: Vec<Dropped>,
}

/// The metadata of an article, as written in its YAML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMeta {
    /// The headline.
    pub title: String,
    /// The publication that carried it.
    pub outlet: String,
    /// True when the outlet is inferred (from house style, say) rather than stated.
    pub outlet_inferred: bool,
    /// The publication date.
    pub published: Date,
    /// Where the original is, always http or https.
    pub url: Option<String>,
    /// The reporters, as credited.
    pub byline: Option<String>,
    /// The news agency the text comes from (AFP, Reuters, ...).
    pub wire: Option<String>,
    /// The language of the text (`en`).
    pub language: String,
}

/// What a block of article text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlockKind {
    /// Running text.
    Paragraph,
    /// A section heading inside the article.
    Heading,
    /// A quotation set apart from the text, repeating a sentence of the body.
    Pullquote,
}

impl BlockKind {
    /// The name used in templates and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Paragraph => "paragraph",
            BlockKind::Heading => "heading",
            BlockKind::Pullquote => "pullquote",
        }
    }
}

/// A block of cleaned article text, split into sentences.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Block {
    /// Paragraph, heading or pull quote.
    pub kind: BlockKind,
    /// The text, whitespace normalised, otherwise as written.
    pub text: String,
    /// Byte ranges of the sentences in `text`, in order, covering every word.
    pub sentences: Vec<Range<usize>>,
    /// Who a pull quote is attributed to, as printed under it.
    pub attribution: Option<String>,
}

/// Text the cleaner removed, kept so that a reader can see nothing real was lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dropped {
    /// The removed text, as it stood.
    pub text: String,
    /// Why it was removed.
    pub reason: DropReason,
}

/// Why the cleaner removed a piece of text. Each is a rule over shapes of text, not a list of
/// known lines; see the cleaner's module documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DropReason {
    /// A bare URL line.
    Url,
    /// A line of digits only: identifiers from a collection, page numbers.
    Identifier,
    /// The headline printed again inside the text.
    Title,
    /// A date line on its own.
    Dateline,
    /// "4 min read" and its kind.
    ReadingTime,
    /// A wire-service tag opening or closing the text: "(Bloomberg) --", "MOSCOW (AFP) -", "– (Reuters)".
    WireTag,
    /// A photo caption or credit.
    Caption,
    /// Site furniture: "Advertisement", "Share this article", "READ MORE".
    Furniture,
    /// An editor's note such as "(Updates with ...)".
    EditorsNote,
    /// Reporter and editor contact details.
    Contact,
    /// A copyright or rights line.
    Copyright,
    /// A section heading cut off from its section (standing before the article's first paragraph).
    OrphanHeading,
    /// A line printed twice in a row; the second copy goes. On a web page's text, a passage
    /// printed again anywhere (every copy, from the third on: a gallery's caption).
    Repeated,
    /// A site's menus: runs of short link-like lines, menus glued into one line
    /// ("FinancialGovernment SolutionsLegal"), breadcrumbs.
    Navigation,
    /// Other stories' headlines: runs of headline-shaped lines, lists under "Related" or
    /// "More from".
    Headlines,
    /// Share, follow, like and favourite buttons ("Share on Facebook", "Add to favorites").
    Social,
    /// The author's line: "By Henry Meyer", "Posted by admin on …", "Local Editor".
    Byline,
    /// Reader comments and their furniture: comment counts, post numbers, "Leave a Reply",
    /// "Alex on September 17, 2018 at 6:34 am said:".
    Comments,
    /// Text of the page around the article (teasers, blurbs, footers, comments), judged by
    /// its length, its share of stop words and its neighbours to stand apart from the
    /// article's body.
    OffArticle,
}

impl DropReason {
    /// A short machine name, used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DropReason::Url => "url",
            DropReason::Identifier => "identifier",
            DropReason::Title => "title",
            DropReason::Dateline => "dateline",
            DropReason::ReadingTime => "reading-time",
            DropReason::WireTag => "wire-tag",
            DropReason::Caption => "caption",
            DropReason::Furniture => "furniture",
            DropReason::EditorsNote => "editors-note",
            DropReason::Contact => "contact",
            DropReason::Copyright => "copyright",
            DropReason::OrphanHeading => "orphan-heading",
            DropReason::Repeated => "repeated",
            DropReason::Navigation => "navigation",
            DropReason::Headlines => "headlines",
            DropReason::Social => "social",
            DropReason::Byline => "byline",
            DropReason::Comments => "comments",
            DropReason::OffArticle => "off-article",
        }
    }

    /// The reason in words, for pages and the verbose build log.
    pub fn label(self) -> &'static str {
        match self {
            DropReason::Url => "URL line",
            DropReason::Identifier => "identifier line",
            DropReason::Title => "headline repeated in the text",
            DropReason::Dateline => "date line",
            DropReason::ReadingTime => "reading-time line",
            DropReason::WireTag => "wire-service tag",
            DropReason::Caption => "photo caption",
            DropReason::Furniture => "page furniture",
            DropReason::EditorsNote => "editor's note",
            DropReason::Contact => "contact details",
            DropReason::Copyright => "copyright line",
            DropReason::OrphanHeading => "section heading cut off from its section",
            DropReason::Repeated => "line printed twice",
            DropReason::Navigation => "site navigation",
            DropReason::Headlines => "other stories' headlines",
            DropReason::Social => "share or follow buttons",
            DropReason::Byline => "byline",
            DropReason::Comments => "reader comments",
            DropReason::OffArticle => "page text around the article",
        }
    }
}

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A government body, an international organisation, a company, a news outlet.
    Organization,
    /// An armed or political group.
    Group,
    /// A country, a city, a region.
    Place,
    /// Anything else.
    Other,
}

impl EntityKind {
    /// Every kind, in the order pages list them.
    pub const ALL: [EntityKind; 5] =
        [EntityKind::Person, EntityKind::Organization, EntityKind::Group, EntityKind::Place, EntityKind::Other];

    /// The name used in YAML, templates and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Group => "group",
            EntityKind::Place => "place",
            EntityKind::Other => "other",
        }
    }

    /// The singular label for one entity's page.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Organization => "Organisation",
            EntityKind::Group => "Group",
            EntityKind::Place => "Place",
            EntityKind::Other => "Other",
        }
    }

    /// The plural label for a list heading.
    pub fn plural_label(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Organization => "Organisations",
            EntityKind::Group => "Groups",
            EntityKind::Place => "Places",
            EntityKind::Other => "Other",
        }
    }
}

/// A person, organisation, group or place of the catalogue (`entities.yaml`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entity {
    /// A stable identifier, used in URLs.
    pub id: String,
    /// The name shown on pages.
    pub name: String,
    /// What kind of thing it is.
    pub kind: EntityKind,
    /// Other ways the texts name it, matched exactly. The name itself always matches too.
    pub aliases: Vec<String>,
    /// Aliases matched whatever the case of their (ASCII) letters: "ISIS" also finds "Isis".
    pub aliases_any_case: Vec<String>,
    /// For a place: the entity (by index) it stands for when used for a government, as
    /// "Moscow" for Russia. Outside a phrase of place ("in Moscow", "to Moscow"), a mention
    /// of this entity links to that one.
    pub stands_for: Option<usize>,
    /// Who or what it is, in Markdown.
    pub description: Option<String>,
    /// Its Wikidata item (`Q7747`).
    pub wikidata: Option<String>,
}
