//! Broken content: every fixture under `tests/fixtures/broken/` must fail with located errors.
//!
//! Each fixture is a folder holding `content/` (a small content folder with one kind of fault)
//! and `expected.txt`, one expected error a line:
//!
//! ```text
//! <path relative to content/>:<line>:<column>|<field>|<substring of the message>
//! ```
//!
//! `-` for the line, column or field means the error must have none (a whole-file error, an
//! error about no particular field). Blank lines and lines starting with `#` are comments.
//! A new fixture folder is picked up without touching this file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use corpus::ContentError;
use sitegen::{BuildError, BuildOptions};

mod common;
use common::{copy_dir, repo};

fn fixtures_root() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/broken"))
}

/// Every fixture folder, sorted by name.
fn fixtures() -> Vec<PathBuf> {
    let root = fixtures_root();
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no fixtures under {}", root.display());
    cases
}

fn case_name(case: &Path) -> String {
    case.file_name().unwrap().to_string_lossy().into_owned()
}

/// One line of `expected.txt`.
#[derive(Debug)]
struct Expected {
    path: PathBuf,
    line: Option<u64>,
    column: Option<u64>,
    field: Option<String>,
    message: String,
    /// The line as written, for reports.
    text: String,
}

impl Expected {
    fn parse(text: &str) -> Result<Expected, String> {
        let mut parts = text.splitn(3, '|');
        let (Some(place), Some(field), Some(message)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!("{text:?}: expected path:line:column|field|message"));
        };
        let mut place_parts = place.rsplitn(3, ':');
        let (Some(column), Some(line), Some(path)) = (place_parts.next(), place_parts.next(), place_parts.next())
        else {
            return Err(format!("{text:?}: expected path:line:column before the first |"));
        };
        let number = |part: &str| -> Result<Option<u64>, String> {
            match part {
                "-" => Ok(None),
                _ => part.parse().map(Some).map_err(|_| format!("{text:?}: {part:?} is not a number or -")),
            }
        };
        Ok(Expected {
            path: PathBuf::from(path),
            line: number(line)?,
            column: number(column)?,
            field: (field != "-").then(|| field.to_string()),
            message: message.to_string(),
            text: text.to_string(),
        })
    }

    fn matches(&self, error: &ContentError) -> bool {
        error.path.ends_with(&self.path)
            && error.line == self.line
            && error.column == self.column
            && error.field == self.field
            && error.message.contains(&self.message)
    }

    /// `path:line:column` as the command line prints it, when the error has a line.
    fn location(&self) -> Option<String> {
        let line = self.line?;
        let mut text = format!("{}:{line}", self.path.display());
        if let Some(column) = self.column {
            text.push_str(&format!(":{column}"));
        }
        Some(text)
    }
}

fn expectations(case: &Path) -> Result<Vec<Expected>, String> {
    let path = case.join("expected.txt");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let expected: Vec<Expected> = text
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(Expected::parse)
        .collect::<Result<_, _>>()?;
    if expected.is_empty() {
        return Err(format!("{}: expects no error", path.display()));
    }
    Ok(expected)
}

/// The error, with every part shown, for reports.
fn describe(error: &ContentError) -> String {
    let part = |n: Option<u64>| n.map_or("-".to_string(), |n| n.to_string());
    format!(
        "{}:{}:{}|{}|{}",
        error.path.display(),
        part(error.line),
        part(error.column),
        error.field.as_deref().unwrap_or("-"),
        error.message
    )
}

/// Pairs each expectation with a distinct error (a maximum bipartite matching, so the order
/// of `expected.txt` does not matter); returns the unmatched of both sides.
fn unmatched<'a>(expected: &'a [Expected], errors: &'a [ContentError]) -> (Vec<&'a Expected>, Vec<&'a ContentError>) {
    fn assign(
        e: usize,
        expected: &[Expected],
        errors: &[ContentError],
        owner: &mut [Option<usize>],
        seen: &mut [bool],
    ) -> bool {
        for (r, error) in errors.iter().enumerate() {
            if seen[r] || !expected[e].matches(error) {
                continue;
            }
            seen[r] = true;
            if owner[r].is_none_or(|other| assign(other, expected, errors, owner, seen)) {
                owner[r] = Some(e);
                return true;
            }
        }
        false
    }
    let mut owner = vec![None; errors.len()];
    let mut lost = Vec::new();
    for e in 0..expected.len() {
        let mut seen = vec![false; errors.len()];
        if !assign(e, expected, errors, &mut owner, &mut seen) {
            lost.push(&expected[e]);
        }
    }
    let extra = errors.iter().zip(&owner).filter(|(_, owner)| owner.is_none()).map(|(error, _)| error).collect();
    (lost, extra)
}

/// A symlink fixture checked out without symlinks (core.symlinks=false) loads a text file
/// holding the link's target instead; say so rather than report a puzzling pass.
fn damaged_symlink_fixture(case: &Path) -> Option<String> {
    if !case_name(case).contains("symlink") {
        return None;
    }
    let has_link =
        walkdir::WalkDir::new(case.join("content")).into_iter().flatten().any(|entry| entry.path_is_symlink());
    (!has_link).then(|| {
        "fixture damaged: it should hold a symbolic link, but git checked it out as a plain file \
         (core.symlinks=false?)"
            .to_string()
    })
}

