//! `sitegen import`: raw article texts in, new source files (`content/sources/<slug>.yaml`) out.
//!
//! The importer finds what the text itself says (the URL on its first line, the outlet from
//! the URL's domain, the headline, a date line, a wire tag, the reporters of a contact block)
//! and writes the cleaned article as `body`. A field it cannot find is written as a comment
//! for the user to fill in, never guessed, so that `sitegen check` fails on the file until it
//! is. It never overwrites a file.

mod article;
mod fields;
mod find;
mod input;
mod page;
mod page_meta;
mod slug;
mod text;
mod yaml;

use std::fmt;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use corpus::{Block, BlockKind};
use rayon::prelude::*;

use crate::cli::file_error::{FileError, FileProblem};
use crate::cli::new::{create_new, sources_dir};
use article::Article;
pub use fields::ImportOptions;
use input::Format;

/// One raw text imported as a source file.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The source file written.
    pub path: PathBuf,
    /// The raw text it was made from.
    pub from: PathBuf,
    /// The fields found, each with its value as the summary shows it.
    pub found: Vec<(&'static str, String)>,
    /// The fields not found, each with whether the loader requires it.
    pub missing: Vec<(&'static str, bool)>,
    /// The blocks (paragraphs, headings, pull quotes) of the body.
    pub paragraphs: usize,
    /// The lines and tags the cleaner removed from the raw text.
    pub dropped: usize,
    /// Anything the user should look at.
    pub notes: Vec<String>,
}

impl Imported {
    /// True when a required field was not found, so the file fails `sitegen check` until
    /// it is filled in.
    pub fn missing_required(&self) -> bool {
        self.missing.iter().any(|(_, required)| *required)
    }
}

impl fmt::Display for Imported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let found: Vec<String> = self.found.iter().map(|(field, value)| format!("{field} {value}")).collect();
        let missing: Vec<String> = self
            .missing
            .iter()
            .map(|(field, required)| format!("{field}{}", if *required { " (required)" } else { "" }))
            .collect();
        write!(f, "{}: from {}, {} paragraphs", self.path.display(), self.from.display(), self.paragraphs)?;
        write!(f, "; found {}", if found.is_empty() { "nothing".to_string() } else { found.join(", ") })?;
        if !missing.is_empty() {
            write!(f, "; not found: {}", missing.join(", "))?;
        }
        for note in &self.notes {
            write!(f, "; {note}")?;
        }
        Ok(())
    }
}

/// Imports each file in `files` (a saved web page, gzip-saved or not, or article text
/// pasted in) as a new source file in `content/sources/`, named by its date and title (or its
/// file name), with `-2`, `-3` added when the name is taken. The body is the cleaned article,
/// paragraphs separated by blank lines; the page or raw text is not kept. Fields not found,
/// and not given in `options`, are written as comments to fill in. Never overwrites a file.
///
/// Files are read and cleaned in parallel, calling `done` after each; they are written in
/// order. Returns one result per file, in order: a file that cannot be read, or holds no
/// article, is an error and writes nothing, and the other files are still imported.
pub fn import_files(
    content: &Path,
    files: &[PathBuf],
    options: &ImportOptions,
    done: &(dyn Fn() + Sync),
) -> Vec<Result<Imported, FileError>> {
    let sources = match sources_dir(content) {
        Ok(sources) => sources,
        Err(error) => return vec![Err(error)],
    };
    let prepared: Vec<Result<Prepared, FileError>> = files
        .par_iter()
        .map(|file| {
            let prepared = prepare(file, options);
            done();
            prepared
        })
        .collect();
    prepared.into_iter().map(|prepared| prepared.and_then(|p| p.write(&sources))).collect()
}

/// Imports `files`, printing what each became or why it failed and a summary; a progress
/// bar on a terminal. Exits with 1 if a file could not be imported.
pub(super) fn run(content: &Path, files: &[PathBuf], options: &ImportOptions) -> std::process::ExitCode {
    use std::io::IsTerminal;
    // A bar on a terminal only, and only for enough files to be worth watching.
    let bar = if std::io::stderr().is_terminal() && files.len() > 1 {
        let bar = indicatif::ProgressBar::new(files.len() as u64);
        let style = indicatif::ProgressStyle::with_template("importing [{bar:40}] {pos}/{len} files ({eta} left)")
            .expect("a valid template")
            .progress_chars("=> ");
        bar.with_style(style)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let results = import_files(content, files, options, &|| bar.inc(1));
    bar.finish_and_clear();
    let (mut written, mut incomplete, mut failed) = (0, 0, 0);
    for result in &results {
        match result {
            Ok(imported) => {
                println!("{imported}");
                written += 1;
                incomplete += usize::from(imported.missing_required());
            }
            Err(error) => {
                eprintln!("{error}");
                failed += 1;
            }
        }
    }
    let mut summary = format!("imported {written} source(s)");
    if failed > 0 {
        summary.push_str(&format!("; {failed} file(s) failed"));
    }
    if incomplete > 0 {
        summary.push_str(&format!(
            "; {incomplete} lack required fields, left commented out with \"not found in the text: fill in\": \
             `sitegen check` fails on them until they are filled in"
        ));
    } else if written > 0 {
        summary.push_str("; run `sitegen check` to validate them");
    }
    println!("{summary}");
    if failed > 0 { std::process::ExitCode::FAILURE } else { std::process::ExitCode::SUCCESS }
}

/// One file read, cleaned and turned into the text of its source file, not yet written.
struct Prepared {
    base: String,
    text: String,
    imported: Imported,
}

impl Prepared {
    fn write(mut self, sources: &Path) -> Result<Imported, FileError> {
        let path = write_unique(sources, &self.base, &self.text)?;
        if path.file_stem().is_some_and(|s| s.to_string_lossy() != self.base) {
            self.imported.notes.push(format!("{}.yaml exists, so it was left alone", self.base));
        }
        self.imported.path = path;
        Ok(self.imported)
    }
}

/// A block as the body writes it: its text, and a pull quote's attribution on the line under.
fn paragraph(block: &Block) -> String {
    match (&block.attribution, block.kind) {
        (Some(name), BlockKind::Pullquote) => format!("{}\n- {name}", block.text),
        _ => block.text.clone(),
    }
}

fn same_blocks(a: &[Block], b: &[Block]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| x.kind == y.kind && x.text == y.text && x.attribution == y.attribution)
}

