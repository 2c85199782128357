//! One wire text carried by 300 outlets, as news is: every page stays small and readable.
//! The copies are one story with one story page, where they collapse into one entry; each
//! source page counts the other carriers of its passages and names a few, and no page
//! links to every copy one by one.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

mod common;
use common::{copy_dir, repo};

/// Sources carrying the origin's text word for word, the origin among them.
const COPIES: usize = 300;
/// Copies that cut the last three paragraphs, and copies that reword one sentence.
const CUT: usize = 3;
const EDITED: usize = 2;
const VERSIONS: usize = COPIES + CUT + EDITED;
/// A story page, or a source page, of this fixture stays under this many bytes.
const PAGE_LIMIT: usize = 300_000;

const CUT_FROM: &str = "Russia and the U.S in February negotiated";
const EDITED_FROM: &str = "Hundreds of thousands have died in the conflict";
const EDITED_TO: &str = "Hundreds of thousands of people have been killed in the conflict";

fn slug(n: usize) -> String {
    format!("wire-{n:03}")
}

/// The content folder: the seeds' catalogue, and Bloomberg's seed text as wire copy.
fn write_content(content: &Path) {
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::create_dir_all(content.join("texts")).unwrap();
    fs::write(content.join("site.yaml"), "title: Wire copy\n").unwrap();
    fs::write(content.join("briefing.md"), "# Wire copy\n\nOne text, carried by many.\n").unwrap();
    fs::copy(repo().join("content/entities.yaml"), content.join("entities.yaml")).unwrap();
    let text = fs::read_to_string(repo().join("content/texts/2016-09-01-bloomberg-putin-interview.txt")).unwrap();
    assert!(text.contains(EDITED_FROM));
    // The cut copies end before the last three paragraphs of the article (and its sign-off).
    let cut = &text[..text.find(CUT_FROM).expect("the cut's first words")];
    fs::write(content.join("texts/full.txt"), &text).unwrap();
    fs::write(content.join("texts/cut.txt"), cut).unwrap();
    fs::write(content.join("texts/edited.txt"), text.replace(EDITED_FROM, EDITED_TO)).unwrap();
    for n in 0..VERSIONS {
        let body = if n < COPIES {
            "full"
        } else if n < COPIES + CUT {
            "cut"
        } else {
            "edited"
        };
        // The origin first, the copies over the next two days.
        let day = if n == 0 { 1 } else { 2 + n % 2 };
        let yaml = format!(
            "title: \"Putin says Russia and US close to deal on Syria\"\noutlet: \"Outlet {n:03}\"\npublished: 2016-09-{day:02}\nwire: Bloomberg\nbody_file: ../texts/{body}.txt\n"
        );
        fs::write(content.join(format!("sources/{}.yaml", slug(n))), yaml).unwrap();
    }
}

/// The fixture, built once for all tests of this file. With `WIDE_REUSE_KEEP=DIR`, it is
/// built in DIR and left there, to be looked at in a browser.
fn site() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, path) = SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let project = std::env::var_os("WIDE_REUSE_KEEP").map_or_else(|| dir.path().to_path_buf(), PathBuf::from);
        let content = project.join("content");
        write_content(&content);
        copy_dir(&repo().join("themes"), &project.join("themes"));
        let output = project.join("site");
        let options = sitegen::BuildOptions { content, output: output.clone(), theme: None, verbose: false };
        sitegen::build(&options).unwrap_or_else(|e| panic!("build failed: {e}"));
        (dir, output)
    });
    path
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn html_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect()
}

#[test]
fn the_copies_are_one_story_whose_page_collapses_them() {
    let stories: Vec<PathBuf> = html_files(&site().join("stories"));
    assert_eq!(stories.len(), 1, "one story page: {stories:?}");
    let page = read(&stories[0]);
    assert!(stories[0].ends_with(format!("{}.html", slug(0))), "the earliest version is the origin");
    assert!(page.len() < PAGE_LIMIT, "the story page is {} bytes", page.len());
    assert!(page.contains(&format!("{VERSIONS} versions of one story, carrying 3 distinct texts")));
    // The origin's text: one entry, its 299 other carriers listed once, out of the way.
    assert_eq!(page.matches(&format!("Carried verbatim by {} outlets", COPIES - 1)).count(), 1);
    let carriers = &page[page.find("<ul class=\"outlet-list\">").unwrap()..];
    let carriers = &carriers[..carriers.find("</ul>").unwrap()];
    assert_eq!(carriers.matches("<li>").count(), COPIES - 1);
    assert!(page.contains(&format!("{EDITED} outlets carry this text")));
    assert!(page.contains(&format!("{CUT} outlets carry this text")));
    // One column per distinct text, not per version: the map and the table agree.
    assert_eq!(page.matches("<text class=\"story-label\"").count(), 3);
    assert_eq!(page.matches("<th scope=\"col\"><a href=").count(), 3);
    assert!(page.contains(&format!("1 September 2016 · {COPIES} outlets</span>")));
    // The cut copies left out the origin's last paragraphs (five sentences); the edited
    // ones left out nothing (their sentence is an edit of the origin's), and stand side by side.
    assert!(page.contains("Left out from the origin (5)") && page.contains("Left out from the origin (0)"));
    assert!(page.contains(EDITED_TO));
    // Headings and short sentences are never in a passage, yet the copies have them: they
    // are no version's own, and none left them out.
    assert_eq!(page.matches("Only in this version (0)").count(), 3);
}

