//! Themes: Tera templates and static files, layered so that a theme only holds what it
//! changes and takes everything else from `default`.
//!
//! Layers, first match wins: `themes/<name>/` (when the theme is not `default`), then
//! `themes/default/` on disk, then the default theme built into the binary. Templates are
//! registered under their real path (`themes/<name>/templates/index.html`) with Tera's fallback
//! prefixes, so `{% extends "base.html" %}` resolves through the same layers and template
//! errors name the file.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use tera::Tera;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

/// A loaded theme: templates ready to render and static files to copy.
pub struct Theme {
    /// The templates, parsed.
    pub tera: Tera,
    /// Static files by path under `static/`.
    pub static_files: BTreeMap<String, Vec<u8>>,
    /// A hash of every template (name and text) of every layer: a page rendered with the same
    /// context under two themes with the same fingerprint has the same bytes.
    fingerprint: u64,
}

/// Why a theme could not be loaded or a page rendered through it.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// The name is not a folder name.
    #[error("{name:?} is not a theme name: a theme is a folder under themes/ named with a-z, 0-9, - and _")]
    Name { name: String },
    /// There is no such folder under themes/.
    #[error("theme {name:?} not found: there is no folder {}", folder.display())]
    NotFound { name: String, folder: PathBuf },
    /// A folder of the theme could not be listed.
    #[error("{}: {source}", folder.display())]
    Walk { folder: PathBuf, source: walkdir::Error },
    /// A file's name is not UTF-8.
    #[error("{}: file names must be UTF-8", path.display())]
    FileName { path: PathBuf },
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Read { path: PathBuf, source: std::io::Error },
    /// A template is not UTF-8.
    #[error("{file}: template is not UTF-8")]
    NotUtf8 { file: String },
    /// Tera refused a template or failed rendering one: the whole chain of causes, which
    /// names the template file and line.
    #[error("{}", describe_tera_error(.0))]
    Template(tera::Error),
}

/// Files of one theme layer: templates and static files by path inside the theme.
#[derive(Default)]
struct Layer {
    templates: BTreeMap<String, String>,
    statics: BTreeMap<String, Vec<u8>>,
}

impl Layer {
    fn add(&mut self, relative: &str, bytes: Vec<u8>, origin: &str) -> Result<(), ThemeError> {
        if let Some(name) = relative.strip_prefix("templates/") {
            let text = String::from_utf8(bytes).map_err(|_| ThemeError::NotUtf8 { file: origin.to_string() })?;
            self.templates.entry(name.to_string()).or_insert(text);
        } else if let Some(name) = relative.strip_prefix("static/") {
            self.statics.entry(name.to_string()).or_insert(bytes);
        }
        Ok(())
    }

    /// Reads `themes/<name>/templates` and `themes/<name>/static` from disk.
    fn read_dir(&mut self, dir: &Path) -> Result<(), ThemeError> {
        for part in ["templates", "static"] {
            let root = dir.join(part);
            if !root.is_dir() {
                continue;
            }
            for entry in walkdir::WalkDir::new(&root).sort_by_file_name() {
                let entry = entry.map_err(|source| ThemeError::Walk { folder: root.clone(), source })?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let relative = entry.path().strip_prefix(dir).expect("walked below dir");
                let relative =
                    relative.to_str().ok_or_else(|| ThemeError::FileName { path: entry.path().to_path_buf() })?;
                let relative = relative.replace('\\', "/");
                let bytes = fs::read(entry.path())
                    .map_err(|source| ThemeError::Read { path: entry.path().to_path_buf(), source })?;
                self.add(&relative, bytes, &entry.path().display().to_string())?;
            }
        }
        Ok(())
    }
}

impl Theme {
    /// Loads theme `name` from `themes_dir`, layered over the default theme.
    pub fn load(themes_dir: &Path, name: &str) -> Result<Theme, ThemeError> {
        let folder_name = !name.is_empty()
            && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !folder_name {
            return Err(ThemeError::Name { name: name.to_string() });
        }
        let mut layers: Vec<(String, Layer)> = Vec::new();
        if name != "default" {
            let dir = themes_dir.join(name);
            if !dir.is_dir() {
                return Err(ThemeError::NotFound { name: name.to_string(), folder: dir });
            }
            let mut layer = Layer::default();
            layer.read_dir(&dir)?;
            layers.push((name.to_string(), layer));
        }
        let mut default = Layer::default();
        let disk_default = themes_dir.join("default");
        if disk_default.is_dir() {
            default.read_dir(&disk_default)?;
        }
        for (relative, bytes) in embedded::DEFAULT_THEME {
            default.add(relative, bytes.to_vec(), "built-in default theme")?;
        }
        layers.push(("default".to_string(), default));

        let mut tera = Tera::new();
        // Tera's own escaping writes a byte at a time through `dyn Write`: a twentieth of a
        // build's time. This one escapes the same characters the same way, in runs.
        tera.set_escape_fn(|text, out| crate::render::html::escape_with(text, |piece| out.write_all(piece.as_bytes())));
        // Registered under their path in the project, so errors name the real file.
        let prefixes: Vec<String> = layers.iter().map(|(n, _)| format!("themes/{n}/templates/")).collect();
        tera.set_fallback_prefixes(prefixes).map_err(ThemeError::Template)?;
        let mut templates = Vec::new();
        let mut static_files = BTreeMap::new();
        let mut hasher = std::hash::DefaultHasher::new();
        for (layer_name, layer) in layers {
            for (path, text) in layer.templates {
                let name = format!("themes/{layer_name}/templates/{path}");
                std::hash::Hash::hash(&(&name, &text), &mut hasher);
                templates.push((name, text));
            }
            for (path, bytes) in layer.statics {
                static_files.entry(path).or_insert(bytes);
            }
        }
        tera.add_raw_templates(templates).map_err(ThemeError::Template)?;
        let fingerprint = std::hash::Hasher::finish(&hasher);
        Ok(Theme { tera, static_files, fingerprint })
    }

