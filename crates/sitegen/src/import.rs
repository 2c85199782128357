//! `sitegen import`: raw article texts in, new source files (`content/sources/<slug>.yaml`) out.
//!
//! The importer finds what the text itself says (the URL on its first line, the outlet from
//! the URL's domain, the headline, a date line, a wire tag, the reporters of a contact block)
//! and writes the cleaned article as `body`. A field it cannot find is written as a comment
//! for the user to fill in, never guessed, so that `sitegen check` fails on the file until it
//! is. It never overwrites a file.

mod find;
mod slug;
mod yaml;

use std::fmt;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use corpus::{Block, BlockKind, Date};

use crate::new_source::{FileError, create_new, sources_dir};

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

/// Imports each raw article text in `files` as a new source file in `content/sources/`,
/// named by its date and title (or its file name), with `-2`, `-3` added when the name is
/// taken. The body is the cleaned article, paragraphs separated by blank lines; the raw text
/// is not kept. Fields not found are written as comments to fill in. Never overwrites a file.
///
/// Returns one result per file, in order: a file that cannot be read, or holds no article
/// text, is an error and writes nothing, and the other files are still imported.
pub fn import_files(content: &Path, files: &[PathBuf]) -> Vec<Result<Imported, FileError>> {
    let sources = match sources_dir(content) {
        Ok(sources) => sources,
        Err(error) => return vec![Err(error)],
    };
    files.iter().map(|file| import_file(&sources, file)).collect()
}

