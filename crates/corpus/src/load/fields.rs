//! The checks of single field values that `site.yaml`, the source files and `entities.yaml`
//! share: slugs, URLs, language tags and printable text.

use std::path::Path;

use serde_saphyr::Spanned;

use super::errors::Errors;

/// The language of a file that names none: English, at no place in the file.
pub(crate) fn english() -> Spanned<String> {
    let nowhere = serde_saphyr::Location::UNKNOWN;
    Spanned::new("en".to_string(), nowhere, nowhere)
}

/// Lower-case ASCII letters, digits, `-` and `_`, starting with a letter or digit: safe in
/// URLs and file names on every system.
pub fn is_slug(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && text.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Why a text is not an address a page may link to.
#[derive(Debug, thiserror::Error)]
pub enum UrlError {
    /// Another scheme (`javascript:`, `file:`) or none.
    #[error("{0:?} is not an http or https URL")]
    NotHttp(String),
    /// `https://` and nothing after.
    #[error("{0:?} has no host")]
    NoHost(String),
    /// White space or control characters anywhere.
    #[error("{0:?} contains spaces or control characters")]
    Spaces(String),
}

/// An absolute http or https URL with a host and no spaces or control characters.
pub fn check_http_url(url: &str) -> Result<(), UrlError> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        None => Err(UrlError::NotHttp(url.to_string())),
        Some("") => Err(UrlError::NoHost(url.to_string())),
        Some(_) if url.chars().any(|c| c.is_whitespace() || c.is_control()) => Err(UrlError::Spaces(url.to_string())),
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

/// A required text field: not blank, and printable (see [`refuse_control_characters`]).
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
