//! One story carried by 300 sources, as wire copy is: what the export and the quotes pages
//! make of it must grow with the copies, never with pairs of them.
//!
//! Every source carries the same two wire sentences and Lavrov's quotation in the same words,
//! Kerry's quotation in one of three wordings, and a quotation of its own (so there are more
//! quotations than one page lists). Outlet names are long, so that the links to 300 sources
//! weigh on the pages as a real archive's would.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::Value;

/// Sources in the fixture.
const COPIES: usize = 300;
/// The limit no page may pass.
const PAGE_LIMIT: u64 = 2 * 1024 * 1024;

const WIRE: &str = "The talks in Geneva brought together diplomats from twenty countries and the envoy of the United Nations for the region.";
const LAVROV: &str =
    "We will keep talking until there is a ceasefire in every province of the country and the convoys can move";
const KERRY_WORDS: [&str; 3] = ["hospitals", "clinics", "schools"];

/// Kerry's quotation in wording `w`.
fn kerry(w: usize) -> String {
    format!(
        "Every side must stop the shelling of the {} before any new round of talks can begin in Geneva",
        KERRY_WORDS[w]
    )
}

/// A made-up word, different for every (source, position): quotations of their own share no
/// phrase with one another.
fn word(source: usize, position: usize) -> String {
    const SYLLABLES: [&str; 16] =
        ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "bre", "dra", "fli", "gro", "ple", "shu", "tri", "wen"];
    let mut n = source * 131 + position * 7919 + 17;
    let mut out = String::new();
    for _ in 0..4 {
        out.push_str(SYLLABLES[n % 16]);
        n /= 16;
        n += position + 3;
    }
    out
}

/// The content folder, written once into a temporary folder, and the site built from it.
fn site() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, output) = SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir_all(content.join("sources")).unwrap();
        fs::write(content.join("site.yaml"), "title: Copies\n").unwrap();
        fs::write(content.join("briefing.md"), "# Copies\n\nOne story, carried by many.\n").unwrap();
        fs::write(
            content.join("entities.yaml"),
            "- id: sergei-lavrov\n  name: Sergei Lavrov\n  kind: person\n  aliases: [Lavrov]\n\
             - id: john-kerry\n  name: John Kerry\n  kind: person\n  aliases: [Kerry]\n",
        )
        .unwrap();
        for i in 0..COPIES {
            let own: Vec<String> = (0..12).map(|k| word(i, k)).collect();
            let body = [
                WIRE.to_string(),
                format!("\u{201c}{LAVROV},\u{201d} Lavrov told reporters after the meeting."),
                format!("\u{201c}{},\u{201d} Kerry said.", kerry(i % 3)),
                format!("\u{201c}{},\u{201d} a local official said.", own.join(" ")),
                "The ministers agreed to meet again next month to review the progress of the humanitarian convoys."
                    .to_string(),
            ]
            .join("\n\n");
            let outlet = format!("The Evening Chronicle and Weekly Advertiser of the Northern Borough Number {i:03}");
            let yaml = format!(
                "title: Talks in Geneva, copy {i}\noutlet: {outlet}\npublished: 2016-03-0{}\nbody: {}\n",
                1 + i % 5,
                corpus::quoted_scalar(&body)
            );
            fs::write(content.join(format!("sources/copy-{i:03}.yaml")), yaml).unwrap();
        }
        let output = dir.path().join("site");
        let options = sitegen::BuildOptions { content, output: output.clone(), theme: None, verbose: false };
        sitegen::build(&options).unwrap_or_else(|e| panic!("build failed: {e}"));
        (dir, output)
    });
    output
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn json() -> Value {
    serde_json::from_str(&read(&site().join("briefing.json"))).unwrap()
}

/// Every quotes page: quotes.html, then quotes/2.html, … in order, with its path.
fn quote_pages() -> Vec<(String, String)> {
    let mut pages = vec![("quotes.html".to_string(), read(&site().join("quotes.html")))];
    for n in 2.. {
        let path = format!("quotes/{n}.html");
        match fs::read_to_string(site().join(&path)) {
            Ok(html) => pages.push((path, html)),
            Err(_) => break,
        }
    }
    pages
}

/// The HTML of the quotation whose words begin `text`: its `<figure>` (on whichever page).
fn figure_of(text: &str) -> String {
    for (_, html) in quote_pages() {
        if let Some(at) = html.find(&format!("<p>{text}")) {
            let start = html[..at].rfind("<figure").unwrap();
            let end = at + html[at..].find("</figure>").unwrap();
            return html[start..end].to_string();
        }
    }
    panic!("no quotation begins {text:?}");
}

