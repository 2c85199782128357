//! Full-text search: the pages' searchable text, taken from the content rather than parsed
//! back from the rendered pages, indexed by the `searchindex` crate into `search/`. The
//! theme's `static/search-engine.js` queries it in the browser and `static/search.js` shows
//! the results.
//!
//! Indexed: the briefing (index.html), each quotation on quotes.html, every entity page
//! (name, kind, aliases, description) and every source page (header and paragraphs). Story pages repeat their sources, and the entities index and the further
//! pages of an entity's mentions only list what is indexed elsewhere, so they are not.

use std::borrow::Cow;

use corpus::Corpus;
use searchindex::{Document, DocumentType, IndexCache, IndexFile, Section};

use crate::render::markdown::text_blocks;
use crate::site::quote_texts::{quote_dates, quote_page_href, quote_pages, shown_text};
use crate::site::speakers::NamedSpeakers;

/// The folder of the index inside the site.
pub const FOLDER: &str = searchindex::FOLDER;

/// Writes the search index of `corpus` (with its quotations from `annotations`) through
/// `write`, which takes each file's path inside the site and its bytes, reusing what `cache`
/// kept of the last build's documents when there is one. Returns the number of files written.
pub fn write_index(
    corpus: &Corpus,
    annotations: &annotate::Annotations,
    cache: Option<&mut IndexCache>,
    write: impl Fn(&str, &[u8]) -> std::io::Result<()> + Sync,
) -> std::io::Result<usize> {
    let types = [
        DocumentType { name: "Briefing", documents: vec![briefing(corpus)] },
        DocumentType { name: "Quotation", documents: quotations(corpus, annotations) },
        DocumentType { name: "Entity", documents: (0..corpus.entities.len()).map(|e| entity(corpus, e)).collect() },
        DocumentType { name: "Source", documents: corpus.sources.iter().map(source).collect() },
    ];
    let sink = |file: IndexFile| write(&format!("{FOLDER}/{}", file.path), &file.bytes);
    match cache {
        Some(cache) => searchindex::build_cached(&types, cache, sink),
        None => searchindex::build(&types, sink),
    }
}

fn header(text: String) -> Section<'static> {
    Section { anchor: "".into(), label: "".into(), text: text.into() }
}

fn briefing(corpus: &Corpus) -> Document<'_> {
    let site = &corpus.site;
    let mut sections = vec![header(format!("{} {}", site.title, site.description))];
    let mut heading = String::new();
    for block in text_blocks(&corpus.briefing.markdown) {
        if block.heading {
            heading.clone_from(&block.text);
        }
        sections.push(Section { anchor: "".into(), label: heading.clone().into(), text: block.text.into() });
    }
    Document { url: "index.html".into(), title: Cow::Borrowed(&site.title), meta: Vec::new(), sections }
}

/// One document per quotation, pointing at its entry on its quotes page: a search for its words
/// finds the quotation itself, not one page of thousands of them.
fn quotations<'a>(corpus: &'a Corpus, annotations: &'a annotate::Annotations) -> Vec<Document<'a>> {
    let quotes = &annotations.quotations.quotes;
    let pages = quote_pages(corpus, quotes);
    let named = NamedSpeakers::new(quotes);
    let mut documents = Vec::with_capacity(quotes.len());
    for (index, quote) in quotes.iter().enumerate() {
        // Named as the pages name them: the entity, or the named speaker's title and name.
        let speaker = match (quote.speaker, named.of_quote(index), &quote.speaker_text) {
            (Some(e), _, _) => corpus.entities[e].name.as_str(),
            (None, Some(speaker), _) => speaker.display.as_str(),
            (None, None, Some(text)) => text.as_str(),
            (None, None, None) => "Speaker unknown",
        };
        let dates = quote_dates(corpus, quote);
        let mut outlets: Vec<&str> = Vec::new();
        for report in &quote.reports {
            let outlet = corpus.sources[report.source].meta.outlet.as_str();
            if !outlets.contains(&outlet) {
                outlets.push(outlet);
            }
        }
        let carried = match outlets.len() {
            0..=3 => format!("carried by {}", outlets.join(", ")),
            n => format!("carried by {} and {} more", outlets[..3].join(", "), n - 3),
        };
        let id = format!("q{}", index + 1);
        let text = shown_text(&quote.reports[0].text(corpus)).to_string();
        documents.push(Document {
            url: quote_page_href(pages[index], index, ""),
            title: format!("{speaker}, {dates}").into(),
            meta: vec![carried.into()],
            sections: vec![
                header(format!("{speaker} {}", outlets.join(" "))),
                Section { anchor: id.into(), label: "Quotation".into(), text: text.into() },
            ],
        });
    }
    documents
}

fn entity(corpus: &Corpus, index: usize) -> Document<'_> {
    let entity = &corpus.entities[index];
    let aliases = entity.aliases.iter().chain(&entity.aliases_any_case).map(String::as_str).collect::<Vec<_>>();
    let mut sections = vec![header(format!("{} {} {}", entity.name, entity.kind.label(), aliases.join(" ")))];
    let description = entity.description.as_deref().map(text_blocks).unwrap_or_default();
    sections.extend(description.into_iter().map(|b| Section {
        anchor: "".into(),
        label: "".into(),
        text: b.text.into(),
    }));
    Document {
        url: format!("entities/{}.html", entity.id),
        title: Cow::Borrowed(&entity.name),
        meta: vec![entity.kind.label().into()],
        sections,
    }
}

fn source(source: &corpus::Source) -> Document<'_> {
    let meta = &source.meta;
    let mut head = format!("{} {}", meta.title, meta.outlet);
    for extra in [&meta.byline, &meta.wire].into_iter().flatten() {
        head.push(' ');
        head.push_str(extra);
    }
    let mut sections = vec![header(head)];
    sections.extend(source.blocks.iter().enumerate().map(|(i, block)| Section {
        anchor: format!("p{}", i + 1).into(),
        label: format!("¶{}", i + 1).into(),
        text: Cow::Borrowed(block.text.as_str()),
    }));
    Document {
        url: format!("sources/{}.html", source.slug),
        title: Cow::Borrowed(&meta.title),
        meta: vec![Cow::Borrowed(&meta.outlet), meta.published.label().into()],
        sections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixture::Fixture;

    #[test]
    fn a_quotation_s_document_names_its_named_speaker() {
        let fixture = Fixture::nadler();
        let documents = quotations(&fixture.corpus, &fixture.annotations);
        let hearings = &documents[fixture.quote("The committee will hold")];
        assert!(hearings.title.starts_with("Rep. Jerry Nadler, "), "{}", hearings.title);
        assert_eq!(hearings.sections[0].text, "Rep. Jerry Nadler Outlet B");
        let official = &documents[fixture.quote("We have the votes")];
        assert!(official.title.starts_with("a senior US official, "), "{}", official.title);
    }
}
