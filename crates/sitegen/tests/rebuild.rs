//! Incremental rebuilds (`sitegen serve` rebuilds with a [`sitegen::BuildCache`]): a rebuild
//! after an edit, a failed build, a removed or an added source makes, byte for byte, the site
//! a fresh build makes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;
use common::repo;

const NEW_ARAB: &str = "2016-07-15-new-arab-kerry-moscow";
const STRAITS_TIMES: &str = "2016-07-14-straits-times-kerry-moscow";
/// A sentence the Straits Times carries and The New Arab carries nearly word for word.
const SHARED: &str =
    "UN Syria envoy Staffan de Mistura urged Moscow and Washington to push for a resumption of the talks next month.";

/// A project folder with a copy of the real content/ and themes/.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for folder in ["content", "themes"] {
        let from = repo().join(folder);
        for entry in walkdir::WalkDir::new(&from) {
            let entry = entry.unwrap();
            let target = dir.path().join(folder).join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                fs::create_dir_all(&target).unwrap();
            } else {
                fs::copy(entry.path(), &target).unwrap();
            }
        }
    }
    dir
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Every file under `dir`, by relative path.
fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| (e.path().strip_prefix(dir).unwrap().to_path_buf(), fs::read(e.path()).unwrap()))
        .collect()
}

/// The inode of each source page, by slug.
fn source_page_inodes(site: &Path) -> BTreeMap<String, u64> {
    use std::os::unix::fs::MetadataExt;
    let pages = fs::read_dir(site.join("sources")).unwrap().map(|e| e.unwrap().path());
    pages.map(|p| (p.file_stem().unwrap().to_string_lossy().into_owned(), fs::metadata(&p).unwrap().ino())).collect()
}

fn options(project: &Path, output: &str) -> sitegen::BuildOptions {
    sitegen::BuildOptions {
        content: project.join("content"),
        output: project.join(output),
        theme: None,
        verbose: false,
    }
}

/// What `sitegen serve` does on a change.
fn rebuild(options: &sitegen::BuildOptions, cache: &mut sitegen::BuildCache) -> sitegen::Summary {
    sitegen::build_with(options, cache).unwrap()
}