fn prepare(file: &Path, options: &ImportOptions) -> Result<Prepared, FileError> {
    let error = |problem: FileProblem| FileError::new(file, problem);
    let input = input::read(file)?;
    let Article { cleaned, mut meta, mut notes } = match input.format {
        // The extraction crates are large and parse untrusted pages: a panic in one of them
        // fails this file, not the whole import.
        Format::Html => std::panic::catch_unwind(|| page::article(&input.text))
            .unwrap_or(Err(FileProblem::ExtractorFailed))
            .map_err(error)?,
        Format::Text => text::article(&input.text),
    };
    notes.extend(input.notes);
    if cleaned.blocks.is_empty() {
        return Err(error(FileProblem::OnlyBoilerplate));
    }
    meta.fill_from(options, &mut notes);
    let title = meta.title.as_ref().map_or("", |t| t.value.as_str());
    let paragraphs: Vec<String> = cleaned.blocks.iter().map(paragraph).collect();
    let recleaned = corpus::clean(&paragraphs.join("\n\n"), title);
    if !same_blocks(&recleaned.blocks, &cleaned.blocks) {
        notes.push("warning: the written body does not clean to the same paragraphs; check it".to_string());
    }
    // The name without its extension, and without `.gz` before it ("page.html.gz").
    let unpacked = if file.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz")) {
        file.with_extension("")
    } else {
        file.to_path_buf()
    };
    let stem = unpacked.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let stem = stem.as_str();
    let base =
        slug::base_slug(meta.title.as_ref().map(|t| t.value.as_str()), meta.published.as_ref().map(|p| p.value), stem);
    let from_name = yaml::comment_text(&file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    let what = match input.format {
        Format::Html => "the article the page holds",
        Format::Text => "the cleaned article",
    };
    let mut text = format!("# Imported by `sitegen import` from {from_name}.\n");
    let mut reasons: Vec<&str> = Vec::new();
    for dropped in &cleaned.dropped {
        if !reasons.contains(&dropped.reason.as_str()) {
            reasons.push(dropped.reason.as_str());
        }
    }
    text.push_str(&format!(
        "# body is {what}; the file is not kept. The cleaner removed {} piece(s) of it: {}.\n",
        cleaned.dropped.len(),
        if reasons.is_empty() { "none".to_string() } else { reasons.join(", ") }
    ));
    let (fields, (found, missing)) = meta.lines();
    if !missing.is_empty() {
        text.push_str("# Fields not found are commented out below: fill them in, then run `sitegen check`.\n");
    }
    text.push_str(&fields);
    text.push_str(&yaml::block("body", &paragraphs));
    meta.verify(&text, &paragraphs).map_err(error)?;
    let imported = Imported {
        path: PathBuf::new(),
        from: file.to_path_buf(),
        found,
        missing,
        paragraphs: paragraphs.len(),
        dropped: cleaned.dropped.len(),
        notes,
    };
    Ok(Prepared { base, text, imported })
}

/// Writes `text` to `sources/<base>.yaml`, or `<base>-2.yaml`, `-3` and so on when taken.
fn write_unique(sources: &Path, base: &str, text: &str) -> Result<PathBuf, FileError> {
    let taken =
        |slug: &str| ["yaml", "yml"].iter().any(|ext| sources.join(format!("{slug}.{ext}")).symlink_metadata().is_ok());
    let slug = std::iter::once(base.to_string())
        .chain((2..1000).map(|n| format!("{base}-{n}")))
        .find(|slug| !taken(slug))
        .ok_or_else(|| FileError::new(sources.join(format!("{base}.yaml")), FileProblem::EveryNameTaken))?;
    let path = sources.join(format!("{slug}.yaml"));
    let mut file = create_new(&path)?;
    file.write_all(text.as_bytes()).map_err(|e| FileError::new(&path, FileProblem::Write(e)))?;
    Ok(path)
}
