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
    description: Option<Spanned<String>>,
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
    byline: Option<Spanned<String>>,
    #[serde(default)]
    wire: Option<Spanned<String>>,
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
    // These three are confined like every other file: a symbolic link among them must not
    // publish a file from outside the content folder (a key, another project's data).
    let mut inside = |name: &str| match resolve_inside(&dir.join(name), &root) {
        Err(message) if message != "file not found" => {
            errors.0.push(ContentError::file(dir.join(name), message));
            false
        }
        _ => true,
    };
    let (site_inside, briefing_inside, entities_inside) =
        (inside("site.yaml"), inside("briefing.md"), inside("entities.yaml"));
    let site = if site_inside { load_site(dir, &mut errors) } else { None };
    let briefing = briefing_inside
        .then(|| read_text(&dir.join("briefing.md"), &mut errors).map(|markdown| Briefing { markdown }))
        .flatten();
    let entities = if entities_inside {
        crate::catalogue::load_entities(&dir.join("entities.yaml"), &mut errors)
    } else {
        Vec::new()
    };
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

/// A BCP 47-shaped language tag: a primary subtag of 2 or 3 letters (`en`), then subtags of
/// 1 to 8 letters or digits (`pt-BR`, `sr-Latn`).
pub fn is_language_tag(tag: &str) -> bool {
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
    refuse_control_characters(errors, path, value, field);
}

/// Text fields hold printable text. YAML lets a double-quoted value spell any character
/// ("\0", "\x01"), but a NUL or another control character shows in no page and is invalid
/// in HTML and XML, so it is an error where it was written rather than something each
/// output would have to drop. Tabs and line breaks are white space, not errors.
pub(crate) fn refuse_control_characters(errors: &mut Errors, path: &Path, value: &Spanned<String>, field: &str) {
    if let Some(c) = value.value.chars().find(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
        let message =
            format!("contains the control character U+{:04X}: text fields hold printable text only", u32::from(c));
        errors.at(path, value, field, message);
    }
}

fn load_site(dir: &Path, errors: &mut Errors) -> Option<SiteConfig> {
    let path = dir.join("site.yaml");
    let file: SiteFile = read_yaml(&path, errors)?;
    require_text(errors, &path, &file.title, "title");
    if let Some(description) = &file.description {
        refuse_control_characters(errors, &path, description, "description");
    }
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
        description: file.description.map_or_else(String::new, |d| d.value.trim().to_string()),
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
    let published = check_fields(path, &file, errors);
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
        meta: meta(file, published?),
        blocks: cleaned.blocks,
        dropped: cleaned.dropped,
    })
}

/// Checks a source file's fields other than the body, as every load does; returns the date
/// when it is valid.
fn check_fields(path: &Path, file: &SourceFile, errors: &mut Errors) -> Option<Date> {
    require_text(errors, path, &file.title, "title");
    require_text(errors, path, &file.outlet, "outlet");
    for (value, field) in [(&file.byline, "byline"), (&file.wire, "wire")] {
        if let Some(value) = value {
            refuse_control_characters(errors, path, value, field);
        }
    }
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
    published
}

/// Parses the text of one source file (`sources/<slug>.yaml`) and checks its fields as
/// [`load`] does, without touching the file system: `path` only names the file in errors, a
/// `body_file` is not read, and an inline `body` is cleaned and must keep some article text.
/// Returns the metadata, or every error located at line, column and field. It exists so that
/// the YAML handling can be fuzzed without writing a content folder per input.
pub fn parse_source(path: &Path, text: &str) -> Result<SourceMeta, ContentErrors> {
    let mut errors = Errors(Vec::new());
    let file: SourceFile = parse(path, text).map_err(|error| ContentErrors(vec![error]))?;
    let published = check_fields(path, &file, &mut errors);
    if let Some(Body::Inline(body)) = body_field(path, &file, &mut errors)
        && clean(&body.value, &file.title.value).blocks.is_empty()
    {
        errors.at(path, body, "body", "has no article text: the cleaner found only boilerplate");
    }
    match published {
        Some(published) if errors.0.is_empty() => Ok(meta(file, published)),
        _ => Err(ContentErrors(errors.0)),
    }
}

/// The metadata of a checked source file, trimmed.
fn meta(file: SourceFile, published: Date) -> SourceMeta {
    SourceMeta {
        title: file.title.value.trim().to_string(),
        outlet: file.outlet.value.trim().to_string(),
        outlet_inferred: file.outlet_inferred,
        published,
        url: file.url.map(|u| u.value.trim().to_string()),
        byline: file.byline.map(|b| b.value).filter(|b| !b.trim().is_empty()),
        wire: file.wire.map(|w| w.value).filter(|w| !w.trim().is_empty()),
        language: file.language.value,
    }
}

