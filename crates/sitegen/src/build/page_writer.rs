//! Rendering every page through the theme and writing it into the staging folder, on every
//! core. With a [`RenderMemo`] (`sitegen serve`), a page whose fingerprint (theme, template
//! and context) is the one it had when the current output was written is not rendered again:
//! its file is hard-linked from the current output.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::build::output::Staging;
use crate::pages::page::Page;
use crate::render::theme::{Theme, ThemeError};
use crate::site::model::SiteModel;

/// One page written into the staging folder.
pub struct WrittenPage {
    /// Path inside the site.
    pub path: String,
}

/// What was written for each page of the current output: enough to know, without rendering,
/// that a page would come out the same.
#[derive(Default)]
pub struct RenderMemo {
    pages: HashMap<String, Record>,
    /// Pages the last build rendered (the others were hard-linked unchanged).
    pub rendered: usize,
}

#[derive(Clone, Copy)]
struct Record {
    fingerprint: u64,
    len: u64,
    share: u64,
}

/// One page to render, in a fixed order.
enum PageJob {
    Index,
    Entities,
    Quotes,
    /// A quotes page after the first: its number, from 2.
    QuotesPage(usize),
    Source(usize),
    Entity(usize),
    /// An entity's mentions beyond the first page: (entity, page number from 2).
    EntityMentions(usize, usize),
    Story(usize),
    /// A named speaker outside the catalogue.
    Speaker(usize),
}

impl PageJob {
    fn page<'m>(&self, model: &'m SiteModel<'_>) -> Page<'m> {
        match *self {
            PageJob::Index => model.index(),
            PageJob::Entities => model.entity_index(),
            PageJob::Quotes => model.quotes_page(),
            PageJob::QuotesPage(n) => model.quotes_page_number(n),
            PageJob::Source(i) => model.source(i),
            PageJob::Entity(i) => model.entity(i),
            PageJob::EntityMentions(i, n) => model.entity_mentions(i, n),
            PageJob::Story(i) => model.story(i),
            PageJob::Speaker(i) => model.speaker(i),
        }
    }
}

/// Why a page could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template failed.
    #[error(transparent)]
    Theme(#[from] ThemeError),
    /// The staging folder could not be written.
    #[error(transparent)]
    Output(#[from] std::io::Error),
}

/// Renders and writes every page; pages are independent, so they are done on every core and
/// their files do not depend on the order. With `memo` (the memo of the build that wrote the
/// current output), the pages that did not change are hard-linked instead of rendered.
/// Returns the pages and this build's memo, for the next build if this one is swapped in.
pub fn render_pages(
    staging: &Staging,
    model: &SiteModel<'_>,
    theme: &Theme,
    memo: Option<&RenderMemo>,
) -> Result<(Vec<WrittenPage>, RenderMemo), RenderError> {
    let corpus = model.corpus;
    let mut jobs = vec![PageJob::Index, PageJob::Entities, PageJob::Quotes];
    jobs.extend((2..=model.quote_page_count()).map(PageJob::QuotesPage));
    jobs.extend((0..corpus.sources.len()).map(PageJob::Source));
    jobs.extend((0..corpus.entities.len()).map(PageJob::Entity));
    for entity in 0..corpus.entities.len() {
        jobs.extend((2..=model.mention_page_count(entity)).map(|n| PageJob::EntityMentions(entity, n)));
    }
    let stories = model.annotations.stories.iter().enumerate();
    jobs.extend(stories.filter(|(_, s)| s.sources.len() > 1).map(|(i, _)| PageJob::Story(i)));
    jobs.extend((0..model.speaker_page_count()).map(PageJob::Speaker));
    let bar = progress(jobs.len());
    let rendered = AtomicUsize::new(0);
    let written: Vec<(WrittenPage, Record)> = jobs
        .par_iter()
        .map(|job| {
            let page = job.page(model);
            let fingerprint = page.fingerprint(theme);
            let previous = memo.and_then(|m| m.pages.get(&page.path)).filter(|r| r.fingerprint == fingerprint);
            if let Some(record) = previous
                && staging.link_previous(&page.path, record.len, record.share)
            {
                bar.inc(1);
                return Ok((WrittenPage { path: page.path }, *record));
            }
            let html = page.render(theme)?;
            let share = staging.write(&page.path, html.as_bytes())?;
            rendered.fetch_add(1, Ordering::Relaxed);
            bar.inc(1);
            let record = Record { fingerprint, len: html.len() as u64, share };
            Ok((WrittenPage { path: page.path }, record))
        })
        .collect::<Result<_, RenderError>>()?;
    bar.finish_and_clear();
    let mut next = RenderMemo { pages: HashMap::with_capacity(written.len()), rendered: rendered.into_inner() };
    let pages = written
        .into_iter()
        .map(|(page, record)| {
            next.pages.insert(page.path.clone(), record);
            page
        })
        .collect();
    Ok((pages, next))
}

/// A progress bar on stderr for long builds, only when stderr is a terminal (CI logs stay
/// clean).
fn progress(len: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() || len < 200 {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    let style = indicatif::ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} pages ({eta} left)")
        .expect("a valid template")
        .progress_chars("=> ");
    bar.set_style(style);
    bar.set_message("rendering");
    bar
}
