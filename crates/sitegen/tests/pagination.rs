//! An entity named by more sources than one page lists: its mentions go on over
//! `entities/<id>/<n>.html`, every source exactly once, in date order, with working links
//! between the pages.

use std::collections::BTreeSet;
use std::fs;

mod common;
use common::repo;

/// Sources one page of mentions lists (`mention_pages::SOURCES_PER_PAGE`).
const PER_PAGE: usize = 50;

/// The `href` of every `<h3><a href=…>` (one per source) in a page of mentions.
fn listed_sources(html: &str) -> Vec<String> {
    html.split("<section class=\"mention-source\">")
        .skip(1)
        .map(|part| {
            let start = part.find("<h3><a href=\"").expect("a source heading") + "<h3><a href=\"".len();
            part[start..start + part[start..].find('"').unwrap()].to_string()
        })
        .collect()
}

fn published(html: &str) -> Vec<String> {
    html.split("<section class=\"mention-source\">")
        .skip(1)
        .map(|part| {
            let start = part.find("<time datetime=\"").unwrap() + "<time datetime=\"".len();
            part[start..start + 10].to_string()
        })
        .collect()
}

#[test]
fn mentions_of_a_much_named_entity_go_on_over_pages() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    let seeds = corpusgen::read_seeds(&repo().join("content/texts")).unwrap();
    let generated = corpusgen::generate(&seeds, &corpusgen::Options::new(160, 7));
    corpusgen::write_content(&content, &repo().join("content"), &generated).unwrap();
    let output = dir.path().join("site");
    let options = sitegen::BuildOptions { content, output: output.clone(), theme: None, verbose: false };
    sitegen::build(&options).unwrap();

    let json: serde_json::Value = serde_json::from_slice(&fs::read(output.join("briefing.json")).unwrap()).unwrap();
    let mut checked_paginated = 0;
    for entity in json["entities"].as_array().unwrap() {
        let id = entity["id"].as_str().unwrap();
        // The sources naming it, from the export.
        let naming: BTreeSet<String> = entity["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| format!("../sources/{}.html", m["source"].as_str().unwrap()))
            .collect();
        let pages = naming.len().div_ceil(PER_PAGE).max(1);
        let first = fs::read_to_string(output.join(format!("entities/{id}.html"))).unwrap();
        let mut listed = listed_sources(&first);
        assert_eq!(listed.len(), naming.len().min(PER_PAGE), "{id}: a full first page");
        let mut dates = published(&first);
        let folder = output.join(format!("entities/{id}"));
        if pages == 1 {
            assert!(!folder.exists(), "{id}: one page only");
            assert!(!first.contains("class=\"pager\""), "{id}: no pager");
        } else {
            checked_paginated += 1;
            assert!(first.contains(&format!("href=\"../entities/{id}/2.html\" rel=\"next\"")), "{id}: next link");
            for n in 2..=pages {
                let html = fs::read_to_string(folder.join(format!("{n}.html"))).unwrap();
                assert!(html.contains(&format!("aria-current=\"page\">{n}</a>")), "{id} page {n}: marked current");
                assert!(html.contains(&format!("Page {n} of {pages}")), "{id} page {n}: its number");
                let previous = if n == 2 {
                    format!("../../entities/{id}.html")
                } else {
                    format!("../../entities/{id}/{}.html", n - 1)
                };
                assert!(html.contains(&format!("href=\"{previous}\" rel=\"prev\"")), "{id} page {n}: previous link");
                // Links from two folders down still reach the sources.
                let sources: Vec<String> =
                    listed_sources(&html).into_iter().map(|h| h.replacen("../../", "../", 1)).collect();
                let expected = if n < pages { PER_PAGE } else { naming.len() - (pages - 1) * PER_PAGE };
                assert_eq!(sources.len(), expected, "{id} page {n}: full pages but the last");
                listed.extend(sources);
                dates.extend(published(&html));
            }
            assert!(!folder.join(format!("{}.html", pages + 1)).exists(), "{id}: no page beyond the last");
        }
        assert_eq!(listed.len(), naming.len(), "{id}: every source naming it is listed once");
        assert_eq!(listed.iter().cloned().collect::<BTreeSet<_>>(), naming, "{id}: the sources naming it");
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{id}: sources by date across pages");
    }
    assert!(checked_paginated > 0, "the generated corpus has an entity named by over {PER_PAGE} sources");
}
