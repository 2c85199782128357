//! Reading a content folder into a [`Corpus`], collecting every error on the way.
//!
//! This module reads the folder as a whole: the three files at its top and the `sources/`
//! folder, in parallel. Its parts each do one job: [`errors`] collects the errors, [`fields`]
//! checks single values, [`paths`] keeps every file read inside the content folder, [`read`]
//! reads a file as text or YAML, and [`site`], [`source`] and [`catalogue`] read `site.yaml`,
//! one source file and `entities.yaml`. [`cache`] keeps unchanged sources between loads.

pub(crate) mod cache;
mod catalogue;
mod errors;
pub(crate) mod fields;
mod paths;
mod read;
mod site;
pub(crate) mod source;

use std::path::{Path, PathBuf};

use cache::{Keep, LoadCache, Stamp};
use catalogue::load_entities;
use errors::Errors;
use paths::{PathError, resolve_inside};
use read::read_text;
use site::load_site;
use source::load_source;

use crate::clean::Cleaner;
use crate::{Briefing, ContentError, ContentErrors, Corpus, Source};

/// Loads, validates and cleans the content folder `dir`. On failure, returns every content
/// error found, not only the first.
pub fn load(dir: &Path) -> Result<Corpus, ContentErrors> {
    load_with(dir, None, &crate::clean)
}

/// [`load`], cleaning with `clean`; with a `cache`, reusing from it the sources whose files
/// have not changed since the previous call, and keeping this load's sources in it for the
/// next (see [`LoadCache`]).
pub fn load_with(dir: &Path, cache: Option<&mut LoadCache>, clean: Cleaner<'_>) -> Result<Corpus, ContentErrors> {
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
        Err(error) if !matches!(error, PathError::NotFound) => {
            errors.0.push(ContentError::file(dir.join(name), error.to_string()));
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
    let entities = if entities_inside { load_entities(&dir.join("entities.yaml"), &mut errors) } else { Vec::new() };
    let sources = load_sources(dir, &root, &mut errors, clean, cache);
    match (site, briefing, errors.0.is_empty()) {
        (Some(site), Some(briefing), true) => Ok(Corpus { site, briefing, sources, entities }),
        _ => Err(ContentErrors(errors.0)),
    }
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
/// sources and their errors, cleaning with `clean`. With a cache,
/// unchanged sources come from it and every source loaded without errors goes into it.
fn load_sources(
    dir: &Path,
    root: &Path,
    errors: &mut Errors,
    clean: Cleaner<'_>,
    cache: Option<&mut LoadCache>,
) -> Vec<Source> {
    use rayon::prelude::*;
    let files = source_files(dir, errors);
    let kept = cache.as_deref();
    let loaded: Vec<(Option<Source>, Vec<ContentError>, Keep)> = files
        .par_iter()
        .map(|path| {
            if let Some(source) = kept.and_then(|c| c.get(path, root)) {
                return (Some(source), Vec::new(), Keep::Reused(path.clone()));
            }
            let yaml = kept.and_then(|_| Stamp::of(path));
            let mut own = Errors(Vec::new());
            let mut body = None;
            let source = load_source(path, root, &mut own, clean, &mut body);
            let keep = match yaml.zip(source.clone()) {
                Some((yaml, source)) => Keep::Loaded(Box::new((path.clone(), yaml, body, source))),
                None => Keep::Nothing,
            };
            (source, own.0, keep)
        })
        .collect();
    let mut sources = Vec::with_capacity(loaded.len());
    let mut keep = Vec::new();
    for (source, source_errors, kept) in loaded {
        errors.0.extend(source_errors);
        keep.push(kept);
        sources.extend(source);
    }
    if let Some(cache) = cache {
        cache.update(root, keep);
    }
    sources
}

#[cfg(all(test, unix))]
mod tests {
    use std::fs;

    use super::*;

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
