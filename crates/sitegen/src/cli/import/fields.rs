//! The metadata of one imported article, each field with where it came from, and the YAML
//! lines that write it: a found field with its provenance as a comment, a missing one
//! commented out for the user to fill in.

use corpus::Date;

use super::yaml;
use crate::cli::file_error::FileProblem;

/// A value found for a field, and where it was found ("og:title", "the date line ...").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Found<T> {
    /// The value.
    pub value: T,
    /// Where it came from, as the file's comment says it.
    pub from: String,
}

impl<T> Found<T> {
    /// `value`, found `from` somewhere.
    pub fn new(value: T, from: impl Into<String>) -> Found<T> {
        Found { value, from: from.into() }
    }
}

/// What was found of an article's metadata.
#[derive(Debug, Clone, Default)]
pub(super) struct Meta {
    pub title: Option<Found<String>>,
    /// The URL's last path segment in words: a hint for the title when none was found.
    pub title_hint: Option<String>,
    pub outlet: Option<Found<String>>,
    pub published: Option<Found<Date>>,
    pub url: Option<Found<String>>,
    pub byline: Option<Found<String>>,
    pub wire: Option<Found<String>>,
    pub language: Option<Found<String>>,
}

/// What the command line gives for every file: used where a file lacks the field.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// `--outlet`: the publication.
    pub outlet: Option<String>,
    /// `--url`: where the original is (http or https).
    pub url: Option<String>,
    /// `--published`: the publication date.
    pub published: Option<Date>,
    /// `--language`: the language tag (`en`, `pt-BR`).
    pub language: Option<String>,
}

/// The fields found and not found, as the import's summary line gives them.
pub(super) type Summary = (Vec<(&'static str, String)>, Vec<(&'static str, bool)>);

impl Meta {
    /// Fills each field the file lacks from the command line; where the file has one, it is
    /// kept and a note says the option was not used for it.
    pub fn fill_from(&mut self, options: &ImportOptions, notes: &mut Vec<String>) {
        fn fill<T: Clone + PartialEq + std::fmt::Display>(
            field: &mut Option<Found<T>>,
            given: Option<&T>,
            flag: &str,
            notes: &mut Vec<String>,
        ) {
            match (field.as_ref(), given) {
                (None, Some(value)) => *field = Some(Found::new(value.clone(), format!("{flag} on the command line"))),
                (Some(found), Some(value)) if found.value != *value => {
                    notes.push(format!("{flag} {value} not used: the file gives {} (from {})", found.value, found.from))
                }
                _ => {}
            }
        }
        fill(&mut self.outlet, options.outlet.as_ref(), "--outlet", notes);
        fill(&mut self.url, options.url.as_ref(), "--url", notes);
        fill(&mut self.published, options.published.as_ref(), "--published", notes);
        fill(&mut self.language, options.language.as_ref(), "--language", notes);
    }

    /// The metadata lines of the YAML file, and what was found and not.
    pub fn lines(&self) -> (String, Summary) {
        let mut out = String::new();
        let (mut found, mut missing) = (Vec::new(), Vec::new());
        let mut field = |name: &'static str,
                         value: Option<(String, &str)>,
                         required: bool,
                         placeholder: &str,
                         hint: &str| {
            match value {
                Some((written, from)) => {
                    let comment =
                        if from.is_empty() { String::new() } else { format!("   # from {}", yaml::comment_text(from)) };
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
        fn quoted(f: &Option<Found<String>>) -> Option<(String, &str)> {
            f.as_ref().map(|f| (yaml::quoted(&f.value), f.from.as_str()))
        }
        let title_hint = self.title_hint.as_ref().map(|h| yaml::quoted(h));
        let (title_placeholder, title_note) = match &title_hint {
            Some(hint) => (hint.as_str(), " (this is the URL's wording: check it)"),
            None => ("\"...\"", ""),
        };
        field("title", quoted(&self.title), true, title_placeholder, title_note);
        field(
            "outlet",
            quoted(&self.outlet),
            true,
            "\"...\"",
            " (or --outlet; add `outlet_inferred: true` if you infer it, from house style say)",
        );
        let published = self.published.as_ref().map(|f| (f.value.to_string(), f.from.as_str()));
        field("published", published, true, "YYYY-MM-DD", " (or --published)");
        field("url", quoted(&self.url), false, "\"https://...\"", "");
        field("byline", quoted(&self.byline), false, "\"...\"", "");
        field("wire", quoted(&self.wire), false, "\"...\"", "");
        field("language", quoted(&self.language), true, "en", " (or --language)");
        (out, (found, missing))
    }

    /// Reads the YAML text back and checks that it says exactly what was meant.
    pub fn verify(&self, text: &str, paragraphs: &[String]) -> Result<(), FileProblem> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            title: Option<String>,
            outlet: Option<String>,
            published: Option<String>,
            url: Option<String>,
            byline: Option<String>,
            wire: Option<String>,
            language: Option<String>,
            body: String,
        }
        let written: Written = serde_saphyr::from_str(text).map_err(|e| FileProblem::BadYaml(e.to_string()))?;
        let value = |f: &Option<Found<String>>| f.as_ref().map(|f| f.value.clone());
        let same = written.title == value(&self.title)
            && written.outlet == value(&self.outlet)
            && written.published == self.published.as_ref().map(|p| p.value.to_string())
            && written.url == value(&self.url)
            && written.byline == value(&self.byline)
            && written.wire == value(&self.wire)
            && written.language == value(&self.language)
            && written.body.trim_end_matches('\n') == paragraphs.join("\n\n");
        if same { Ok(()) } else { Err(FileProblem::ReadBack) }
    }
}
