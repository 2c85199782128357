//! Reading a content folder into a [`Corpus`], collecting every error on the way.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::cache::{BodyDep, Keep, LoadCache, Stamp};
use crate::yaml::{decode_utf8, parse};
use crate::{Briefing, ContentError, ContentErrors, Corpus, Date, SiteConfig, Source, SourceMeta, clean};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    title: Spanned<String>,
    #[serde(default)]
    description: String,
    #[serde(default = "english")]
    language: Spanned<String>,
    #[serde(default)]
    base_url: Option<Spanned<String>>,
    #[serde(default)]
    theme: Option<Spanned<String>>,
    #[serde(default)]
    unsafe_html: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    title: Spanned<String>,
    outlet: Spanned<String>,
    #[serde(default)]
    outlet_inferred: bool,
    published: Spanned<String>,
    #[serde(default)]
    url: Option<Spanned<String>>,
    #[serde(default)]
    byline: Option<String>,
    #[serde(default)]
    wire: Option<String>,
    #[serde(default = "english")]
    language: Spanned<String>,
    #[serde(default)]
    body: Option<Spanned<String>>,
    #[serde(default)]
    body_file: Option<Spanned<String>>,
}

fn english() -> Spanned<String> {
    let nowhere = serde_saphyr::Location::UNKNOWN;
    Spanned::new("en".to_string(), nowhere, nowhere)
}

/// Collects errors for one load; every check adds to it instead of stopping.
pub(crate) struct Errors(pub(crate) Vec<ContentError>);

impl Errors {
    pub(crate) fn at(&mut self, path: &Path, spanned: &Spanned<impl Sized>, field: &str, message: impl Into<String>) {
        let location = spanned.referenced;
        let (line, column) = if location.line() == 0 { (1, 1) } else { (location.line(), location.column()) };
        self.0.push(ContentError::at(path, line, column, Some(field.to_string()), message));
    }
}

/// Loads, validates and cleans the content folder `dir`. On failure, returns every content
/// error found, not only the first.
pub fn load(dir: &Path) -> Result<Corpus, ContentErrors> {
    load_timed(dir).0
}

/// [`load`], also returning the time spent cleaning article text (summed over threads).
pub fn load_timed(dir: &Path) -> (Result<Corpus, ContentErrors>, Duration) {
    let mut clean_time = Duration::ZERO;
    let result = load_into(dir, &mut clean_time, None);
    (result, clean_time)
}

/// [`load_timed`], reusing from `cache` the sources whose files have not changed since the
/// previous call, and keeping this load's sources in it for the next (see [`LoadCache`]).
pub fn load_cached(dir: &Path, cache: &mut LoadCache) -> (Result<Corpus, ContentErrors>, Duration) {
    let mut clean_time = Duration::ZERO;
    let result = load_into(dir, &mut clean_time, Some(cache));
    (result, clean_time)
}

fn load_into(dir: &Path, clean_time: &mut Duration, cache: Option<&mut LoadCache>) -> Result<Corpus, ContentErrors> {
    let mut errors = Errors(Vec::new());
    let root = match dir.canonicalize() {
        Ok(root) if root.is_dir() => root,
        _ => {
            let message = "the content folder does not exist or is not a folder";
            return Err(ContentErrors(vec![ContentError::file(dir, message)]));
        }
    };
    let site = load_site(dir, &mut errors);
    let briefing = read_text(&dir.join("briefing.md"), &mut errors).map(|markdown| Briefing { markdown });
    let entities = crate::catalogue::load_entities(&dir.join("entities.yaml"), &mut errors);
    let sources = load_sources(dir, &root, &mut errors, clean_time, cache);
    match (site, briefing, errors.0.is_empty()) {
        (Some(site), Some(briefing), true) => Ok(Corpus { site, briefing, sources, entities }),
        _ => Err(ContentErrors(errors.0)),
    }
}

fn read_bytes(path: &Path, errors: &mut Errors) -> Option<Vec<u8>> {
    match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            errors.0.push(ContentError::file(path, "file not found"));
            None
        }
        Err(error) => {
            errors.0.push(ContentError::file(path, format!("cannot read: {error}")));
            None
        }
    }
}

fn read_text(path: &Path, errors: &mut Errors) -> Option<String> {
    let bytes = read_bytes(path, errors)?;
    decode_utf8(path, bytes).map_err(|e| errors.0.push(e)).ok()
}

pub(crate) fn read_yaml<T: serde::de::DeserializeOwned>(path: &Path, errors: &mut Errors) -> Option<T> {
    let text = read_text(path, errors)?;
    parse(path, &text).map_err(|e| errors.0.push(e)).ok()
}