fn at_field(file: &SourceFile) -> &'static str {
    if file.body_file.is_some() { "body_file" } else { "body" }
}

/// Where a source file's text is: inline, or in a body file (a relative path, unchecked).
enum Body<'a> {
    Inline(&'a Spanned<String>),
    File(&'a Spanned<String>),
}

/// Checks the choice between `body` and `body_file`, which needs no file system: exactly one
/// is given, an inline body is not empty, and a body file's path is relative.
fn body_field<'a>(path: &Path, file: &'a SourceFile, errors: &mut Errors) -> Option<Body<'a>> {
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
            Some(Body::Inline(body))
        }
        (None, Some(body_file)) => {
            if Path::new(body_file.value.trim()).is_absolute() {
                errors.at(
                    path,
                    body_file,
                    "body_file",
                    "must be a path relative to this file, inside the content folder",
                );
                return None;
            }
            Some(Body::File(body_file))
        }
    }
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
    match body_field(path, file, errors)? {
        Body::Inline(body) => Some((body.value.clone(), span_of(body))),
        Body::File(body_file) => {
            let relative = Path::new(body_file.value.trim());
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_one_source_file_as_the_loader_checks_it() {
        let path = Path::new("sources/a.yaml");
        let text = "title: Talks\noutlet: \" O \"\npublished: 2016-07-14\nbody: |\n  Putin spoke.\n";
        let meta = parse_source(path, text).unwrap();
        assert_eq!((meta.title.as_str(), meta.outlet.as_str(), meta.language.as_str()), ("Talks", "O", "en"));
        // A body file is not read, so it need not exist.
        assert!(parse_source(path, "title: T\noutlet: O\npublished: 2016-07-14\nbody_file: ../t.txt\n").is_ok());
        let errors = |text: &str| -> Vec<(Option<u64>, Option<String>)> {
            parse_source(path, text).unwrap_err().0.into_iter().map(|e| (e.line, e.field)).collect()
        };
        let bad = "title: T\noutlet: O\npublished: 2016-02-30\nbody: \"Advertisement\"\nurl: ftp://x\n";
        let found = errors(bad);
        assert_eq!(
            found,
            [(Some(3), Some("published".into())), (Some(5), Some("url".into())), (Some(4), Some("body".into()))]
        );
        assert_eq!(errors("title: [a\n"), [(Some(1), Some("title".into()))]);
        let both = "title: T\noutlet: O\npublished: 2016-07-14\nbody: B\nbody_file: /etc/passwd\n";
        assert_eq!(errors(both), [(Some(5), Some("body_file".into()))]);
    }

    #[test]
    fn refuses_control_characters_in_text_fields_where_they_are_written() {
        let text = "title: \"Talks\\0 end\"\noutlet: O\npublished: 2016-01-01\nbyline: \"A\\x01B\"\nwire: \"AFP\\tX\"\nbody: Putin spoke.\n";
        let errors = parse_source(Path::new("a.yaml"), text).unwrap_err().0;
        let found: Vec<_> = errors.iter().map(|e| (e.line, e.field.as_deref(), e.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (Some(1), Some("title"), "contains the control character U+0000: text fields hold printable text only"),
                (
                    Some(4),
                    Some("byline"),
                    "contains the control character U+0001: text fields hold printable text only"
                ),
            ],
            "a tab is white space, not an error"
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_top_level_files_linked_from_outside() {
        let scratch = std::env::temp_dir().join(format!("corpus-links-{}", std::process::id()));
        let (content, outside) = (scratch.join("content"), scratch.join("secret.txt"));
        fs::create_dir_all(content.join("sources")).unwrap();
        fs::write(&outside, "title: secret\n").unwrap();
        for name in ["site.yaml", "briefing.md", "entities.yaml"] {
            std::os::unix::fs::symlink(&outside, content.join(name)).unwrap();
        }
        let errors = load(&content).map(|_| ()).unwrap_err().0;
        fs::remove_dir_all(&scratch).unwrap();
        let found: Vec<_> = errors
            .iter()
            .map(|e| (e.path.file_name().unwrap().to_str().unwrap(), e.line, e.message.as_str()))
            .collect();
        let outside = "resolves outside the content folder";
        assert_eq!(
            found,
            [("site.yaml", None, outside), ("briefing.md", None, outside), ("entities.yaml", None, outside)]
        );
    }
}
