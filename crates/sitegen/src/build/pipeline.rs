//! The build, top to bottom: load, annotate, render, write, swap.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use annotate::{EntityMatcher, annotate};
use corpus::{ContentErrors, Corpus};

use crate::build::output::{OutputError, Staging, check_output};
use crate::build::page_writer::{RenderError, RenderMemo, render_pages};
use crate::render::theme::{Theme, ThemeError};
use crate::site::model::SiteModel;

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
    /// Pages (HTML files rendered from templates).
    pub pages: usize,
    /// Files written.
    pub files: usize,
    /// Wall time of the build.
    pub elapsed: Duration,
    /// Wall time of each phase: load, clean, annotate, render, write (briefing.json, the
    /// search index, feeds and static files) and swap.
    pub phases: Vec<(&'static str, Duration)>,
    /// A fingerprint of every file written (path and bytes): two builds with the same digest
    /// made the same site.
    pub digest: u64,
}

/// What a build keeps for the next one, so that `sitegen serve` rebuilds only what an edit
/// touched: the sources whose files did not change are not read and cleaned again (nor
/// tokenised and fingerprinted for reuse, nor searched for mentions), the search documents
/// that did not change are not cut into words again, and the pages whose template context
/// did not change are not rendered again (their files, and the search index files that come
/// out the same, are hard-linked from the current output). The rest of annotation and the
/// index's postings are redone, and the site is byte for byte the one a fresh build makes.
#[derive(Default)]
pub struct BuildCache {
    load: Option<corpus::LoadCache>,
    /// The pages of the current output, when pages that did not change are to be linked.
    memo: Option<RenderMemo>,
    /// Pages rendered by the last build.
    rendered: usize,
    /// What the last build was made from, when builds are kept for the next.
    last: Option<LastBuild>,
    /// What annotation found of each source in the last build.
    annotation: annotate::AnnotationCache,
    /// The search index's documents of the last build.
    search: searchindex::IndexCache,
    /// The removal of the site the last build replaced, going on while the new one is served.
    removing: Option<std::thread::JoinHandle<()>>,
}

/// The inputs and the summary of the last build that succeeded: a rebuild from the same
/// inputs would write the same site, so it writes nothing.
struct LastBuild {
    corpus: Corpus,
    theme: (u64, u64),
    summary: Summary,
}

impl BuildCache {
    /// A cache for a series of builds into the same output (`sitegen serve`): it keeps the
    /// loaded sources and what each page was made of, and hard-links unchanged files from the
    /// current output instead of writing them. A one-shot build does none of this.
    pub fn for_rebuilds() -> BuildCache {
        BuildCache {
            load: Some(corpus::LoadCache::default()),
            memo: Some(RenderMemo::default()),
            ..BuildCache::default()
        }
    }

    /// Sources the last build took from memory instead of reading them again.
    pub fn reused_sources(&self) -> usize {
        self.load.as_ref().map_or(0, |cache| cache.reused())
    }

    /// Whether builds are kept for the next ([`BuildCache::for_rebuilds`]): then unchanged
    /// files are hard-linked, pages fingerprinted, and what annotation and the search index
    /// found of each source kept.
    fn keeps_builds(&self) -> bool {
        self.memo.is_some()
    }