#[test]
fn a_passage_carried_by_300_sources_is_one_cluster_with_its_text_once() {
    let data = json();
    let clusters = data["clusters"].as_array().unwrap();
    let wire = clusters.iter().find(|c| c["wordings"][0] == WIRE).expect("the wire sentence's cluster");
    assert_eq!(wire["kind"], "sentence");
    assert_eq!(wire["wordings"].as_array().unwrap().len(), 1, "one wording, written once");
    let members = wire["members"].as_array().unwrap();
    assert_eq!(members.len(), COPIES, "every copy is a member");
    assert!(members.iter().all(|m| m["wording"] == 0 && m["kind"] == "verbatim" && m["score"] == 1.0));
    assert!(members.iter().all(|m| m.get("text").is_none()), "no member repeats the text");
    let sources: BTreeSet<&str> = members.iter().map(|m| m["source"].as_str().unwrap()).collect();
    assert_eq!(sources.len(), COPIES);
    assert_eq!((&wire["source"], &wire["paragraph"]), (&members[0]["source"], &members[0]["paragraph"]));

    // The file holds each source's own text and a line or so per copy: 300 copies of five
    // passages are about 1,500 members. As pairs, they were 5 × 44,850 links, 2 texts each.
    let json_text = read(&site().join("briefing.json"));
    let size = json_text.len();
    let members: usize = clusters.iter().map(|c| c["members"].as_array().unwrap().len()).sum();
    assert!(members <= 5 * COPIES, "{members} members");
    assert!(size < 2_000_000, "briefing.json is {size} bytes");
    // The wire sentence: once in each source's paragraphs, once in its cluster.
    assert_eq!(json_text.matches(WIRE).count(), COPIES + 1);
    let story = &data["stories"].as_array().unwrap()[0];
    assert_eq!(story["sources"].as_array().unwrap().len(), COPIES, "one story of every copy");
    assert_eq!(story["roles"][0], "origin");
    assert!(story["roles"].as_array().unwrap()[1..].iter().all(|r| r == "republication" || r == "version"));
    let grouped: usize = story["texts"].as_array().unwrap().iter().map(|t| t.as_array().unwrap().len()).sum();
    assert_eq!(grouped, COPIES, "every version in one text group");
}

#[test]
fn a_quotation_reported_by_300_sources_in_the_same_words_is_one_wording_of_300() {
    let data = json();
    let quotes = data["quotes"].as_array().unwrap();
    // The quoted words as written, with the comma before the closing mark.
    let lavrov = quotes.iter().find(|q| q["wordings"][0] == format!("{LAVROV},")).expect("Lavrov's quotation");
    assert_eq!(lavrov["wordings"].as_array().unwrap().len(), 1);
    assert_eq!(lavrov["reports"].as_array().unwrap().len(), COPIES);

    let figure = figure_of(LAVROV);
    assert!(figure.contains(&format!("carried by {COPIES} sources\n")), "{}", &figure[..600]);
    assert_eq!(figure.matches("Reported in these words by").count(), 1, "one wording group");
    assert!(figure.contains(&format!("<summary>Reported in these words by {COPIES} sources</summary>")));
    assert_eq!(figure.matches("<a href=\"").count(), COPIES, "a link to every source");
    assert!(!figure.contains("Also reported as"), "no other wording");

    // Kerry's, in three wordings of 100 sources each: the first report's, then the others
    // with their differences marked.
    let kerry = figure_of(&kerry(0));
    assert!(kerry.contains(&format!("carried by {COPIES} sources in 3 wordings")));
    assert_eq!(kerry.matches("<summary>Reported in these words by 100 sources</summary>").count(), 3);
    assert!(kerry.contains("<ins>clinics</ins> <del>hospitals</del>") && kerry.contains("<ins>schools</ins>"));
}

#[test]
fn quotes_pages_list_every_quotation_once_under_2_mb_with_working_links() {
    let pages = quote_pages();
    let quotes = json()["quotes"].as_array().unwrap().len();
    assert!(quotes > COPIES, "{quotes} quotations");
    assert!(pages.len() >= quotes.div_ceil(100), "{} pages for {quotes} quotations", pages.len());
    let mut page_of: BTreeMap<String, String> = BTreeMap::new();
    for (n, (path, html)) in pages.iter().enumerate() {
        let size = fs::metadata(site().join(path)).unwrap().len();
        assert!(size < PAGE_LIMIT, "{path} is {size} bytes");
        for part in html.split("<figure class=\"quotation\" id=\"").skip(1) {
            let id = &part[..part.find('"').unwrap()];
            assert!(page_of.insert(id.to_string(), path.clone()).is_none(), "{id} is listed twice");
        }
        // Links between pages, from where each page stands.
        let root = if n == 0 { "" } else { "../" };
        let href = |k: usize| if k == 1 { format!("{root}quotes.html") } else { format!("{root}quotes/{k}.html") };
        let number = n + 1;
        assert!(html.contains(&format!("aria-current=\"page\">{number}</a>")), "{path}: marked current");
        if number > 1 {
            assert!(html.contains(&format!("href=\"{}\" rel=\"prev\"", href(number - 1))), "{path}: previous");
        }
        if number < pages.len() {
            assert!(html.contains(&format!("href=\"{}\" rel=\"next\"", href(number + 1))), "{path}: next");
        }
        if n > 0 {
            assert!(html.contains("href=\"../sources/copy-"), "{path}: sources linked from a folder down");
        }
    }
    assert_eq!(page_of.len(), quotes, "every quotation is listed once");
    // The search index sends each quotation's result to the page that holds it.
    let mut found = 0;
    for entry in fs::read_dir(site().join("search/docs")).unwrap() {
        let docs = read(&entry.unwrap().path());
        for (at, _) in docs.match_indices("quotes") {
            let url = &docs[at..at + docs[at..].find('"').unwrap()];
            let (path, id) = url.split_once('#').unwrap();
            assert_eq!(page_of[id], path, "the search result of {id}");
            found += 1;
        }
    }
    assert_eq!(found, quotes, "one search result per quotation");
}