#[test]
fn source_pages_count_the_carriers_and_name_a_few() {
    let copy = read(&site().join(format!("sources/{}.html", slug(7))));
    assert!(copy.len() < PAGE_LIMIT, "a copy's page is {} bytes", copy.len());
    let others = VERSIONS - 1;
    assert!(copy.contains(&format!("also in {others} sources: ")), "the margin counts the other carriers");
    // The first wide note: up to the next one, or the end of the margin.
    let note = &copy[copy.find("<span class=\"xref-wide").unwrap()..];
    let end = note[1..].find("<span class=\"xref-wide").map_or(note.find("</aside>").unwrap(), |n| n + 1);
    let note = &note[..end];
    assert_eq!(note.matches("class=\"xref xref-").count(), 3, "three outlets named: {note}");
    assert!(note.contains(&format!("href=\"../sources/{}.html#p1\"", slug(0))), "the origin named first: {note}");
    assert!(note.contains(&format!("and {} more", others - 3)), "{note}");
    let row = format!("href=\"../stories/{}.html#p1\"", slug(0));
    assert!(note.contains(&row), "the note links to the passage's row on the story page: {note}");
    let story = read(&site().join(format!("stories/{}.html", slug(0))));
    assert!(story.contains("<tr class=\"row-shared\" id=\"p1\">"));
    // The origin's header names a few republications and counts the rest.
    let origin = read(&site().join(format!("sources/{}.html", slug(0))));
    assert!(origin.contains(&format!("and {} more. ", others - 3)), "the origin's header counts its copies");
}

#[test]
fn no_page_links_to_every_copy() {
    let linked_sources = |html: &str| {
        let mut hrefs: Vec<&str> =
            html.match_indices("sources/wire-").map(|(at, _)| &html[at..at + "sources/wire-000".len()]).collect();
        hrefs.sort_unstable();
        hrefs.dedup();
        hrefs.len()
    };
    for path in html_files(site()) {
        let html = read(&path);
        let xrefs = html.matches("class=\"xref xref-").count();
        assert!(xrefs < 100, "{}: {xrefs} cross-references", path.display());
        for aside in html.split("<aside class=\"xrefs\"").skip(1) {
            let aside = &aside[..aside.find("</aside>").unwrap()];
            assert!(aside.matches("class=\"xref xref-").count() <= 6, "{}: {aside}", path.display());
        }
    }
    // The pages that show reuse name a handful of the copies, whatever their number.
    for path in html_files(&site().join("sources")).into_iter().chain([site().join("index.html")]) {
        let html = read(&path);
        assert!(linked_sources(&html) <= 10, "{}: links to {} sources", path.display(), linked_sources(&html));
    }
    // The story page lists each version once, in the lists of the texts they carry.
    let story = read(&site().join(format!("stories/{}.html", slug(0))));
    let listed: usize = story
        .split("<ul class=\"outlet-list\">")
        .skip(1)
        .map(|l| l[..l.find("</ul>").unwrap()].matches("<li>").count())
        .sum();
    assert_eq!(listed, VERSIONS - 1, "every version but the origin, once");
    let index = read(&site().join("index.html"));
    assert!(index.contains(&format!("and {} more versions</a>", VERSIONS - 1)));
    assert!(index.len() < PAGE_LIMIT, "the briefing is {} bytes", index.len());
}

/// An edit to one copy of the 300 renders again the pages it changes (the copy's page, the
/// story page, the pages that list sources), not the other copies' pages.
#[test]
fn an_edit_to_one_copy_renders_few_pages_again() {
    let project = tempfile::tempdir().unwrap();
    let content = project.path().join("content");
    write_content(&content);
    copy_dir(&repo().join("themes"), &project.path().join("themes"));
    let options = sitegen::BuildOptions {
        content: content.clone(),
        output: project.path().join("site"),
        theme: None,
        verbose: false,
    };
    let mut cache = sitegen::BuildCache::for_rebuilds();
    let first = sitegen::build_with(&options, &mut cache).unwrap();
    // Copy 150 rewords one sentence of its own.
    let text = read(&content.join("texts/full.txt"));
    fs::write(
        content.join("texts/own.txt"),
        text.replace(EDITED_FROM, "Many hundreds of thousands have died in the conflict"),
    )
    .unwrap();
    let yaml = content.join(format!("sources/{}.yaml", slug(150)));
    fs::write(&yaml, read(&yaml).replace("../texts/full.txt", "../texts/own.txt")).unwrap();
    let rebuilt = sitegen::build_with(&options, &mut cache).unwrap();
    assert_eq!(rebuilt.pages, first.pages);
    let rendered = cache.rendered_pages();
    println!("one copy of {VERSIONS} edited: {rendered} of {} pages rendered again", rebuilt.pages);
    assert!(rendered <= 12, "{rendered} of {} pages rendered again", rebuilt.pages);
    let fresh = sitegen::build(&sitegen::BuildOptions { output: project.path().join("fresh"), ..options }).unwrap();
    assert_eq!(rebuilt.digest, fresh.digest, "the same site as a fresh build");
}