    /// Pages the last build rendered; the others were unchanged.
    pub fn rendered_pages(&self) -> usize {
        self.rendered
    }
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

/// Why a build failed. Each error carries its path and cause; the command line renders it
/// once, at the top.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content folder has errors: all of them.
    #[error("{0}")]
    Content(ContentErrors),
    /// The theme could not be loaded or rendered.
    #[error("error: theme: {0}")]
    Theme(#[from] ThemeError),
    /// The output folder is refused or could not be written.
    #[error("error: output: {0}")]
    Output(#[from] OutputError),
}

impl From<RenderError> for BuildError {
    fn from(error: RenderError) -> Self {
        match error {
            RenderError::Theme(error) => BuildError::Theme(error),
            RenderError::Output(error) => BuildError::Output(OutputError::Write(error)),
        }
    }
}

impl From<std::io::Error> for BuildError {
    fn from(error: std::io::Error) -> Self {
        BuildError::Output(OutputError::Write(error))
    }
}

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
    build_with(options, &mut BuildCache::default())
}

/// [`build`], reusing what `cache` kept from the previous build and keeping this one's.
pub fn build_with(options: &BuildOptions, cache: &mut BuildCache) -> Result<Summary, BuildError> {
    let started = Instant::now();
    let mut phases = Phases::default();
    // The last build's previous site holds the name this one stages into.
    if let Some(removing) = cache.removing.take() {
        let _ = removing.join();
    }
    let themes_dir = project_root(&options.content).join("themes");
    check_output(&options.output, &options.content, &[&themes_dir])?;
    // The cleaner is timed here, around each call: it runs inside loading, on every core.
    let clean_nanos = AtomicU64::new(0);
    let timed_clean = |text: &str, title: &str| {
        let started = Instant::now();
        let cleaned = corpus::clean(text, title);
        clean_nanos.fetch_add(started.elapsed().as_nanos() as u64, Ordering::Relaxed);
        cleaned
    };
    let loaded = corpus::load_with(&options.content, cache.load.as_mut(), &timed_clean);
    let corpus = loaded.map_err(BuildError::Content)?;
    phases.record_split("load", "clean", Duration::from_nanos(clean_nanos.into_inner()));
    if options.verbose {
        report_dropped(&corpus);
    }
    let theme_name = options.theme.as_deref().unwrap_or(&corpus.site.theme);
    let theme = Theme::load(&themes_dir, theme_name)?;
    let theme_inputs = (theme.fingerprint(), theme.static_fingerprint());
    // Nothing changed since the last build (a save with no edit, an editor's own files): the
    // output already holds this site, as long as it is still there.
    if let Some(last) = &cache.last
        && last.theme == theme_inputs
        && last.corpus == corpus
        && crate::build::output::is_output(&options.output)
    {
        phases.record("unchanged");
        cache.rendered = 0;
        return Ok(Summary { elapsed: started.elapsed(), phases: phases.done, ..last.summary.clone() });
    }
    let matcher = EntityMatcher::new(&corpus.entities);
    let annotations = if cache.keeps_builds() {
        annotate::annotate_cached(&corpus, &matcher, &mut cache.annotation)
    } else {
        annotate(&corpus, &matcher)
    };
    let model = SiteModel::new(&corpus, &annotations, &matcher);
    let model = if cache.keeps_builds() { model } else { model.without_fingerprints() };
    phases.record("annotate");

    let mut staging = Staging::create(&options.output)?;
    if cache.keeps_builds() {
        staging.link_unchanged();
    }
    let written = write_site(&staging, &model, &theme, &corpus, &annotations, &mut phases, cache);
    let written = match written {
        Ok(written) => written,
        Err(error) => {
            staging.discard();
            return Err(error);
        }
    };
    let digest = staging.digest();
    let previous = staging.commit().map_err(|source| OutputError::Swap { output: options.output.clone(), source })?;
    // A rebuild's previous site is removed beside the next steps (and the reload); a
    // one-shot build removes it before it returns.
    match previous {
        Some(previous) if cache.keeps_builds() => {
            cache.removing = Some(std::thread::spawn(move || previous.remove()));
        }
        Some(previous) => previous.remove(),
        None => {}
    }
    // Only now do the pages describe the output folder.
    cache.rendered = written.memo.rendered;
    if cache.keeps_builds() {
        cache.memo = Some(written.memo);
    }
    phases.record("swap");
    let summary = Summary {
        sources: corpus.sources.len(),
        paragraphs: corpus.sources.iter().map(|s| s.blocks.len()).sum(),
        entities: corpus.entities.len(),
        mentions: annotations.mentions.len(),
        pages: written.pages,
        files: written.files,
        elapsed: started.elapsed(),
        phases: phases.done,
        digest,
    };
    if cache.keeps_builds() {
        drop(model);
        drop(annotations);
        cache.last = Some(LastBuild { corpus, theme: theme_inputs, summary: summary.clone() });
    }
    Ok(summary)
}

/// Wall time of each build phase, in order.
#[derive(Debug)]
struct Phases {
    last: Instant,
    done: Vec<(&'static str, Duration)>,
}

impl Default for Phases {
    fn default() -> Self {
        Phases { last: Instant::now(), done: Vec::new() }
    }
}

impl Phases {
    /// Ends the phase `name` now.
    fn record(&mut self, name: &'static str) {
        let now = Instant::now();
        self.done.push((name, now - self.last));
        self.last = now;
    }

    /// Ends a phase that contained a measured part (cleaning inside loading): the part is
    /// reported apart. Cleaning runs on every core, so its summed time is scaled to the wall
    /// time it can have taken.
    fn record_split(&mut self, name: &'static str, part: &'static str, part_cpu: Duration) {
        let now = Instant::now();
        let total = now - self.last;
        let threads = rayon::current_num_threads().max(1) as u32;
        let part_wall = (part_cpu / threads).min(total);
        self.done.push((name, total - part_wall));
        self.done.push((part, part_wall));
        self.last = now;
    }
}

/// What [`write_site`] staged.
struct Written {
    pages: usize,
    files: usize,
    /// What each page was made of.
    memo: RenderMemo,
}

fn write_site(
    staging: &Staging,
    model: &SiteModel<'_>,
    theme: &Theme,
    corpus: &Corpus,
    annotations: &annotate::Annotations,
    phases: &mut Phases,
    cache: &mut BuildCache,
) -> Result<Written, BuildError> {
    let (pages, memo) = render_pages(staging, model, theme, cache.memo.as_ref())?;
    phases.record("render");
    let page_count = pages.len();
    let keeps_builds = cache.keeps_builds();
    // briefing.json is one stream, written on one core: the search index is built beside it.
    let (briefing, search) = rayon::join(
        || {
            staging.write_streamed("briefing.json", |out| {
                crate::export::briefing::write_briefing_json(corpus, annotations, out)
            })
        },
        || {
            let search_cache = if keeps_builds { Some(&mut cache.search) } else { None };
            crate::export::search::write_index(corpus, annotations, search_cache, |path, bytes| {
                staging.write(path, bytes).map(|_| ())
            })
        },
    );
    briefing?;
    let mut files = pages.len() + 1 + search?;
    let mut write = |path: &str, bytes: &[u8]| {
        files += 1;
        staging.write(path, bytes).map(|_| ()).map_err(BuildError::from)
    };
    for (path, bytes) in &theme.static_files {
        write(&format!("static/{path}"), bytes)?;
    }
    write("atom.xml", crate::export::feeds::atom(corpus).as_bytes())?;
    let paths: Vec<String> = pages.iter().map(|p| p.path.clone()).collect();
    if let Some(sitemap) = crate::export::feeds::sitemap(corpus, &paths) {
        write("sitemap.xml", sitemap.as_bytes())?;
    }
    phases.record("write");
    Ok(Written { pages: page_count, files, memo })
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