/// Checks one fixture; returns what went wrong, if anything.
fn check_fixture(case: &Path) -> Vec<String> {
    if let Some(problem) = damaged_symlink_fixture(case) {
        return vec![problem];
    }
    let expected = match expectations(case) {
        Ok(expected) => expected,
        Err(problem) => return vec![problem],
    };
    let errors = match sitegen::check(&case.join("content")) {
        Ok(_) => return vec!["the content loaded without errors".to_string()],
        Err(BuildError::Content(errors)) => errors.0,
        Err(other) => return vec![format!("failed, but not with content errors: {other}")],
    };
    let mut problems = Vec::new();
    if errors.len() != expected.len() {
        problems.push(format!("{} error(s) reported, {} expected", errors.len(), expected.len()));
    }
    let (lost, extra) = unmatched(&expected, &errors);
    for expected in lost {
        problems.push(format!("expected, not reported:   {}", expected.text));
    }
    for error in extra {
        problems.push(format!("reported, not expected:   {}", describe(error)));
    }
    problems
}

#[test]
fn every_broken_fixture_fails_with_the_expected_located_errors() {
    let mut report = String::new();
    let cases = fixtures();
    for case in &cases {
        let problems = check_fixture(case);
        if !problems.is_empty() {
            report.push_str(&format!("\n{}:\n", case_name(case)));
            for problem in problems {
                report.push_str(&format!("    {problem}\n"));
            }
        }
    }
    assert!(
        report.is_empty(),
        "broken-content fixtures not reported as expected ({} fixtures checked):\n{report}",
        cases.len()
    );
}

#[test]
fn the_binary_reports_every_error_of_many_errors_and_writes_nothing() {
    let case = fixtures_root().join("many-errors");
    let expected = expectations(&case).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    let run = Command::new(env!("CARGO_BIN_EXE_sitegen"))
        .arg("build")
        .arg("--content")
        .arg(case.join("content"))
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "exit status {}", run.status);
    assert_eq!(expected.len(), 3, "many-errors should expect three errors");
    for expected in &expected {
        let location =
            expected.location().unwrap_or_else(|| panic!("{}: many-errors expects located errors", expected.text));
        assert!(stderr.contains(&location), "stderr does not show {location}:\n{stderr}");
        assert!(stderr.contains(&expected.message), "stderr does not say {:?}:\n{stderr}", expected.message);
    }
    let count = format!("{} content error(s)", expected.len());
    assert!(stderr.contains(&count), "stderr does not say {count:?}:\n{stderr}");
    assert!(!output.exists(), "the output folder was created");
    let left: Vec<_> = fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert!(left.is_empty(), "the failed build left {left:?}");
}

/// Every file under `dir` with its bytes, by path relative to `dir`.
fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .map(|entry| entry.unwrap())
        .filter(|entry| !entry.file_type().is_dir())
        .map(|entry| (entry.path().strip_prefix(dir).unwrap().to_path_buf(), fs::read(entry.path()).unwrap()))
        .collect()
}

fn options(content: &Path, output: &Path) -> BuildOptions {
    BuildOptions { content: content.to_path_buf(), output: output.to_path_buf(), theme: None, verbose: false }
}

#[test]
fn a_failed_build_leaves_the_previous_site_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    sitegen::build(&options(&repo().join("content"), &output))
        .unwrap_or_else(|e| panic!("building the real content failed: {e}"));
    let before = files_under(&output);
    assert!(before.len() > 10, "the first build wrote only {before:?}");
    for case in fixtures() {
        let name = case_name(&case);
        let result = sitegen::build(&options(&case.join("content"), &output));
        assert!(matches!(result, Err(BuildError::Content(_))), "{name}: expected content errors, got {result:?}");
        let after = files_under(&output);
        let added: Vec<_> = after.keys().filter(|p| !before.contains_key(*p)).collect();
        let removed: Vec<_> = before.keys().filter(|p| !after.contains_key(*p)).collect();
        let changed: Vec<_> = before
            .iter()
            .filter(|(path, bytes)| after.get(*path).is_some_and(|now| now != *bytes))
            .map(|(path, _)| path)
            .collect();
        assert!(
            added.is_empty() && removed.is_empty() && changed.is_empty(),
            "{name}: the failed build touched the previous site: added {added:?}, removed \
             {removed:?}, changed {changed:?}"
        );
        let beside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|entry| entry.file_name())
            .filter(|name| name != "site")
            .collect();
        assert!(beside.is_empty(), "{name}: the failed build left {beside:?}");
    }
}

#[test]
fn build_refuses_output_folders_that_would_destroy_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("project");
    let content = project.join("content");
    copy_dir(&repo().join("content"), &content);
    let site_yaml = fs::read(content.join("site.yaml")).unwrap();
    let documents = project.join("documents");
    fs::create_dir(&documents).unwrap();
    fs::write(documents.join("notes.txt"), "my notes\n").unwrap();

    let refused = [
        ("the content folder itself", content.clone()),
        ("the content folder's parent", project.clone()),
        ("a folder inside the content folder", content.join("site")),
        ("a non-empty folder sitegen did not make", documents.clone()),
    ];
    for (what, output) in refused {
        let result = sitegen::build(&options(&content, &output));
        assert!(
            matches!(result, Err(BuildError::Output(_))),
            "output = {what}: expected an output error, got {result:?}"
        );
        assert_eq!(
            fs::read(content.join("site.yaml")).ok().as_deref(),
            Some(&site_yaml[..]),
            "output = {what}: content/site.yaml was touched"
        );
        assert_eq!(
            fs::read_to_string(documents.join("notes.txt")).ok().as_deref(),
            Some("my notes\n"),
            "output = {what}: documents/notes.txt was touched"
        );
        assert!(!content.join("site").exists(), "output = {what}: content/site was created");
    }
    let mut entries: Vec<_> = fs::read_dir(&project)
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    assert_eq!(entries, ["content", "documents"], "the refused builds left files");
    assert_eq!(files_under(&content), files_under(&repo().join("content")), "the content folder changed");
}
