//! briefing.json: everything the site shows, as data (schema documented in the README and
//! in `docs/briefing.schema.json`).
//!
//! Nothing in it grows with pairs of copies: a passage carried by 800 sources is one
//! cluster of 800 members, its text written once per distinct wording.

mod quotes;
mod reuse;

use std::io::{self, Write};

use serde::Serialize;

use annotate::Annotations;
use corpus::Corpus;

use crate::export::pretty_json::PrettyObject;

/// The version of the briefing.json schema; raised on any incompatible change.
pub const SCHEMA_VERSION: u32 = 2;

#[derive(Serialize)]
struct Site<'a> {
    title: &'a str,
    description: &'a str,
    language: &'a str,
    base_url: Option<&'a str>,
}

#[derive(Serialize)]
struct Source<'a> {
    slug: &'a str,
    title: &'a str,
    outlet: &'a str,
    outlet_inferred: bool,
    published: String,
    url: Option<&'a str>,
    byline: Option<&'a str>,
    wire: Option<&'a str>,
    language: &'a str,
    paragraphs: Vec<Paragraph<'a>>,
    dropped: Vec<Dropped<'a>>,
}

#[derive(Serialize)]
struct Paragraph<'a> {
    id: String,
    kind: &'static str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribution: Option<&'a str>,
}

#[derive(Serialize)]
struct Dropped<'a> {
    text: &'a str,
    reason: &'static str,
}

#[derive(Serialize)]
struct Entity<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'static str,
    aliases: &'a [String],
    description: Option<&'a str>,
    wikidata: Option<&'a str>,
    mentions: Vec<Mention<'a>>,
}

#[derive(Serialize)]
struct Mention<'a> {
    source: &'a str,
    paragraph: String,
    text: &'a str,
    start: usize,
    end: usize,
}

/// Writes the JSON export of an annotated corpus, pretty-printed, ending in a newline. It is
/// written as it is made (150 MB at 10,000 sources), never held whole in memory.
pub fn write_briefing_json(corpus: &Corpus, annotations: &Annotations, out: &mut dyn Write) -> io::Result<()> {
    let by_entity = annotations.mentions_by_entity(corpus.entities.len());
    let sources: Vec<Source> = corpus
        .sources
        .iter()
        .map(|s| Source {
            slug: &s.slug,
            title: &s.meta.title,
            outlet: &s.meta.outlet,
            outlet_inferred: s.meta.outlet_inferred,
            published: s.meta.published.to_string(),
            url: s.meta.url.as_deref(),
            byline: s.meta.byline.as_deref(),
            wire: s.meta.wire.as_deref(),
            language: &s.meta.language,
            paragraphs: s
                .blocks
                .iter()
                .enumerate()
                .map(|(i, b)| Paragraph {
                    id: reuse::paragraph_id(i),
                    kind: b.kind.as_str(),
                    text: &b.text,
                    attribution: b.attribution.as_deref(),
                })
                .collect(),
            dropped: s.dropped.iter().map(|d| Dropped { text: &d.text, reason: d.reason.as_str() }).collect(),
        })
        .collect();
    let entities: Vec<Entity> = corpus
        .entities
        .iter()
        .zip(&by_entity)
        .map(|(e, mentions)| Entity {
            id: &e.id,
            name: &e.name,
            kind: e.kind.as_str(),
            aliases: &e.aliases,
            description: e.description.as_deref(),
            wikidata: e.wikidata.as_deref(),
            mentions: mentions
                .iter()
                .map(|&m| {
                    let mention = &annotations.mentions[m];
                    let source = &corpus.sources[mention.source];
                    Mention {
                        source: &source.slug,
                        paragraph: reuse::paragraph_id(mention.block),
                        text: &source.blocks[mention.block].text[mention.range.clone()],
                        start: mention.range.start,
                        end: mention.range.end,
                    }
                })
                .collect(),
        })
        .collect();
    let clusters = reuse::clusters(corpus, &annotations.reuse);
    let stories = reuse::stories(corpus, &annotations.stories);
    let quotes = quotes::quotes(corpus, &annotations.quotations.quotes);
    // Field by field, the arrays serialised on every core.
    let mut object = PrettyObject::start(out)?;
    object.field("schema_version", &SCHEMA_VERSION)?;
    object.field("generator", &crate::site::GENERATOR)?;
    object.field(
        "site",
        &Site {
            title: &corpus.site.title,
            description: &corpus.site.description,
            language: &corpus.site.language,
            base_url: corpus.site.base_url.as_deref(),
        },
    )?;
    object.array("sources", &sources)?;
    object.array("entities", &entities)?;
    object.array("clusters", &clusters)?;
    object.array("stories", &stories)?;
    object.array("quotes", &quotes)?;
    object.end()
}
