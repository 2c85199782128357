//! `sitegen new`: a documented template for one source file, and the file-writing rules
//! shared with `sitegen import` (valid slugs, never overwriting).

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use corpus::is_slug;

use crate::cli::file_error::{FileError, FileProblem};

/// `content/sources`, made when the content folder exists but has no sources folder yet.
pub(crate) fn sources_dir(content: &Path) -> Result<PathBuf, FileError> {
    if !content.is_dir() {
        return Err(FileError::new(content, FileProblem::NoContentFolder));
    }
    let sources = content.join("sources");
    fs::create_dir_all(&sources).map_err(|e| FileError::new(&sources, FileProblem::CreateFolder(e)))?;
    Ok(sources)
}

/// Creates `path` for writing, failing if anything (a file, a folder, a link) is there.
pub(crate) fn create_new(path: &Path) -> Result<fs::File, FileError> {
    fs::OpenOptions::new().write(true).create_new(true).open(path).map_err(|e| {
        let problem = match e.kind() {
            std::io::ErrorKind::AlreadyExists => FileProblem::Exists,
            _ => FileProblem::Create(e),
        };
        FileError::new(path, problem)
    })
}

/// The template: every field with what it holds, the required ones marked.
const TEMPLATE: &str = r#"# A source: one news article. The file name is its slug, and the page's URL is
# sources/SLUG.html. Fill in the fields marked "required", then run `sitegen check`: it
# reports anything missing or invalid with its line and field. A field not listed here is
# an error, so a misspelt field never goes unnoticed.

# The headline, as the outlet printed it. Required.
title: ""

# The publication that carried the article, such as "The Irish Times". Required.
outlet: ""

# true when the outlet is inferred (from house style, say) rather than stated; the site
# then says so wherever it names the outlet. Optional, default false.
# outlet_inferred: true

# The publication date, YYYY-MM-DD, checked against the calendar. Required.
published: YYYY-MM-DD

# Where the original is: an http or https URL. Optional.
# url: "https://example.com/story"

# The reporters, as credited. Optional.
# byline: "Henry Meyer and Caroline Alexander"

# The news agency the text comes from, such as AFP, Reuters or Bloomberg. Optional.
# wire: "AFP"

# The language of the text, a BCP 47 tag such as en or pt-BR. Optional, default en.
language: en

# The article text. Required: give exactly one of body and body_file. The cleaner removes
# boilerplate (URL and date lines, captions, wire tags, "Share this article" ...) from either.
# body: the text itself, paragraphs separated by blank lines, indented under `body: |`:
#   body: |
#     MOSCOW (AFP) - Top US envoy John Kerry met ...
#
#     Ahead of the talks, ...
# body_file: a raw text file, relative to this file, inside the content folder:
#   body_file: ../texts/SLUG.txt
body: ""
"#;

/// Writes `content/sources/<slug>.yaml`: a template documenting every field of a source,
/// the required ones (title, outlet, published, and a body) left empty so that
/// `sitegen check` reports them until they are filled in. `slug` must be lower-case ASCII
/// letters, digits, `-` and `_`, as the loader requires. Never overwrites a file: an
/// existing source is an error. Returns the path written.
pub fn new_source(content: &Path, slug: &str) -> Result<PathBuf, FileError> {
    if !is_slug(slug) {
        return Err(FileError::new(content.join("sources"), FileProblem::BadSlug { slug: slug.to_string() }));
    }
    let sources = sources_dir(content)?;
    let path = sources.join(format!("{slug}.yaml"));
    let other = sources.join(format!("{slug}.yml"));
    if other.symlink_metadata().is_ok() {
        return Err(FileError::new(other, FileProblem::SlugTaken));
    }
    let mut file = create_new(&path)?;
    file.write_all(TEMPLATE.replace("SLUG", slug).as_bytes())
        .map_err(|e| FileError::new(&path, FileProblem::Write(e)))?;
    Ok(path)
}

/// Writes the template for `slug` and says what to do next, or prints why it could not.
pub(super) fn run(content: &Path, slug: &str) -> ExitCode {
    match new_source(content, slug) {
        Ok(path) => {
            println!("wrote {}: fill in the required fields, then run `sitegen check`", path.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_follow_the_loader() {
        for good in ["a", "2016-07-15-kerry", "x_y", "0"] {
            assert!(is_slug(good), "{good}");
        }
        for bad in ["", "-a", "_a", "A", "a b", "a.yaml", "a/b", "é", "../a"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
