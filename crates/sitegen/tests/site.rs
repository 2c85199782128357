//! Whole-site tests: the real content/ built into a temporary folder.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

mod common;
use common::repo;

fn build_into(content: &Path, output: &Path) -> sitegen::Summary {
    let options = sitegen::BuildOptions {
        content: content.to_path_buf(),
        output: output.to_path_buf(),
        theme: None,
        verbose: false,
    };
    sitegen::build(&options).unwrap_or_else(|e| panic!("build failed: {e}"))
}

/// The real content, built once for all tests of this file.
fn site() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        build_into(&repo().join("content"), &output);
        (dir, output)
    });
    path
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json() -> Value {
    serde_json::from_str(&read(&site().join("briefing.json"))).unwrap()
}

fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect()
}

/// Values of `attribute="..."` in an HTML text.
fn attribute_values<'a>(html: &'a str, attribute: &str) -> Vec<&'a str> {
    let needle = format!(" {attribute}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let rest = &html[at + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn every_source_and_entity_has_a_page() {
    let data = json();
    let sources = data["sources"].as_array().unwrap();
    let entities = data["entities"].as_array().unwrap();
    assert_eq!(sources.len(), 5);
    assert!(entities.len() >= 40, "the catalogue names every person, organisation and place");
    for source in sources {
        assert!(site().join(format!("sources/{}.html", source["slug"].as_str().unwrap())).is_file());
    }
    for entity in entities {
        assert!(site().join(format!("entities/{}.html", entity["id"].as_str().unwrap())).is_file());
    }
    assert!(site().join("index.html").is_file() && site().join("entities/index.html").is_file());
    assert!(site().join("static/style.css").is_file());
}

#[test]
fn blocks_have_stable_anchors_in_order() {
    for source in json()["sources"].as_array().unwrap() {
        let html = read(&site().join(format!("sources/{}.html", source["slug"].as_str().unwrap())));
        let ids: Vec<&str> = attribute_values(&html, "id")
            .into_iter()
            .filter(|id| id.starts_with('p') && id[1..].parse::<u32>().is_ok())
            .collect();
        let paragraphs = source["paragraphs"].as_array().unwrap();
        let expected: Vec<String> = (1..=paragraphs.len()).map(|n| format!("p{n}")).collect();
        assert_eq!(ids, expected, "{}", source["slug"]);
        for (n, paragraph) in paragraphs.iter().enumerate() {
            assert_eq!(paragraph["id"], format!("p{}", n + 1));
        }
    }
}

