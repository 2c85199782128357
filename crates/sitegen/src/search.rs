//! Full-text search: Pagefind, used as a library, indexes the pages the build has staged and
//! its bundle (the index, the WebAssembly search engine and Pagefind's UI scripts) is written
//! under `pagefind/` in the site.
//!
//! What gets indexed is chosen in the templates: Pagefind reads only the elements marked
//! `data-pagefind-body` once any page has one, skips `data-pagefind-ignore`, and takes
//! `data-pagefind-filter`, `-meta` and `-title` (sub-results) from the markup.
//!
//! Pagefind is asynchronous (tokio). The rest of sitegen is not, so this module runs it on a
//! current-thread runtime of its own. The output is deterministic: pages are added one by one
//! in path order with their site-relative URL, Pagefind names its files by content hash and
//! gzips them without a timestamp, and the files are written in path order.

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::output::Staging;
use crate::render::WrittenPage;

/// The folder of the search bundle inside the site.
pub const BUNDLE: &str = "pagefind";

/// The search index kept between builds (`sitegen serve`), so that a rebuild parses again only
/// the pages whose bytes changed. Pagefind replaces a page added again under the same URL in
/// place, so the index holds what a fresh build's would; when the set of pages changes, it is
/// started afresh.
#[derive(Default)]
pub struct SearchCache {
    kept: Option<Kept>,
    /// Pages parsed by the last build (all of them when the index was started afresh).
    pub parsed: usize,
}

struct Kept {
    runtime: tokio::runtime::Runtime,
    index: PagefindIndex,
    /// The indexed pages in order, with a hash of their bytes.
    pages: Vec<(String, u64)>,
}

/// Indexes the HTML `pages` staged in `staging` and writes Pagefind's bundle into `pagefind/`.
/// A page without its HTML in memory (hard-linked unchanged) is read back from `staging` if
/// the index needs it. Returns the number of files written. The index kept in `cache` is
/// reused, and this build's is kept there for the next.
pub fn write_index(staging: &Staging, pages: Vec<WrittenPage>, cache: &mut SearchCache) -> Result<usize, String> {
    // Only the pages that carry `data-pagefind-body`: story pages and the entities index are
    // not indexed, and parsing them would only cost time and memory.
    let indexed = |p: &WrittenPage| {
        p.path.ends_with(".html") && !p.path.starts_with("stories/") && p.path != "entities/index.html"
    };
    let mut pages: Vec<WrittenPage> = pages.into_iter().filter(indexed).collect();
    pages.sort_by(|a, b| a.path.cmp(&b.path));
    pages.dedup_by(|a, b| a.path == b.path);
    let hashes: Vec<(String, u64)> = pages.iter().map(|page| (page.path.clone(), page.share)).collect();
    // Taken out while in use: a failed build leaves no half-updated index behind.
    let kept = cache
        .kept
        .take()
        .filter(|kept| kept.pages.len() == hashes.len() && kept.pages.iter().zip(&hashes).all(|(a, b)| a.0 == b.0));
    let (mut kept, changed): (Kept, Vec<WrittenPage>) = match kept {
        Some(kept) => {
            let changed: Vec<WrittenPage> =
                pages.into_iter().zip(&kept.pages).filter(|(page, old)| page.share != old.1).map(|(p, _)| p).collect();
            (kept, changed)
        }
        None => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .build()
                .map_err(|e| format!("search index: starting the runtime: {e}"))?;
            let index = PagefindIndex::new(Some(config())).map_err(|e| format!("search index: {e}"))?;
            (Kept { runtime, index, pages: Vec::new() }, pages)
        }
    };
    cache.parsed = changed.len();
    let mut to_add = Vec::with_capacity(changed.len());
    for page in changed {
        let html = match page.html {
            Some(html) => html,
            None => staging.read(&page.path).map_err(|e| format!("search index: {e}"))?,
        };
        to_add.push((page.path, html));
    }
    let files = kept.runtime.block_on(index(&mut kept.index, to_add))?;
    kept.pages = hashes;
    cache.kept = Some(kept);
    for (path, bytes) in &files {
        staging.write_derived(&format!("{BUNDLE}/{path}"), bytes).map_err(|e| e.to_string())?;
    }
    Ok(files.len())
}

fn config() -> PagefindServiceConfig {
    // Result URLs are root-relative ("/sources/x.html"); the search script gives Pagefind the
    // site's own root as its base URL, so they resolve under any sub-path.
    PagefindServiceConfig::builder().keep_index_url(true).build()
}

/// Adds `pages` to the index (a page already in it under the same URL is replaced where it
/// stands) and builds the bundle in memory: `(path inside the bundle, bytes)`, sorted by path.
async fn index(index: &mut PagefindIndex, pages: Vec<(String, String)>) -> Result<Vec<(String, Vec<u8>)>, String> {
    for (path, html) in pages {
        index
            .add_html_file(None, Some(format!("/{path}")), html)
            .await
            .map_err(|e| format!("search index: {path}: {e}"))?;
    }
    let files = index.get_files().await.map_err(|e| format!("search index: {e}"))?;
    let mut files: Vec<(String, Vec<u8>)> = files
        .into_iter()
        .map(|f| {
            let name = f.filename.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            (name, f.contents)
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(files)
}