/// Lower-case ASCII letters, digits, `-` and `_`, starting with a letter or digit: safe in
/// URLs and file names on every system.
pub(crate) fn is_slug(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// An absolute http or https URL with a host and no spaces or control characters.
fn check_http_url(url: &str) -> Result<(), String> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        None => Err(format!("{url:?} is not an http or https URL")),
        Some("") => Err(format!("{url:?} has no host")),
        Some(_) if url.chars().any(|c| c.is_whitespace() || c.is_control()) => {
            Err(format!("{url:?} contains spaces or control characters"))
        }
        Some(_) => Ok(()),
    }
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

pub(crate) fn require_text(errors: &mut Errors, path: &Path, value: &Spanned<String>, field: &str) {
    if value.value.trim().is_empty() {
        errors.at(path, value, field, "must not be empty");
    }
}

fn load_site(dir: &Path, errors: &mut Errors) -> Option<SiteConfig> {
    let path = dir.join("site.yaml");
    let file: SiteFile = read_yaml(&path, errors)?;
    require_text(errors, &path, &file.title, "title");
    if !is_language_tag(&file.language.value) {
        errors.at(
            &path,
            &file.language,
            "language",
            format!("{:?} is not a language tag such as en or pt-BR", file.language.value),
        );
    }
    if let Some(base_url) = &file.base_url
        && let Err(message) = check_http_url(&base_url.value)
    {
        errors.at(&path, base_url, "base_url", message);
    }
    if let Some(theme) = &file.theme
        && !is_slug(&theme.value)
    {
        errors.at(
            &path,
            theme,
            "theme",
            "a theme is named by a folder under themes/: lower-case letters, digits, - and _",
        );
    }
    Some(SiteConfig {
        title: file.title.value.trim().to_string(),
        description: file.description.trim().to_string(),
        language: file.language.value,
        base_url: file.base_url.map(|u| u.value.trim_end_matches('/').to_string() + "/"),
        theme: file.theme.map_or_else(|| "default".to_string(), |t| t.value),
        unsafe_html: file.unsafe_html,
    })
}

/// The YAML files of `dir/sources`, sorted by name; other files are ignored.
fn source_files(dir: &Path, errors: &mut Errors) -> Vec<PathBuf> {
    let sources = dir.join("sources");
    if !sources.is_dir() {
        errors.0.push(ContentError::file(&sources, "the sources folder is missing"));
        return Vec::new();
    }
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(&sources).min_depth(1).max_depth(1).sort_by_file_name() {
        match entry {
            Ok(entry) => {
                let path = entry.path();
                match path.extension().and_then(|e| e.to_str()) {
                    Some("yaml") => files.push(path.to_path_buf()),
                    Some("yml") => {
                        errors.0.push(ContentError::file(path, "source files end in .yaml; rename this file"))
                    }
                    _ => {}
                }
            }
            Err(error) => errors.0.push(ContentError::file(&sources, format!("cannot list: {error}"))),
        }
    }
    files
}

/// Loads the sources in parallel (each file is independent), keeping file order for the
/// sources and their errors. Adds the time spent cleaning to `clean_time`. With a cache,
/// unchanged sources come from it and every source loaded without errors goes into it.
fn load_sources(
    dir: &Path,
    root: &Path,
    errors: &mut Errors,
    clean_time: &mut Duration,
    cache: Option<&mut LoadCache>,
) -> Vec<Source> {
    use rayon::prelude::*;
    let files = source_files(dir, errors);
    let kept = cache.as_deref();
    let loaded: Vec<(Option<Source>, Vec<ContentError>, Duration, Keep)> = files
        .par_iter()
        .map(|path| {
            if let Some(source) = kept.and_then(|c| c.get(path, root)) {
                return (Some(source), Vec::new(), Duration::ZERO, Keep::Reused(path.clone()));
            }
            let yaml = kept.and_then(|_| Stamp::of(path));
            let mut own = Errors(Vec::new());
            let mut cleaning = Duration::ZERO;
            let mut body = None;
            let source = load_source(path, root, &mut own, &mut cleaning, &mut body);
            let keep = match yaml.zip(source.clone()) {
                Some((yaml, source)) => Keep::Loaded(Box::new((path.clone(), yaml, body, source))),
                None => Keep::Nothing,
            };
            (source, own.0, cleaning, keep)
        })
        .collect();
    let mut sources = Vec::with_capacity(loaded.len());
    let mut keep = Vec::new();
    for (source, source_errors, cleaning, kept) in loaded {
        errors.0.extend(source_errors);
        *clean_time += cleaning;
        keep.push(kept);
        sources.extend(source);
    }
    if let Some(cache) = cache {
        cache.update(root, keep);
    }
    sources
}

/// `a/sources/../texts/x.txt` as `a/texts/x.txt`, without touching the file system.
pub(crate) fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// True when `path` resolves (through any links) to a place inside `root`.
pub(crate) fn resolve_inside(path: &Path, root: &Path) -> Result<PathBuf, String> {
    let resolved = path.canonicalize().map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => "file not found".to_string(),
        _ => format!("cannot open: {error}"),
    })?;
    if resolved.starts_with(root) { Ok(resolved) } else { Err("resolves outside the content folder".to_string()) }
}

