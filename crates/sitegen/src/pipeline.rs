//! The build, top to bottom: load, annotate, render, write, swap.

use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use annotate::{EntityMatcher, annotate};
use corpus::{ContentErrors, Corpus};

use crate::output::{Staging, check_output};
use crate::pages::{Page, SiteModel};
use crate::theme::Theme;

/// What to build, from where, to where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The content folder.
    pub content: PathBuf,
    /// The output folder, replaced only when the build succeeds.
    pub output: PathBuf,
    /// A theme name overriding `theme` in site.yaml.
    pub theme: Option<String>,
    /// Print what the cleaner dropped from each source, and why.
    pub verbose: bool,
}

/// Counts and timing of a finished build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// Sources built.
    pub sources: usize,
    /// Blocks (paragraphs, headings, pull quotes) across all sources.
    pub paragraphs: usize,
    /// Entities in the catalogue.
    pub entities: usize,
    /// Entity mentions found.
    pub mentions: usize,
    /// Files written.
    pub files: usize,
    /// Wall time of the build.
    pub elapsed: Duration,
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} sources, {} paragraphs, {} entities, {} mentions; {} files in {:.2} s",
            self.sources,
            self.paragraphs,
            self.entities,
            self.mentions,
            self.files,
            self.elapsed.as_secs_f64()
        )
    }
}

/// Why a build failed.
#[derive(Debug)]
pub enum BuildError {
    /// The content folder has errors: all of them.
    Content(ContentErrors),
    /// The theme could not be loaded or rendered.
    Theme(String),
    /// The output folder is refused or could not be written.
    Output(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Content(errors) => write!(f, "{errors}"),
            BuildError::Theme(message) => write!(f, "error: theme: {message}"),
            BuildError::Output(message) => write!(f, "error: output: {message}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// The folder holding `themes/`: the content folder's parent.
pub fn project_root(content: &Path) -> PathBuf {
    match content.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Loads and validates the content folder without writing anything.
pub fn check(content: &Path) -> Result<Corpus, BuildError> {
    corpus::load(content).map_err(BuildError::Content)
}

/// Builds the site. The output folder is replaced only when everything succeeded.
pub fn build(options: &BuildOptions) -> Result<Summary, BuildError> {
    let started = Instant::now();
    let themes_dir = project_root(&options.content).join("themes");
    check_output(&options.output, &options.content, &[&themes_dir]).map_err(BuildError::Output)?;
    let corpus = check(&options.content)?;
    if options.verbose {
        report_dropped(&corpus);
    }
    let theme_name = options.theme.as_deref().unwrap_or(&corpus.site.theme);
    let theme = Theme::load(&themes_dir, theme_name).map_err(BuildError::Theme)?;
    let matcher = EntityMatcher::new(&corpus.entities);
    let annotations = annotate(&corpus, &matcher);
    let model = SiteModel::new(&corpus, &annotations, &matcher);

    let staging = Staging::create(&options.output).map_err(|e| BuildError::Output(e.to_string()))?;
    let written = write_site(&staging, &model, &theme, &corpus, &annotations);
    let files = match written {
        Ok(files) => files,
        Err(error) => {
            staging.discard();
            return Err(error);
        }
    };
    staging.commit().map_err(|e| BuildError::Output(format!("replacing {}: {e}", options.output.display())))?;
    Ok(Summary {
        sources: corpus.sources.len(),
        paragraphs: corpus.sources.iter().map(|s| s.blocks.len()).sum(),
        entities: corpus.entities.len(),
        mentions: annotations.mentions.len(),
        files,
        elapsed: started.elapsed(),
    })
}

fn write_site(
    staging: &Staging,
    model: &SiteModel<'_>,
    theme: &Theme,
    corpus: &Corpus,
    annotations: &annotate::Annotations,
) -> Result<usize, BuildError> {
    let mut files = 0;
    let mut write = |path: &str, bytes: &[u8]| {
        files += 1;
        staging.write(path, bytes).map_err(|e| BuildError::Output(e.to_string()))
    };
    let mut pages: Vec<Result<Page, String>> =
        vec![model.index(theme), model.entity_index(theme), model.quotes_page(theme)];
    pages.extend((0..corpus.sources.len()).map(|i| model.source(theme, i)));
    pages.extend((0..corpus.entities.len()).map(|i| model.entity(theme, i)));
    let multi_source = annotations.stories.iter().enumerate().filter(|(_, s)| s.sources.len() > 1);
    pages.extend(multi_source.map(|(i, _)| model.story(theme, i)));
    let mut paths = Vec::with_capacity(pages.len());
    for page in pages {
        let page = page.map_err(BuildError::Theme)?;
        write(&page.path, page.html.as_bytes())?;
        paths.push(page.path);
    }
    for (path, bytes) in &theme.static_files {
        write(&format!("static/{path}"), bytes)?;
    }
    write("briefing.json", crate::export::briefing_json(corpus, annotations).as_bytes())?;
    write("atom.xml", crate::feeds::atom(corpus).as_bytes())?;
    if let Some(sitemap) = crate::feeds::sitemap(corpus, &paths) {
        write("sitemap.xml", sitemap.as_bytes())?;
    }
    files += crate::search::write_index(staging, &paths).map_err(BuildError::Output)?;
    Ok(files)
}

fn report_dropped(corpus: &Corpus) {
    for source in &corpus.sources {
        if source.dropped.is_empty() {
            continue;
        }
        eprintln!("{}: dropped {} line(s)", source.path.display(), source.dropped.len());
        for dropped in &source.dropped {
            eprintln!("  {:<42} {}", dropped.reason.label(), dropped.text);
        }
    }
}
