//! `site.yaml`: the site's title, description, language, address and theme.

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::errors::Errors;
use super::fields::{check_http_url, english, is_language_tag, is_slug, refuse_control_characters, require_text};
use super::read::read_yaml;
use crate::SiteConfig;

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

/// Loads and checks `dir/site.yaml`, adding every problem to `errors`. Returns the settings
/// when the file could be read, even if a field is wrong, so that later checks still run.
pub(crate) fn load_site(dir: &Path, errors: &mut Errors) -> Option<SiteConfig> {
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
        && let Err(error) = check_http_url(&base_url.value)
    {
        errors.at(&path, base_url, "base_url", error.to_string());
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
