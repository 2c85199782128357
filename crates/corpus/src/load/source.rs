//! One source file (`sources/<slug>.yaml`): its fields checked, its body read (inline or
//! from a body file inside the content folder) and cleaned into blocks.

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::cache::{BodyDep, Stamp};
use super::errors::Errors;
use super::fields::{check_http_url, english, is_language_tag, is_slug, refuse_control_characters, require_text};
use super::paths::{normalize, resolve_inside};
use super::read::{read_text, read_yaml};
use crate::clean::Cleaner;
use crate::yaml::parse;
use crate::{ContentError, ContentErrors, Date, Source, SourceMeta, clean};

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

/// Loads one source file, confined to the content folder `root`, adding every problem to
/// `errors`; returns the source only when it has none. Cleans the body with `clean`, and
/// records the body file read, if any, in `body_dep`.
pub(crate) fn load_source(
    path: &Path,
    root: &Path,
    errors: &mut Errors,
    clean: Cleaner<'_>,
    body_dep: &mut Option<BodyDep>,
) -> Option<Source> {
    let slug = path.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
    if !is_slug(&slug) {
        let message =
            format!("{slug:?} is not a valid slug: name source files with lower-case letters, digits, - and _");
        errors.0.push(ContentError::file(path, message));
        return None;
    }
    if let Err(error) = resolve_inside(path, root) {
        errors.0.push(ContentError::file(path, error.to_string()));
        return None;
    }
    let file: SourceFile = read_yaml(path, errors)?;
    let before = errors.0.len();
    let published = check_fields(path, &file, errors);
    let body = load_body(path, root, &file, errors, body_dep);
    let cleaned = body.map(|(text, at)| (clean(&text, &file.title.value), at));
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
        .map_err(|error| errors.at(path, &file.published, "published", error.to_string()))
        .ok();
    if let Some(url) = &file.url
        && let Err(error) = check_http_url(url.value.trim())
    {
        errors.at(path, url, "url", error.to_string());
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
/// [`load`](crate::load()) does, without touching the file system: `path` only names the file
/// in errors, a `body_file` is not read, and an inline `body` is cleaned and must keep some
/// article text.
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
            if let Err(error) = resolve_inside(&target, root) {
                errors.at(path, body_file, "body_file", format!("{}: {error}", target.display()));
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
}
