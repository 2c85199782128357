//! A page before rendering: its path, its template and the context the template gets, with a
//! fingerprint of that context. Two pages with the same fingerprint render to the same bytes
//! under the same theme, which is what lets `sitegen serve` skip the pages an edit cannot
//! affect without a hand-kept list of which page depends on what.

use std::hash::{BuildHasher, Hash, Hasher};

use foldhash::quality::{FixedState, FoldHasher};

use serde::Serialize;

use crate::render::theme::Theme;

/// A template's context, fingerprinted as it is filled. The values are turned into Tera's
/// own only when the page is rendered: a page found unchanged costs its fingerprint alone.
pub(crate) struct PageContext<'a> {
    values: Vec<(&'static str, Box<dyn ContextValue + 'a>)>,
    /// A fast hasher with a fixed seed: fingerprints are compared between builds of one
    /// process, so they need not be stable across versions, only spread well. None when the
    /// context is not fingerprinted.
    hasher: Option<FoldHasher<'static>>,
}

/// A value waiting to be put into a Tera context.
trait ContextValue {
    fn to_tera(&self) -> tera::Value;
}

impl<T: Serialize> ContextValue for T {
    fn to_tera(&self) -> tera::Value {
        tera::Value::from_serializable(self)
    }
}

impl<'a> PageContext<'a> {
    pub(crate) fn new() -> PageContext<'a> {
        PageContext { values: Vec::new(), hasher: Some(FixedState::with_seed(0).build_hasher()) }
    }

    /// A context that is not fingerprinted: hashing every value costs a tenth of rendering,
    /// for nothing when no build follows to compare with.
    pub(crate) fn unfingerprinted() -> PageContext<'a> {
        PageContext { values: Vec::new(), hasher: None }
    }

    /// Puts `value` in the context under `key`, and into the fingerprint.
    pub(crate) fn insert<T: Serialize + 'a>(&mut self, key: &'static str, value: T) {
        if let Some(hasher) = &mut self.hasher {
            key.hash(hasher);
            // Taken from the value itself, not from Tera's copy: Tera's maps are hash maps,
            // whose order changes from one build to the next.
            crate::pages::fingerprint::hash_value(&value, hasher);
        }
        self.values.push((key, Box::new(value)));
    }

    fn to_tera(&self) -> tera::Context {
        let mut context = tera::Context::new();
        for (key, value) in &self.values {
            context.insert_value(*key, value.to_tera());
        }
        context
    }
}

/// A page ready to render.
pub struct Page<'a> {
    /// Path relative to the output folder, with `/` separators.
    pub path: String,
    /// The theme template that renders it.
    pub template: &'static str,
    pub(crate) context: PageContext<'a>,
}

impl Page<'_> {
    /// A fingerprint of everything the page's bytes depend on: the theme, the template and
    /// the context.
    pub fn fingerprint(&self, theme: &Theme) -> u64 {
        let Some(hasher) = &self.context.hasher else { return 0 };
        let mut hasher = hasher.clone();
        (theme.fingerprint(), self.template, &self.path).hash(&mut hasher);
        hasher.finish()
    }

    /// Renders the page's HTML.
    pub fn render(&self, theme: &Theme) -> Result<String, crate::render::theme::ThemeError> {
        theme.render(self.template, &self.context.to_tera())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fingerprint_of(values: &[(&'static str, &str)]) -> u64 {
        let theme = Theme::load(std::path::Path::new("/nonexistent-themes"), "default").unwrap();
        let mut context = PageContext::new();
        for (key, value) in values {
            context.insert(key, *value);
        }
        Page { path: "index.html".into(), template: "index.html", context }.fingerprint(&theme)
    }

    #[test]
    fn the_fingerprint_follows_every_key_and_value() {
        let base = fingerprint_of(&[("a", "x"), ("b", "y")]);
        assert_eq!(base, fingerprint_of(&[("a", "x"), ("b", "y")]));
        assert_ne!(base, fingerprint_of(&[("a", "x"), ("b", "z")]));
        assert_ne!(base, fingerprint_of(&[("a", "x"), ("c", "y")]));
        assert_ne!(base, fingerprint_of(&[("a", "x")]));
        // Keys and values do not run into each other.
        assert_ne!(fingerprint_of(&[("a", "bc")]), fingerprint_of(&[("ab", "c")]));
    }
}