fn load_source(
    path: &Path,
    root: &Path,
    errors: &mut Errors,
    clean_time: &mut Duration,
    body_dep: &mut Option<BodyDep>,
) -> Option<Source> {
    let slug = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
    if !is_slug(&slug) {
        let message =
            format!("{slug:?} is not a valid slug: name source files with lower-case letters, digits, - and _");
        errors.0.push(ContentError::file(path, message));
        return None;
    }
    if let Err(message) = resolve_inside(path, root) {
        errors.0.push(ContentError::file(path, message));
        return None;
    }
    let file: SourceFile = read_yaml(path, errors)?;
    let before = errors.0.len();
    require_text(errors, path, &file.title, "title");
    require_text(errors, path, &file.outlet, "outlet");
    let published = Date::parse(file.published.value.trim())
        .map_err(|message| errors.at(path, &file.published, "published", message))
        .ok();
    if let Some(url) = &file.url
        && let Err(message) = check_http_url(url.value.trim())
    {
        errors.at(path, url, "url", message);
    }
    if !is_language_tag(&file.language.value) {
        errors.at(
            path,
            &file.language,
            "language",
            format!("{:?} is not a language tag such as en", file.language.value),
        );
    }
    let body = load_body(path, root, &file, errors, body_dep);
    let cleaning = std::time::Instant::now();
    let cleaned = body.map(|(text, at)| (clean(&text, &file.title.value), at));
    *clean_time += cleaning.elapsed();
    if let Some((cleaned, at)) = &cleaned
        && cleaned.blocks.is_empty()
    {
        errors.at(path, at, at_field(&file), "has no article text: the cleaner found only boilerplate");
    }
    if errors.0.len() > before {
        return None;
    }
    let (cleaned, _) = cleaned?;
    Some(Source {
        slug,
        path: path.to_path_buf(),
        meta: SourceMeta {
            title: file.title.value.trim().to_string(),
            outlet: file.outlet.value.trim().to_string(),
            outlet_inferred: file.outlet_inferred,
            published: published?,
            url: file.url.map(|u| u.value.trim().to_string()),
            byline: file.byline.filter(|b| !b.trim().is_empty()),
            wire: file.wire.filter(|w| !w.trim().is_empty()),
            language: file.language.value,
        },
        blocks: cleaned.blocks,
        dropped: cleaned.dropped,
    })
}

fn at_field(file: &SourceFile) -> &'static str {
    if file.body_file.is_some() { "body_file" } else { "body" }
}

/// The raw body text and the YAML node it came from (for locating later errors). Records the
/// body file read, if any, in `body_dep`.
fn load_body(
    path: &Path,
    root: &Path,
    file: &SourceFile,
    errors: &mut Errors,
    body_dep: &mut Option<BodyDep>,
) -> Option<(String, Spanned<()>)> {
    let span_of = |s: &Spanned<String>| Spanned { value: (), referenced: s.referenced, defined: s.defined };
    match (&file.body, &file.body_file) {
        (Some(_), Some(body_file)) => {
            errors.at(path, body_file, "body_file", "give either `body` or `body_file`, not both");
            None
        }
        (None, None) => {
            errors.0.push(ContentError::at(
                path,
                1,
                1,
                Some("body".into()),
                "missing field `body` (or `body_file`): the article text",
            ));
            None
        }
        (Some(body), None) => {
            if body.value.trim().is_empty() {
                errors.at(path, body, "body", "the article text is empty");
                return None;
            }
            Some((body.value.clone(), span_of(body)))
        }
        (None, Some(body_file)) => {
            let relative = Path::new(body_file.value.trim());
            if relative.is_absolute() {
                errors.at(
                    path,
                    body_file,
                    "body_file",
                    "must be a path relative to this file, inside the content folder",
                );
                return None;
            }
            let target = path.parent().unwrap_or(Path::new(".")).join(relative);
            if let Err(message) = resolve_inside(&target, root) {
                errors.at(path, body_file, "body_file", format!("{}: {message}", target.display()));
                return None;
            }
            let joined = target;
            let target = normalize(&joined);
            *body_dep = Some(BodyDep { stamp: Stamp::of(&target), target: joined });
            let mut file_errors = Errors(Vec::new());
            let text = read_text(&target, &mut file_errors);
            for mut error in file_errors.0 {
                error.message = format!("{} (the body_file of {})", error.message, path.display());
                errors.0.push(error);
            }
            let text = text?;
            if text.trim().is_empty() {
                errors.at(path, body_file, "body_file", format!("{} is empty", target.display()));
                return None;
            }
            Some((text, span_of(body_file)))
        }
    }
}