#[test]
fn entity_mentions_link_to_entity_pages() {
    let html = read(&site().join("sources/2016-09-01-bloomberg-putin-interview.html"));
    assert!(html.contains(r#"<a class="entity" href="../entities/vladimir-putin.html">Vladimir Putin</a>"#));
    assert!(html.contains(r#"<a class="entity" href="../entities/united-states.html">U.S.</a>"#));
    let links = html.matches(r#"<a class="entity" href="../entities/"#).count();
    assert!(links > 50, "only {links} entity links");
    // The overview is linked too, through lol_html.
    let index = read(&site().join("index.html"));
    assert!(index.contains(r#"<a class="entity" href="entities/john-kerry.html">"#));
}

/// Every form the seeds' README lists for an entity, wherever it stands in the cleaned
/// text, holds a mention of that entity (and of no other entity of the same group).
#[test]
fn alias_groups_resolve_to_one_entity() {
    let data = json();
    let groups: [(&str, &[&str]); 9] = [
        (
            "vladimir-putin",
            &["Putin", "Mr Putin", "President Vladimir Putin", "the Russian president", "the Russian leader"],
        ),
        (
            "john-kerry",
            &["Kerry", "Mr Kerry", "Secretary of State John Kerry", "the top US diplomat", "Top US envoy John Kerry"],
        ),
        ("sergei-lavrov", &["Lavrov", "Mr Lavrov", "Russian Foreign Minister Sergei Lavrov"]),
        ("bashar-al-assad", &["Assad", "Mr Assad", "Syrian President Bashar al-Assad", "Assad's", "Assad’s"]),
        (
            "nusra-front",
            &["Nusra Front", "al-Nusra", "Al-Nusra", "Al-Nusra Front", "al-Nusra Front", "Jabhat Fatah al-Sham"],
        ),
        (
            "islamic-state",
            &["Islamic State", "ISIS", "Isis", "the Islamic State group", "Islamic State in Iraq and Syria"],
        ),
        ("united-states", &["U.S.", "US", "United States", "the U.S"]),
        ("russia", &["Russia"]),
        ("kremlin", &["the Kremlin"]),
    ];
    let sources = data["sources"].as_array().unwrap();
    let entities = data["entities"].as_array().unwrap();
    for (id, forms) in groups {
        let entity = entities.iter().find(|e| e["id"] == id).unwrap_or_else(|| panic!("no entity {id}"));
        let mentions = entity["mentions"].as_array().unwrap();
        for form in forms {
            let mut seen = 0;
            for source in sources {
                for paragraph in source["paragraphs"].as_array().unwrap() {
                    let text = paragraph["text"].as_str().unwrap();
                    for (at, _) in text.match_indices(form) {
                        let span = at..at + form.len();
                        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
                        if !boundary(text[..at].chars().next_back()) || !boundary(text[span.end..].chars().next()) {
                            continue;
                        }
                        // A form inside another entity's descriptive form ("US" in "the top US
                        // diplomat") is part of that mention: one link per span.
                        let inside_other =
                            groups.iter().filter(|(other, _)| *other != id).flat_map(|(_, f)| f.iter()).any(|outer| {
                                outer.len() > form.len()
                                    && text.match_indices(outer).any(|(o, _)| o <= at && span.end <= o + outer.len())
                            });
                        if inside_other {
                            continue;
                        }
                        seen += 1;
                        let linked = mentions.iter().any(|m| {
                            m["source"] == source["slug"]
                                && m["paragraph"] == paragraph["id"]
                                && (m["start"].as_u64().unwrap() as usize) < span.end
                                && span.start < m["end"].as_u64().unwrap() as usize
                        });
                        assert!(
                            linked,
                            "{form:?} in {} {} does not link to {id}: {text}",
                            source["slug"], paragraph["id"]
                        );
                    }
                }
            }
            assert!(seen > 0, "the seeds never write {form:?}");
        }
    }
}

#[test]
fn mentions_in_json_are_the_words_as_written() {
    let data = json();
    let paragraphs: BTreeMap<(String, String), String> = data["sources"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| {
            s["paragraphs"].as_array().unwrap().iter().map(move |p| {
                (
                    (s["slug"].as_str().unwrap().to_string(), p["id"].as_str().unwrap().to_string()),
                    p["text"].as_str().unwrap().to_string(),
                )
            })
        })
        .collect();
    let mut count = 0;
    for entity in data["entities"].as_array().unwrap() {
        for mention in entity["mentions"].as_array().unwrap() {
            let key =
                (mention["source"].as_str().unwrap().to_string(), mention["paragraph"].as_str().unwrap().to_string());
            let text = &paragraphs[&key];
            let (start, end) = (mention["start"].as_u64().unwrap() as usize, mention["end"].as_u64().unwrap() as usize);
            assert_eq!(&text[start..end], mention["text"].as_str().unwrap());
            count += 1;
        }
    }
    assert!(count > 300, "{count} mentions");
    assert_eq!(data["schema_version"], 2);
}

/// Lines of the raw seeds that are boilerplate, as they read in the seed files.
const BOILERPLATE: &[&str] = &[
    "washpost.bloomberg.com",
    "sott.net/article",
    "4 min read",
    "15 July, 2016",
    "PHOTO: REUTERS",
    "[AFP]",
    "Photograph: AFP",
    "©2016 Bloomberg",
    "To contact the reporters",
    "(Updates with",
    "(Bloomberg) --",
    "MOSCOW (AFP)",
    "(Reuters)",
    "With assistance from",
    "waves before getting into a car",
    "attends a meeting with US Secretary of State John Kerry at the Kremlin",
];

#[test]
fn no_boilerplate_line_of_the_seeds_is_in_any_paragraph() {
    let data = json();
    for source in data["sources"].as_array().unwrap() {
        let title = source["title"].as_str().unwrap();
        for paragraph in source["paragraphs"].as_array().unwrap() {
            let text = paragraph["text"].as_str().unwrap();
            for line in BOILERPLATE {
                assert!(!text.contains(line), "{} {}: {text:?} contains {line:?}", source["slug"], paragraph["id"]);
            }
            assert!(text.trim() != "20" && text.trim() != "2", "identifier line kept");
            assert_ne!(text, title, "the headline is repeated as a paragraph");
        }
    }
    let sott = &data["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["slug"] == "2016-09-02-sott-putin-interview")
        .unwrap()["paragraphs"];
    assert!(sott.as_array().unwrap().iter().all(|p| p["kind"] != "heading"), "001's orphan headings are dropped");
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

#[test]
fn cleaning_loses_no_word_of_the_raw_text() {
    // Every word of each raw text is either in the article's blocks or in what was dropped.
    let data = json();
    for source in data["sources"].as_array().unwrap() {
        let slug = source["slug"].as_str().unwrap();
        let raw = read(&repo().join(format!("content/texts/{slug}.txt")));
        let mut kept: Vec<String> = Vec::new();
        for p in source["paragraphs"].as_array().unwrap() {
            kept.extend(words(p["text"].as_str().unwrap()));
            if let Some(a) = p["attribution"].as_str() {
                kept.extend(words(a));
            }
        }
        for d in source["dropped"].as_array().unwrap() {
            kept.extend(words(d["text"].as_str().unwrap()));
        }
        let mut raw_words = words(&raw);
        raw_words.sort();
        kept.sort();
        assert_eq!(raw_words, kept, "{slug}: words were lost or invented by cleaning");
    }
}

#[test]
fn glued_paragraphs_are_split_and_us_is_not_a_sentence_end() {
    let data = json();
    let sott =
        data["sources"].as_array().unwrap().iter().find(|s| s["slug"] == "2016-09-02-sott-putin-interview").unwrap();
    let texts: Vec<&str> = sott["paragraphs"].as_array().unwrap().iter().map(|p| p["text"].as_str().unwrap()).collect();
    assert!(texts.iter().any(|t| t.ends_with("helped give rise to Islamic State.")), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("Putin, a dogged critic")), "{texts:?}");
    assert!(texts.iter().all(|t| !t.contains("State.Putin") && !t.contains("said.The")));
    let html = read(&site().join("entities/united-states.html"));
    // The mention's sentence runs on past "U.S.": it did not end there.
    assert!(html.contains("The <mark>U.S.</mark> and Russia are intensifying efforts"), "a sentence ended at U.S.");
}

#[test]
fn the_pull_quote_and_headings_are_typed() {
    let data = json();
    let arab =
        data["sources"].as_array().unwrap().iter().find(|s| s["slug"] == "2016-07-15-new-arab-kerry-moscow").unwrap();
    let pull = arab["paragraphs"].as_array().unwrap().iter().find(|p| p["kind"] == "pullquote").expect("a pull quote");
    assert!(pull["text"].as_str().unwrap().starts_with("Nowhere is there a greater hotbed"));
    assert_eq!(pull["attribution"], "John Kerry");
    let headings: Vec<&str> = arab["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == "heading")
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(headings, ["Time running out"]);
}

#[test]
fn no_internal_link_is_broken() {
    let files = files_under(site());
    let mut broken = Vec::new();
    let mut checked = 0;
    for (path, bytes) in &files {
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        let dir = path.parent().unwrap_or(Path::new(""));
        for target in attribute_values(&html, "href").into_iter().chain(attribute_values(&html, "src")) {
            if target.starts_with("http://") || target.starts_with("https://") || target.starts_with("mailto:") {
                continue;
            }
            assert!(!target.starts_with('/'), "{}: absolute internal link {target}", path.display());
            let (file, fragment) = target.split_once('#').unwrap_or((target, ""));
            let resolved = if file.is_empty() { path.clone() } else { normalize(&dir.join(file)) };
            checked += 1;
            match files.get(&resolved) {
                None => broken.push(format!("{}: {target} (no file)", path.display())),
                Some(target_bytes) if !fragment.is_empty() => {
                    let target_html = String::from_utf8_lossy(target_bytes);
                    if !attribute_values(&target_html, "id").contains(&fragment) {
                        broken.push(format!("{}: {target} (no id {fragment})", path.display()));
                    }
                }
                Some(_) => {}
            }
        }
    }
    assert!(broken.is_empty(), "{} broken links:\n{}", broken.len(), broken.join("\n"));
    assert!(checked > 1000, "only {checked} links checked");
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn two_builds_are_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let again = dir.path().join("again");
    build_into(&repo().join("content"), &again);
    let first = files_under(site());
    let second = files_under(&again);
    assert_eq!(first.keys().collect::<Vec<_>>(), second.keys().collect::<Vec<_>>());
    for (path, bytes) in &first {
        assert!(second[path] == *bytes, "{} differs between builds", path.display());
    }
}

/// A small content folder written on the fly.
fn write_content(dir: &Path, site_extra: &str, briefing: &str, source: &str) -> PathBuf {
    let content = dir.join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::write(content.join("site.yaml"), format!("title: Test briefing\n{site_extra}")).unwrap();
    fs::write(content.join("briefing.md"), briefing).unwrap();
    fs::write(
        content.join("entities.yaml"),
        "- id: putin\n  name: Vladimir Putin\n  kind: person\n  aliases: [Putin]\n",
    )
    .unwrap();
    fs::write(content.join("sources/a.yaml"), source).unwrap();
    content
}

#[test]
fn source_text_and_raw_html_in_markdown_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let source = "title: \"<script>alert(1)</script> Putin\"\noutlet: \"<b onmouseover=x()>O</b>\"\npublished: 2016-01-01\nbody: |\n  Putin said <script>alert('x')</script> & left.\n\n  <img src=x onerror=alert(1)> Putin again.\n";
    let content = write_content(
        dir.path(),
        "",
        "# Overview\n\nPutin <script>alert(2)</script> [x](javascript:alert(3))\n",
        source,
    );
    let output = dir.path().join("site");
    build_into(&content, &output);
    for (path, bytes) in files_under(&output) {
        // The theme's own external scripts are expected; any other script tag came from content.
        let mut text = String::from_utf8_lossy(&bytes).to_lowercase();
        for root in ["", "../"] {
            for script in ["static/entities.js", "static/search-engine.js", "static/search.js"] {
                text = text.replace(&format!(r#"<script src="{root}{script}" defer></script>"#), "");
            }
        }
        if path.extension().is_some_and(|e| e == "html") {
            assert!(!text.contains("<script"), "{}: unescaped script", path.display());
            assert!(!text.contains("<img") && !text.contains("<b "), "{}: unescaped tag", path.display());
            assert!(!text.contains("javascript:"), "{}: javascript URL", path.display());
        }
    }
    let page = read(&output.join("sources/a.html"));
    assert!(page.contains("&lt;script&gt;alert("), "the text is shown, escaped");
}

#[test]
fn raw_html_in_markdown_passes_only_when_the_site_opts_in() {
    let dir = tempfile::tempdir().unwrap();
    let source = "title: T\noutlet: O\npublished: 2016-01-01\nbody: Putin spoke.\n";
    let content = write_content(dir.path(), "unsafe_html: true\n", "Putin <span class=\"note\">spoke</span>\n", source);
    let output = dir.path().join("site");
    build_into(&content, &output);
    assert!(read(&output.join("index.html")).contains("<span class=\"note\">spoke</span>"));
}

#[test]
fn the_summary_counts_what_was_built() {
    let dir = tempfile::tempdir().unwrap();
    let summary = build_into(&repo().join("content"), &dir.path().join("site"));
    let data = json();
    let paragraphs: usize =
        data["sources"].as_array().unwrap().iter().map(|s| s["paragraphs"].as_array().unwrap().len()).sum();
    let mentions: usize =
        data["entities"].as_array().unwrap().iter().map(|e| e["mentions"].as_array().unwrap().len()).sum();
    assert_eq!((summary.sources, summary.paragraphs, summary.mentions), (5, paragraphs, mentions));
}

#[test]
fn shared_paragraphs_cross_reference_each_other() {
    let bloomberg = read(&site().join("sources/2016-09-01-bloomberg-putin-interview.html"));
    let sott = read(&site().join("sources/2016-09-02-sott-putin-interview.html"));
    // SOTT's first paragraph is Bloomberg's first, word for word; both pages say so.
    assert!(
        sott.contains(
            r#"<a class="xref xref-verbatim" href="../sources/2016-09-01-bloomberg-putin-interview.html#p1""#
        )
    );
    assert!(
        bloomberg
            .contains(r#"<a class="xref xref-verbatim" href="../sources/2016-09-02-sott-putin-interview.html#p1""#)
    );
    // Every passage the seeds share has few carriers: each page carrying it links every
    // other carrier's paragraph.
    let data = json();
    for cluster in data["clusters"].as_array().unwrap() {
        let members = cluster["members"].as_array().unwrap();
        assert!(members.len() <= 4, "the seeds' passages are carried by two to four sentences");
        for from in members {
            for to in members.iter().filter(|to| to["source"] != from["source"]) {
                let page = read(&site().join(format!("sources/{}.html", from["source"].as_str().unwrap())));
                let href = format!(
                    "href=\"../sources/{}.html#{}\"",
                    to["source"].as_str().unwrap(),
                    to["paragraph"].as_str().unwrap()
                );
                assert!(page.contains(&href), "{} lacks a cross-reference {href}", from["source"]);
            }
        }
    }
    assert!(!sott.contains("class=\"xref-wide") && !bloomberg.contains("class=\"xref-wide"), "no passage is counted");
    assert!(sott.contains("Republication of <a href=\"../sources/2016-09-01-bloomberg-putin-interview.html\">"));
    assert!(
        bloomberg.contains("Republished by <a href=\"../sources/2016-09-02-sott-putin-interview.html\">SOTT.net</a>")
    );
    let irish = read(&site().join("sources/2015-12-16-irish-times-kerry-moscow.html"));
    assert!(!irish.contains("class=\"xref xref-") && !irish.contains("class=\"relation\""), "004 shares nothing");
}

#[test]
fn reuse_and_stories_are_exported() {
    let data = json();
    let clusters = data["clusters"].as_array().unwrap();
    assert!(clusters.len() >= 25, "{} passages", clusters.len());
    let paragraph_text = |member: &Value| -> String {
        let source = data["sources"].as_array().unwrap().iter().find(|s| s["slug"] == member["source"]).unwrap();
        let paragraphs = source["paragraphs"].as_array().unwrap();
        let paragraph = paragraphs.iter().find(|p| p["id"] == member["paragraph"]).unwrap();
        paragraph["text"].as_str().unwrap().to_string()
    };
    for cluster in clusters {
        let members = cluster["members"].as_array().unwrap();
        let sources: std::collections::BTreeSet<&str> = members.iter().map(|m| m["source"].as_str().unwrap()).collect();
        assert!(sources.len() >= 2, "a passage is carried by two sources or more");
        assert_eq!(members[0]["wording"], 0, "the origin's words come first");
        for member in members {
            // The sentence, at its offsets in its paragraph, has its wording's words (the
            // wording is written as its first carrier has it: quotes and commas may differ).
            let text = paragraph_text(member);
            let (start, end) = (member["start"].as_u64().unwrap() as usize, member["end"].as_u64().unwrap() as usize);
            let wording = &cluster["wordings"][member["wording"].as_u64().unwrap() as usize];
            assert_eq!(words(&text[start..end]), words(wording.as_str().unwrap()), "{member}");
            assert!(["verbatim", "near", "quote"].contains(&member["kind"].as_str().unwrap()));
            let score = member["score"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&score));
        }
    }
    let stories = data["stories"].as_array().unwrap();
    let ids: Vec<&str> = stories.iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "2015-12-16-irish-times-kerry-moscow",
            "2016-07-14-straits-times-kerry-moscow",
            "2016-09-01-bloomberg-putin-interview"
        ]
    );
    assert_eq!(stories[2]["origin"], "2016-09-01-bloomberg-putin-interview");
    assert_eq!(
        stories[2]["sources"],
        serde_json::json!(["2016-09-01-bloomberg-putin-interview", "2016-09-02-sott-putin-interview"])
    );
}

#[test]
fn story_pages_compare_the_versions() {
    assert!(
        !site().join("stories/2015-12-16-irish-times-kerry-moscow.html").exists(),
        "no page for a story of one source"
    );
    let page = read(&site().join("stories/2016-07-14-straits-times-kerry-moscow.html"));
    assert!(page.contains("<svg class=\"story-map\""), "the picture is drawn inline");
    assert_eq!(page.matches("<rect class=\"story-block").count(), 27 + 25, "one bar per paragraph of each version");
    assert!(page.matches("class=\"story-join").count() >= 10, "shared paragraphs are joined");
    // The two versions' shared passage stands in one row.
    let row = page
        .split("<tr class=\"row-shared\">")
        .find(|r| r.contains("If we cannot get to a solution"))
        .expect("a shared row");
    let row = &row[..row.find("</tr>").unwrap()];
    assert_eq!(row.matches("If we cannot get to a solution").count(), 2, "both versions sit side by side");
    assert!(page.contains("<tr class=\"row-shared\" id=\"p13\">"), "rows are anchored by the origin's paragraph");
    // What each version alone carries and what it left out.
    assert!(
        page.contains("Only in this version (18)") && page.contains("Left out from the origin (18)"),
        "counts of own and missing sentences"
    );
    // SOTT carries the passages Bloomberg shares in Bloomberg's words, but left out fifteen
    // of Bloomberg's sentences: it is not the origin's text carried verbatim.
    let putin = read(&site().join("stories/2016-09-01-bloomberg-putin-interview.html"));
    assert_eq!(putin.matches("<th scope=\"col\">").count(), 2, "one column per text");
    assert!(putin.contains("Left out from the origin (15)") && !putin.contains("Carried verbatim"));
    assert!(putin.contains("2 versions of one story. "), "as many texts as versions");
    let index = read(&site().join("index.html"));
    assert_eq!(index.matches("<section class=\"story-group\"").count(), 3, "the index groups sources by story");
    assert!(index.contains("href=\"stories/2016-09-01-bloomberg-putin-interview.html\""));
}

#[test]
fn entity_pages_show_company_and_time() {
    let page = read(&site().join("entities/bashar-al-assad.html"));
    let related = &page[page.find("Named in the same paragraphs").expect("co-mentioned entities")..];
    assert!(related.contains(r#"<a href="../entities/russia.html">Russia</a>"#), "Russia is named with Assad");
    assert!(page.contains("<svg class=\"timeline\""), "mentions over time are drawn");
    for date in ["16 December 2015", "14 July 2016", "15 July 2016", "1 September 2016", "2 September 2016"] {
        assert!(page.contains(&format!("{date}</time>: ")), "a period for {date}");
    }
    let index = read(&site().join("entities/index.html"));
    assert_eq!(index.matches("<tr id=\"kind-").count(), 5, "a row anchor for each kind");
    assert!(index.contains("data-search=\"Islamic State Islamic State in Iraq and Syria Islamic State group Islamic State jihadist group ISIS\""));
    assert!(site().join("static/entities.js").is_file());
}

#[test]
fn quotations_are_gathered_by_speaker_and_marked_in_sources() {
    let quotes = read(&site().join("quotes.html"));
    let putin = &quotes[quotes
        .find(r#"<a href="entities/vladimir-putin.html">Vladimir Putin</a></h2>"#)
        .expect("a section for Putin")..];
    assert!(
        putin.contains("We’re gradually, gradually heading in the right direction, … I don’t rule out"),
        "parts joined"
    );
    // Assad's quotation is one quotation carried by two outlets, each linked to its paragraph.
    let assad = &quotes[quotes.find("Only the Syrian people define").unwrap()..];
    let caption = &assad[..assad.find("</figcaption>").unwrap()];
    assert!(caption.contains(r#"href="sources/2016-07-14-straits-times-kerry-moscow.html#p18""#), "{caption}");
    assert!(caption.contains(r#"href="sources/2016-07-15-new-arab-kerry-moscow.html#p19""#), "{caption}");
    assert!(
        quotes.contains("a senior US official") && quotes.contains("Speaker unknown"),
        "speakers outside the catalogue are kept as written"
    );
    let source = read(&site().join("sources/2016-09-01-bloomberg-putin-interview.html"));
    assert!(source.contains(r#"class="quote" title="Vladimir Putin">We’re gradually"#), "quotations are marked");
    assert!(
        source.contains(r#"<a class="speaker" href="../entities/vladimir-putin.html">Vladimir Putin</a>"#),
        "and their speaker linked"
    );
    let entity = read(&site().join("entities/sergei-lavrov.html"));
    assert!(entity.contains("On that route, there are still questions"), "an entity page lists its quotations");
    let data = json();
    let exported = data["quotes"].as_array().unwrap();
    assert_eq!(exported.len(), 24);
    let shared =
        exported.iter().find(|q| q["wordings"][0].as_str().unwrap().starts_with("Only the Syrian people")).unwrap();
    assert_eq!(shared["speaker"], "bashar-al-assad");
    assert_eq!(shared["reports"].as_array().unwrap().len(), 2);
    assert!(exported.iter().any(|q| q["speaker"].is_null() && q["speaker_text"] == "a senior western diplomat"));
}

#[test]
fn feeds_and_page_metadata() {
    let atom = read(&site().join("atom.xml"));
    assert!(atom.starts_with("<?xml") && atom.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
    assert_eq!(atom.matches("<entry>").count(), 5, "one entry per source");
    let first = atom.find("2016-09-02-sott-putin-interview").unwrap();
    let last = atom.find("2015-12-16-irish-times-kerry-moscow").unwrap();
    assert!(first < last, "newest first");
    assert!(!site().join("sitemap.xml").exists(), "no sitemap without base_url");
    for page in
        ["index.html", "sources/2016-09-01-bloomberg-putin-interview.html", "entities/john-kerry.html", "quotes.html"]
    {
        let html = read(&site().join(page));
        for tag in [
            "<meta name=\"description\" content=\"",
            "<meta property=\"og:title\"",
            "<meta property=\"og:description\"",
            "rel=\"alternate\" type=\"application/atom+xml\"",
        ] {
            assert!(html.contains(tag), "{page} lacks {tag}");
        }
        assert!(!html.contains("rel=\"canonical\""), "no canonical link without base_url");
    }
}

#[test]
fn a_base_url_gives_canonical_links_and_a_sitemap() {
    let dir = tempfile::tempdir().unwrap();
    let source = "title: T\noutlet: O\npublished: 2016-01-01\nbody: Putin spoke.\n";
    let content = write_content(dir.path(), "base_url: https://example.org/briefing\n", "Putin.\n", source);
    let output = dir.path().join("site");
    build_into(&content, &output);
    let sitemap = read(&output.join("sitemap.xml"));
    assert!(sitemap.contains("<loc>https://example.org/briefing/sources/a.html</loc>"), "{sitemap}");
    assert!(sitemap.contains("<loc>https://example.org/briefing/index.html</loc>"));
    let page = read(&output.join("sources/a.html"));
    assert!(page.contains(r#"<link rel="canonical" href="https://example.org/briefing/sources/a.html">"#));
    assert!(read(&output.join("atom.xml")).contains(r#"href="https://example.org/briefing/sources/a.html""#));
}

#[test]
fn the_timeline_links_every_story() {
    let index = read(&site().join("index.html"));
    let svg = &index[index.find("<svg class=\"timeline-map\"").expect("a timeline")..];
    let svg = &svg[..svg.find("</svg>").unwrap()];
    assert_eq!(svg.matches("<circle class=\"timeline-mark\"").count(), 3, "one mark per story");
    assert!(svg.contains(r#"<a href="stories/2016-07-14-straits-times-kerry-moscow.html">"#));
    assert!(
        svg.contains(r#"<a href="sources/2015-12-16-irish-times-kerry-moscow.html">"#),
        "a story of one source links to it"
    );
}

/// The documents of the search index holding `term`, by URL, with the labels of the sections
/// holding it: the lookup the search script makes.
fn search_term(term: &str) -> BTreeMap<String, Vec<String>> {
    let folder = site().join("search");
    let index: Value = serde_json::from_str(&read(&folder.join("index.json"))).unwrap();
    let firsts: Vec<String> = serde_json::from_value(index["term_chunks"].clone()).unwrap();
    let chunk = firsts.iter().rposition(|first| first.as_str() <= term).expect("a chunk");
    let chunk: Value = serde_json::from_str(&read(&folder.join(format!("terms/{chunk}.json")))).unwrap();
    let doc_files: Vec<usize> = serde_json::from_value(index["doc_files"].clone()).unwrap();
    let flat: Vec<usize> = serde_json::from_value(chunk[term].clone()).unwrap_or_default();
    let (mut at, mut doc, mut found) = (0, 0, BTreeMap::new());
    while at < flat.len() {
        doc += flat[at];
        let sections = &flat[at + 2..at + 2 + flat[at + 1]];
        at += 2 + flat[at + 1];
        let file = doc_files.iter().rposition(|&first| first <= doc).unwrap();
        let docs: Value = serde_json::from_str(&read(&folder.join(format!("docs/{file}.json")))).unwrap();
        let stored = &docs[doc - doc_files[file]];
        let labels = sections.iter().map(|&s| stored["sections"][s][1].as_str().unwrap().to_string()).collect();
        found.insert(stored["url"].as_str().unwrap().to_string(), labels);
    }
    found
}

#[test]
fn the_search_index_covers_sources_entities_and_quotes() {
    let folder = site().join("search");
    let index: Value = serde_json::from_str(&read(&folder.join("index.json"))).unwrap();
    // One document per indexed page (the briefing, every entity and every source) and one
    // per quotation.
    let data = json();
    let (sources, entities) = (data["sources"].as_array().unwrap().len(), data["entities"].as_array().unwrap().len());
    let quotes = data["quotes"].as_array().unwrap().len();
    let docs = 1 + quotes + entities + sources;
    assert_eq!(index["docs"], docs);
    assert_eq!(
        index["types"],
        serde_json::json!([
            {"name": "Briefing", "from": 0, "to": 1},
            {"name": "Quotation", "from": 1, "to": 1 + quotes},
            {"name": "Entity", "from": 1 + quotes, "to": 1 + quotes + entities},
            {"name": "Source", "from": 1 + quotes + entities, "to": docs},
        ])
    );
    // Every document points at a page of the site, and every file of the index is listed.
    let mut urls = Vec::new();
    let doc_files = index["doc_files"].as_array().unwrap().len();
    let term_chunks = index["term_chunks"].as_array().unwrap().len();
    for n in 0..doc_files {
        let docs: Value = serde_json::from_str(&read(&folder.join(format!("docs/{n}.json")))).unwrap();
        for doc in docs.as_array().unwrap() {
            let url = doc["url"].as_str().unwrap();
            let page = url.split('#').next().unwrap();
            assert!(site().join(page).is_file(), "{url} is not a page");
            assert_eq!(doc["sections"][0][0], "", "{url}: section 0 is the header");
            urls.push(url.to_string());
        }
    }
    assert_eq!(urls.len(), docs);
    assert_eq!(files_under(&folder).len(), 1 + doc_files + term_chunks);

    // A rare word: the overview, the quotation and the New Arab source's paragraphs.
    let hotbed = search_term("hotbed");
    let quote = hotbed.keys().find(|url| url.starts_with("quotes.html#q")).expect("the quotation").clone();
    assert_eq!(
        hotbed.keys().collect::<Vec<_>>(),
        ["index.html", quote.as_str(), "sources/2016-07-15-new-arab-kerry-moscow.html"]
    );
    assert_eq!(hotbed[&quote], ["Quotation"], "{hotbed:?}");
    assert!(search_term("kerry").contains_key(&quote), "the speaker finds the quotation");
    assert!(hotbed["sources/2016-07-15-new-arab-kerry-moscow.html"][0].starts_with('¶'), "{hotbed:?}");
    // An entity by an alias; words are lowercased, not stemmed.
    assert!(search_term("isis").contains_key("entities/islamic-state.html"));
    assert!(search_term("Lavrov").is_empty() && !search_term("lavrov").is_empty());

    // Every page loads the search scripts relatively, the engine first, and no inline script.
    let mut pages = 0;
    for (path, bytes) in files_under(site()) {
        if path.extension().is_none_or(|e| e != "html") {
            continue;
        }
        pages += 1;
        let html = String::from_utf8(bytes).unwrap();
        let root = "../".repeat(path.components().count() - 1);
        let engine = format!(r#"<script src="{root}static/search-engine.js" defer></script>"#);
        let ui = format!(r#"<script src="{root}static/search.js" defer></script>"#);
        let (at_engine, at_ui) = (html.find(&engine), html.find(&ui));
        assert!(at_engine.is_some() && at_engine < at_ui, "{}: lacks {engine} before {ui}", path.display());
        assert!(!html.contains("pagefind"), "{}", path.display());
        assert_eq!(html.matches("<script").count(), html.matches("<script src=").count(), "{}", path.display());
    }
    assert!(pages > 50, "only {pages} pages");
    assert!(site().join("static/search-engine.js").is_file() && site().join("static/search.js").is_file());
}