    /// A hash of the templates: equal for two loads of the same theme files.
    pub fn fingerprint(&self) -> u64 {
        self.fingerprint
    }

    /// A fingerprint of the static files (paths and bytes), which pages do not depend on.
    pub fn static_fingerprint(&self) -> u64 {
        use std::hash::BuildHasher;
        foldhash::quality::FixedState::with_seed(0).hash_one(&self.static_files)
    }

    /// Renders `template` with `context`, naming the template file and line on error.
    pub fn render(&self, template: &str, context: &tera::Context) -> Result<String, ThemeError> {
        self.tera.render(template, context).map_err(ThemeError::Template)
    }
}

/// Tera's error with its whole chain of causes: the located cause is usually the last.
pub fn describe_tera_error(error: &tera::Error) -> String {
    let mut text = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        text.push_str("\n  caused by: ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Templates escape with `html::escape_with`: a value with all five characters comes out
    /// of Tera escaped exactly as `escape_into` escapes it.
    #[test]
    fn templates_escape_like_escape_into() {
        let theme = Theme::load(Path::new("/nonexistent"), "default").unwrap();
        let value = "<a href='x'>Kerry & \"Lavrov\"</a> Ünal";
        let mut expected = String::new();
        crate::render::html::escape_into(value, &mut expected);
        assert_eq!(expected, "&lt;a href=&#39;x&#39;&gt;Kerry &amp; &quot;Lavrov&quot;&lt;/a&gt; Ünal");
        let mut context = tera::Context::new();
        context.insert("value", &value);
        assert_eq!(theme.tera.render_str("{{ value }}", &context, true).unwrap(), expected);
    }

    #[test]
    fn the_built_in_default_theme_loads() {
        let theme = Theme::load(Path::new("/nonexistent"), "default").unwrap();
        assert!(theme.static_files.contains_key("style.css"));
    }

    #[test]
    fn a_theme_overrides_one_template_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("plain/templates");
        fs::create_dir_all(&templates).unwrap();
        fs::write(
            templates.join("entities.html"),
            "{% extends \"base.html\" %}{% block content %}PLAIN{% endblock content %}",
        )
        .unwrap();
        let theme = Theme::load(dir.path(), "plain").unwrap();
        let context = entities_page_context();
        let html = theme.render("entities.html", &context).unwrap();
        assert!(html.contains("PLAIN") && html.contains("<!doctype html>"), "{html}");
    }

    #[test]
    fn a_theme_base_can_extend_the_default_layout_by_its_full_name() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("extra/templates");
        fs::create_dir_all(&templates).unwrap();
        let base = r#"{% extends "themes/default/templates/base.html" %}{% block theme_head %}<link rel="stylesheet" href="{{ root }}static/site.css">{% endblock theme_head %}"#;
        fs::write(templates.join("base.html"), base).unwrap();
        let theme = Theme::load(dir.path(), "extra").unwrap();
        let mut context = entities_page_context();
        context.insert("entity_groups", &Vec::<u8>::new());
        let html = theme.render("entities.html", &context).unwrap();
        assert!(html.contains(r#"<link rel="stylesheet" href="../static/site.css">"#), "{html}");
        assert!(html.contains("<main id=\"main\""), "the default layout is kept");
    }

    /// What base.html needs to render entities/index.html.
    fn entities_page_context() -> tera::Context {
        let mut context = tera::Context::new();
        context.insert("site", &serde_json::json!({"title": "T", "description": "", "language": "en"}));
        context.insert("root", "../");
        context.insert("page_title", "Entities");
        context.insert("page_kind", "entities");
        context.insert("page_path", "entities/index.html");
        context.insert("page_description", "All entities");
        context.insert("generator", "test");
        context
    }

    #[test]
    fn theme_names_cannot_leave_the_themes_folder() {
        for name in ["../content", "/etc", "a/b", ""] {
            assert!(Theme::load(Path::new("themes"), name).is_err(), "{name:?} accepted");
        }
        let error = Theme::load(Path::new("/nonexistent"), "missing").err().unwrap().to_string();
        assert!(error.contains("not found"), "{error}");
    }

    #[test]
    fn a_broken_template_is_reported_with_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("broken/templates");
        fs::create_dir_all(&templates).unwrap();
        fs::write(templates.join("index.html"), "line one\n{% if %}\n").unwrap();
        let error = Theme::load(dir.path(), "broken").err().unwrap().to_string();
        assert!(error.contains("themes/broken/templates/index.html"), "{error}");
    }
}
