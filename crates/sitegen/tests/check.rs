//! `sitegen check`: validation without writing, and candidate names for the catalogue.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

mod common;
use common::{copy_dir, repo};

/// The real content with one entity taken out of the catalogue.
fn content_without(dir: &Path, id: &str) -> PathBuf {
    let content = dir.join("content");
    copy_dir(&repo().join("content"), &content);
    let catalogue = fs::read_to_string(content.join("entities.yaml")).unwrap();
    let start = catalogue.find(&format!("- id: {id}\n")).expect("the entity is in the catalogue");
    let end = catalogue[start + 1..].find("\n- id: ").map_or(catalogue.len(), |i| start + 1 + i + 1);
    fs::write(content.join("entities.yaml"), format!("{}{}", &catalogue[..start], &catalogue[end..])).unwrap();
    content
}

#[test]
fn check_lists_a_name_the_catalogue_lacks_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_without(dir.path(), "staffan-de-mistura");
    let before: Vec<PathBuf> = walkdir::WalkDir::new(dir.path()).into_iter().map(|e| e.unwrap().into_path()).collect();
    let output =
        Command::new(env!("CARGO_BIN_EXE_sitegen")).arg("check").arg("--content").arg(&content).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "candidates are not errors: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let line = stdout
        .lines()
        .find(|l| l.contains("Staffan de Mistura"))
        .unwrap_or_else(|| panic!("no candidate line:\n{stdout}"));
    assert!(line.contains("2 ×"), "counted twice in the seeds: {line}");
    assert!(
        line.contains("2016-07-1") && line.contains("UN Syria envoy Staffan de Mistura urged"),
        "with a context: {line}"
    );
    let after: Vec<PathBuf> = walkdir::WalkDir::new(dir.path()).into_iter().map(|e| e.unwrap().into_path()).collect();
    assert_eq!(before, after, "check writes nothing");
}

#[test]
fn check_fails_only_on_errors() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    copy_dir(&repo().join("content"), &content);
    let output =
        Command::new(env!("CARGO_BIN_EXE_sitegen")).args(["check", "--content"]).arg(&content).output().unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("ok: 5 sources"));
    fs::write(content.join("sources/2015-12-16-irish-times-kerry-moscow.yaml"), "title: x\n").unwrap();
    let output =
        Command::new(env!("CARGO_BIN_EXE_sitegen")).args(["check", "--content"]).arg(&content).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing field"));
}