fn read_raw(file: &Path) -> Result<String, FileError> {
    let error = |message: String| FileError { path: file.to_path_buf(), message };
    let bytes = fs::read(file).map_err(|e| error(format!("cannot read: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| error("is not UTF-8 text".to_string()))?;
    let text = text.strip_prefix('\u{FEFF}').map_or(text.clone(), str::to_string);
    if text.trim().is_empty() {
        return Err(error("is empty".to_string()));
    }
    Ok(text)
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

fn import_file(sources: &Path, file: &Path) -> Result<Imported, FileError> {
    let raw = read_raw(file)?;
    let lines: Vec<String> = raw.lines().map(find::normalize).collect();
    let url = lines.iter().find(|l| !l.is_empty()).and_then(|l| find::url_of(l));
    let title = find::title(&lines);
    let cleaned = corpus::clean(&raw, title.as_deref().unwrap_or(""));
    if cleaned.blocks.is_empty() {
        let message = "has no article text: the cleaner found only boilerplate; nothing written".to_string();
        return Err(FileError { path: file.to_path_buf(), message });
    }
    let paragraphs: Vec<String> = cleaned.blocks.iter().map(paragraph).collect();
    let mut notes = Vec::new();
    let recleaned = corpus::clean(&paragraphs.join("\n\n"), title.as_deref().unwrap_or(""));
    if !same_blocks(&recleaned.blocks, &cleaned.blocks) {
        notes.push("warning: the written body does not clean to the same paragraphs; check it".to_string());
    }
    let meta = Meta {
        outlet: url.as_deref().and_then(find::outlet_of),
        title_hint: if title.is_none() { url.as_deref().and_then(find::title_hint) } else { None },
        published: find::published(&cleaned, url.as_deref()),
        wire: find::wire(&cleaned),
        byline: find::byline(&cleaned),
        url,
        title,
    };
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let base = slug::base_slug(meta.title.as_deref(), meta.published.as_ref().map(|p| p.0), &stem);
    let from_name = yaml::comment_text(&file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default());
    let mut text = format!("# Imported by `sitegen import` from {from_name}.\n");
    let mut reasons: Vec<&str> = Vec::new();
    for dropped in &cleaned.dropped {
        if !reasons.contains(&dropped.reason.as_str()) {
            reasons.push(dropped.reason.as_str());
        }
    }
    text.push_str(&format!(
        "# body is the cleaned article; the raw text is not kept. The cleaner removed {} piece(s) of it: {}.\n",
        cleaned.dropped.len(),
        if reasons.is_empty() { "none".to_string() } else { reasons.join(", ") }
    ));
    let (fields, found, missing) = meta.fields();
    if !missing.is_empty() {
        text.push_str(
            "# Fields not found in the text are commented out below: fill them in, then run `sitegen check`.\n",
        );
    }
    text.push_str(&fields);
    text.push_str("language: en\n");
    text.push_str(&yaml::block("body", &paragraphs));
    meta.verify(&text, &paragraphs).map_err(|message| FileError { path: file.to_path_buf(), message })?;
    let path = write_unique(sources, &base, &text)?;
    if path.file_stem().is_some_and(|s| s.to_string_lossy() != base) {
        notes.push(format!("{base}.yaml exists, so it was left alone"));
    }
    Ok(Imported {
        path,
        from: file.to_path_buf(),
        found,
        missing,
        paragraphs: paragraphs.len(),
        dropped: cleaned.dropped.len(),
        notes,
    })
}

/// The metadata found in one text.
struct Meta {
    url: Option<String>,
    /// The outlet, and whether it is a known site's name rather than the bare domain.
    outlet: Option<(String, bool)>,
    title: Option<String>,
    title_hint: Option<String>,
    published: Option<(Date, String)>,
    wire: Option<(String, String)>,
    byline: Option<String>,
}

type Fields = (String, Vec<(&'static str, String)>, Vec<(&'static str, bool)>);

impl Meta {
    /// The metadata lines of the YAML file, what was found and what was not.
    fn fields(&self) -> Fields {
        let mut out = String::new();
        let mut found = Vec::new();
        let mut missing = Vec::new();
        let mut field = |name: &'static str,
                         value: Option<(String, String)>,
                         required: bool,
                         placeholder: &str,
                         hint: &str| {
            match value {
                Some((written, source)) => {
                    let comment =
                        if source.is_empty() { String::new() } else { format!("   # {}", yaml::comment_text(&source)) };
                    out.push_str(&format!("{name}: {written}{comment}\n"));
                    found.push((name, written));
                }
                None => {
                    let need = if required {
                        "required; not found in the text: fill in"
                    } else {
                        "optional; not found in the text"
                    };
                    out.push_str(&format!("# {name}: {placeholder}   # {need}{hint}\n"));
                    missing.push((name, required));
                }
            }
        };
        let title_hint = self.title_hint.as_ref().map(|h| yaml::quoted(h));
        let (title_placeholder, title_note) = match &title_hint {
            Some(hint) => (hint.as_str(), " (this is the URL's wording: check it)"),
            None => ("\"...\"", ""),
        };
        field(
            "title",
            self.title.as_ref().map(|t| (yaml::quoted(t), String::new())),
            true,
            title_placeholder,
            title_note,
        );
        field(
            "outlet",
            self.outlet.as_ref().map(|(name, known)| {
                let from = if *known { "from the URL's domain" } else { "the URL's domain: write the outlet's name" };
                (yaml::quoted(name), from.to_string())
            }),
            true,
            "\"...\"",
            " (and add `outlet_inferred: true` if you infer it, from house style say)",
        );
        let published = self.published.as_ref().map(|(date, from)| (date.to_string(), format!("from the {from}")));
        field("published", published, true, "YYYY-MM-DD", "");
        field("url", self.url.as_ref().map(|u| (yaml::quoted(u), String::new())), false, "\"https://...\"", "");
        let byline = self.byline.as_ref().map(|b| (yaml::quoted(b), "from the contact details".to_string()));
        field("byline", byline, false, "\"...\"", "");
        let wire = self.wire.as_ref().map(|(agency, tag)| (yaml::quoted(agency), format!("from {tag:?}")));
        field("wire", wire, false, "\"...\"", "");
        (out, found, missing)
    }

    /// Reads the YAML text back and checks that it says exactly what was meant.
    fn verify(&self, text: &str, paragraphs: &[String]) -> Result<(), String> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            title: Option<String>,
            outlet: Option<String>,
            published: Option<String>,
            url: Option<String>,
            byline: Option<String>,
            wire: Option<String>,
            language: String,
            body: String,
        }
        let written: Written = serde_saphyr::from_str(text).map_err(|e| format!("internal error: bad YAML ({e})"))?;
        let same = written.title == self.title
            && written.outlet == self.outlet.as_ref().map(|o| o.0.clone())
            && written.published == self.published.as_ref().map(|p| p.0.to_string())
            && written.url == self.url
            && written.byline == self.byline
            && written.wire == self.wire.as_ref().map(|w| w.0.clone())
            && written.language == "en"
            && written.body.trim_end_matches('\n') == paragraphs.join("\n\n");
        if same {
            Ok(())
        } else {
            Err("internal error: the YAML would not read back as written; nothing written".into())
        }
    }
}

/// Writes `text` to `sources/<base>.yaml`, or `<base>-2.yaml`, `-3` and so on when taken.
fn write_unique(sources: &Path, base: &str, text: &str) -> Result<PathBuf, FileError> {
    let taken =
        |slug: &str| ["yaml", "yml"].iter().any(|ext| sources.join(format!("{slug}.{ext}")).symlink_metadata().is_ok());
    let slug = std::iter::once(base.to_string())
        .chain((2..1000).map(|n| format!("{base}-{n}")))
        .find(|slug| !taken(slug))
        .ok_or_else(|| FileError {
            path: sources.join(format!("{base}.yaml")),
            message: "every name is taken".into(),
        })?;
    let path = sources.join(format!("{slug}.yaml"));
    let mut file = create_new(&path)?;
    file.write_all(text.as_bytes())
        .map_err(|e| FileError { path: path.clone(), message: format!("cannot write: {e}") })?;
    Ok(path)
}
