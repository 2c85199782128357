//! Speakers named outside the catalogue, in a whole site: "Rep. Jerry Nadler" in one source
//! and "Nadler" in another are one speaker, with a page listing both quotations, a group on
//! the quotes page, and a line among `sitegen check`'s candidates.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// Two sources quoting Jerry Nadler, who is not in the catalogue (Vladimir Putin is).
fn nadler_content(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    fs::create_dir_all(content.join("sources")).unwrap();
    fs::write(content.join("site.yaml"), "title: Test briefing\n").unwrap();
    fs::write(content.join("briefing.md"), "# Overview\n\nThe vote.\n").unwrap();
    let entities = "- id: putin\n  name: Vladimir Putin\n  kind: person\n  aliases: [Putin]\n";
    fs::write(content.join("entities.yaml"), entities).unwrap();
    let a = "title: Senate vote\noutlet: Outlet A\npublished: 2016-01-01\nbody: |\n  \u{201c}The bill will pass the Senate before the end of the month,\u{201d} said Rep. Jerry Nadler, a Democrat from New York.\n\n  The House voted on Tuesday.\n";
    let b = "title: Hearings\noutlet: Outlet B\npublished: 2016-01-03\nbody: |\n  The committee met on Monday to set its calendar.\n\n  \u{201c}The committee will hold its hearings in public, every single one of them,\u{201d} Nadler said.\n";
    fs::write(content.join("sources/a.yaml"), a).unwrap();
    fs::write(content.join("sources/b.yaml"), b).unwrap();
    content
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// In source b, "Nadler said" takes the full name source a gives: the corpus quotes one
// person whose full name ends in "Nadler".
#[test]
fn a_speaker_named_in_two_sources_has_one_page_with_both_quotations() {
    let dir = tempfile::tempdir().unwrap();
    let content = nadler_content(dir.path());
    let output = dir.path().join("site");
    let options =
        sitegen::BuildOptions { content: content.clone(), output: output.clone(), theme: None, verbose: false };
    sitegen::build(&options).unwrap_or_else(|e| panic!("build failed: {e}"));

    let data: Value = serde_json::from_str(&read(&output.join("briefing.json"))).unwrap();
    let quotes = data["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2, "{quotes:#?}");
    for quote in quotes {
        assert_eq!(quote["named"]["key"], "jerry nadler", "{quote:#}");
        assert_eq!(quote["named"]["name"], "Jerry Nadler", "{quote:#}");
    }

    let page = read(&output.join("speakers/jerry-nadler.html"));
    assert!(page.contains("<h1>Jerry Nadler</h1>"), "{page}");
    assert!(page.contains("The bill will pass the Senate before the end of the month"), "{page}");
    assert!(page.contains("The committee will hold its hearings in public"), "{page}");
    assert!(page.contains(r#"href="../sources/a.html#p1">Outlet A ¶1</a>"#), "{page}");
    assert!(page.contains(r#"href="../sources/b.html#p2">Outlet B ¶2</a>"#), "{page}");
    assert!(page.contains("a Democrat from New York"), "{page}");

    let quotes_page = read(&output.join("quotes.html"));
    assert!(
        quotes_page.contains(r#"<a href="speakers/jerry-nadler.html">Rep. Jerry Nadler</a></h2>"#),
        "{quotes_page}"
    );
    let b = read(&output.join("sources/b.html"));
    assert!(b.contains(r#"<a class="speaker" href="../speakers/jerry-nadler.html">Rep. Jerry Nadler</a>"#), "{b}");

    let check =
        Command::new(env!("CARGO_BIN_EXE_sitegen")).args(["check", "--content"]).arg(&content).output().unwrap();
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "{stdout}");
    // The speakers' list comes after the list of candidate names.
    let speakers = stdout.split_once("quoted by name").map(|(_, rest)| rest).unwrap_or_else(|| panic!("{stdout}"));
    let line =
        speakers.lines().find(|l| l.contains("Jerry Nadler")).unwrap_or_else(|| panic!("no candidate:\n{stdout}"));
    assert!(line.trim_start().starts_with("2 × Jerry Nadler") && line.contains("in 2 source(s)"), "{line}");
}