#[test]
fn an_incremental_rebuild_makes_the_same_site_as_a_fresh_build() {
    let project = project();
    let live = options(project.path(), "live");
    let mut cache = sitegen::BuildCache::for_rebuilds();
    let first = sitegen::build_with(&live, &mut cache).unwrap();
    assert_eq!(cache.reused_sources(), 0);
    assert_eq!(cache.rendered_pages(), first.pages);

    // Nothing changed: every source reused, no page rendered again, the same site.
    let again = rebuild(&live, &mut cache);
    assert_eq!((cache.reused_sources(), cache.rendered_pages()), (5, 0));
    assert_eq!(again.digest, first.digest);

    // Remove a sentence the Straits Times shares with The New Arab.
    let text = project.path().join(format!("content/texts/{STRAITS_TIMES}.txt"));
    edit(&text, SHARED, "");
    let inodes_before = source_page_inodes(&project.path().join("live"));
    let rebuilt = sitegen::build_with(&live, &mut cache).unwrap();
    assert_eq!(cache.reused_sources(), 4, "only the edited source is read again");
    let rendered = cache.rendered_pages();
    assert!(rendered > 0 && rendered < rebuilt.pages, "{rendered} of {} pages rendered again", rebuilt.pages);
    // A page rendered again is a new file; a page the edit cannot affect is the same file.
    let inodes_after = source_page_inodes(&project.path().join("live"));
    let rewritten: Vec<&str> =
        inodes_before.iter().filter(|(page, inode)| inodes_after[*page] != **inode).map(|(p, _)| p.as_str()).collect();
    assert_eq!(rewritten, [STRAITS_TIMES, NEW_ARAB], "the pages of the edited story only");
    assert_ne!(rebuilt.digest, first.digest);

    let fresh = sitegen::build(&options(project.path(), "fresh")).unwrap();
    assert_eq!(fresh.digest, rebuilt.digest);
    let (live_files, fresh_files) =
        (files_under(&project.path().join("live")), files_under(&project.path().join("fresh")));
    assert_eq!(live_files.keys().collect::<Vec<_>>(), fresh_files.keys().collect::<Vec<_>>());
    for (path, bytes) in &live_files {
        assert!(bytes == &fresh_files[path], "{} differs from a fresh build", path.display());
    }

    // The other source's cross-references and the export follow the edit.
    let json: Value = serde_json::from_slice(&live_files[Path::new("briefing.json")]).unwrap();
    let clusters = json["clusters"].as_array().unwrap();
    assert!(!clusters.iter().any(|cluster| cluster.to_string().contains("urged Moscow and Washington")));
    let page = String::from_utf8_lossy(&live_files[&PathBuf::from(format!("sources/{NEW_ARAB}.html"))]).to_string();
    // The paragraph with its margin notes: up to the next paragraph.
    let urged = page.find("push for a resumption of the talks next month").unwrap();
    let notes = &page[urged..];
    let notes = &notes[..notes.find("<p class=\"block\"").unwrap_or(notes.len())];
    assert!(!notes.contains(STRAITS_TIMES), "no cross-reference left to the removed sentence: {notes}");

    // An edit that breaks a source fails the rebuild and leaves the site; the fix rebuilds it.
    let source = project.path().join(format!("content/sources/{NEW_ARAB}.yaml"));
    edit(&source, "published: 2016-07-15", "published: 2016-13-01");
    assert!(sitegen::build_with(&live, &mut cache).is_err());
    assert_eq!(files_under(&project.path().join("live")), live_files);
    edit(&source, "published: 2016-13-01", "published: 2016-07-15");
    assert_eq!(rebuild(&live, &mut cache).digest, rebuilt.digest);

    // A source removed, then another added: the same site as a fresh build each time.
    let sources = project.path().join("content/sources");
    let removed = sources.join(format!("{STRAITS_TIMES}.yaml"));
    let yaml = fs::read_to_string(&removed).unwrap();
    fs::remove_file(&removed).unwrap();
    let without = rebuild(&live, &mut cache);
    assert_eq!(without.sources, 4);
    fs::write(sources.join("zz-copy.yaml"), yaml).unwrap();
    let added = rebuild(&live, &mut cache);
    assert_eq!((added.sources, cache.reused_sources()), (5, 4));
    fs::remove_dir_all(project.path().join("fresh")).unwrap();
    assert_eq!(sitegen::build(&options(project.path(), "fresh")).unwrap().digest, added.digest);
    assert_eq!(files_under(&project.path().join("live")), files_under(&project.path().join("fresh")));
}

fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).unwrap().ino()
}

/// A rebuild from the same inputs writes nothing: not even a new output folder. Saving a file
/// unchanged is such a rebuild; a change of content, template or static file is not.
#[test]
fn a_rebuild_with_nothing_changed_writes_nothing() {
    let project = project();
    let live = options(project.path(), "live");
    let output = project.path().join("live");
    let mut cache = sitegen::BuildCache::for_rebuilds();
    let first = sitegen::build_with(&live, &mut cache).unwrap();
    let folder = inode(&output);

    // The same file saved again: a new modification time, the same text.
    let text = project.path().join(format!("content/texts/{STRAITS_TIMES}.txt"));
    let bytes = fs::read(&text).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    fs::write(&text, &bytes).unwrap();
    let again = rebuild(&live, &mut cache);
    assert_eq!(cache.reused_sources(), 4, "the saved source is read again");
    assert_eq!((again.digest, again.files, cache.rendered_pages()), (first.digest, first.files, 0));
    assert_eq!(inode(&output), folder, "no new output folder was swapped in");
    assert!(again.phases.iter().any(|(phase, _)| *phase == "unchanged"), "{:?}", again.phases);

    // A static file of the theme changes no page, but it is part of the site.
    let style = project.path().join("themes/default/static/style.css");
    fs::write(&style, format!("{}\n/* edited */\n", fs::read_to_string(&style).unwrap())).unwrap();
    let restyled = rebuild(&live, &mut cache);
    assert_ne!(inode(&output), folder, "a new site was swapped in");
    assert_ne!(restyled.digest, first.digest);
    assert!(fs::read_to_string(output.join("static/style.css")).unwrap().ends_with("/* edited */\n"));

    // The output removed meanwhile: built again, although nothing changed.
    fs::remove_dir_all(&output).unwrap();
    let rebuilt = rebuild(&live, &mut cache);
    assert_eq!(rebuilt.digest, restyled.digest);
    assert!(output.join("index.html").is_file());
}
