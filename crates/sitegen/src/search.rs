//! Full-text search: Pagefind, used as a library, indexes the pages the build has staged and
//! its bundle (the index, the WebAssembly search engine and Pagefind's UI scripts) is written
//! under `pagefind/` in the site.
//!
//! What gets indexed is chosen in the templates: Pagefind reads only the elements marked
//! `data-pagefind-body` once any page has one, skips `data-pagefind-ignore`, and takes
//! `data-pagefind-filter`, `-meta` and `-title` (sub-results) from the markup.
//!
//! Pagefind indexes on one thread and holds every page it indexed in memory. A large site is
//! therefore cut into shards of about [`SHARD_PAGES`] pages, each a bundle of its own built on
//! its own core: the first in `pagefind/`, the others in `pagefind/shard-<n>/`, which the
//! search script merges into the first (Pagefind's `mergeIndex`). A page's shard follows from
//! a hash of its path, so adding a page moves no other, and `sitegen serve` re-indexes only
//! the shards an edit touched.
//!
//! Pagefind is asynchronous (tokio). The rest of sitegen is not, so each shard runs it on a
//! current-thread runtime of its own. The output is deterministic: pages are added one by one
//! in path order with their site-relative URL, Pagefind names its files by content hash and
//! gzips them without a timestamp, and the files are written in path order.

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use rayon::prelude::*;

use crate::output::Staging;
use crate::render::WrittenPage;

/// The folder of the search bundle inside the site.
pub const BUNDLE: &str = "pagefind";

/// The file in `pagefind/` that says how many shards there are: `{"shards":N}`.
pub const SHARDS_FILE: &str = "shards.json";

/// Pages per shard of the index, about: a site of up to this many indexed pages has one.
pub const SHARD_PAGES: usize = 1000;

/// The folder of shard `shard` inside the site.
pub fn shard_folder(shard: usize) -> String {
    if shard == 0 { BUNDLE.to_string() } else { format!("{BUNDLE}/shard-{shard}") }
}

/// Whether the page at `path` is indexed: the pages that carry `data-pagefind-body`. Story
/// pages, the entities index and the further pages of an entity's mentions
/// (`entities/<id>/<n>.html`) are not, and parsing them would only cost time and memory.
pub fn is_indexed(path: &str) -> bool {
    let entity_mentions = path.strip_prefix("entities/").is_some_and(|rest| rest.contains('/'));
    path.ends_with(".html") && !path.starts_with("stories/") && path != "entities/index.html" && !entity_mentions
}

/// The shard of the page at `path`, among `shards`: FNV-1a of the path, the same on every
/// machine.
fn shard_of(path: &str, shards: usize) -> usize {
    let hash = path.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    (hash % shards as u64) as usize
}

/// The search index kept between builds (`sitegen serve`), so that a rebuild parses again only
/// the pages whose bytes changed. Pagefind replaces a page added again under the same URL in
/// place, so a shard holds what a fresh build's would; when a shard's set of pages changes,
/// it is started afresh.
#[derive(Default)]
pub struct SearchCache {
    shards: Vec<Option<Kept>>,
    /// Pages parsed by the last build (all of them when the index was started afresh).
    pub parsed: usize,
}

struct Kept {
    runtime: tokio::runtime::Runtime,
    index: PagefindIndex,
    /// The shard's pages in order, with a hash of their bytes.
    pages: Vec<(String, u64)>,
    /// The bundle the shard wrote last.
    files: Vec<(String, Vec<u8>)>,
}

/// Indexes the HTML `pages` staged in `staging` (read back from it) and writes the bundle of
/// each shard. Returns the number of files written. The index kept in `cache` is reused, and
/// this build's is kept there for the next.
pub fn write_index(staging: &Staging, pages: Vec<WrittenPage>, cache: &mut SearchCache) -> Result<usize, String> {
    write_shards(staging, pages, cache, SHARD_PAGES)
}

fn write_shards(
    staging: &Staging,
    pages: Vec<WrittenPage>,
    cache: &mut SearchCache,
    shard_pages: usize,
) -> Result<usize, String> {
    let mut pages: Vec<(String, u64)> =
        pages.into_iter().filter(|p| is_indexed(&p.path)).map(|p| (p.path, p.share)).collect();
    pages.sort();
    pages.dedup_by(|a, b| a.0 == b.0);
    let count = pages.len().div_ceil(shard_pages).max(1);
    let mut shards: Vec<Vec<(String, u64)>> = vec![Vec::new(); count];
    for page in pages {
        shards[shard_of(&page.0, count)].push(page);
    }
    // Taken out while in use: a failed build leaves no half-updated index behind.
    let mut kept: Vec<Option<Kept>> = std::mem::take(&mut cache.shards);
    kept.resize_with(count, || None);
    kept.truncate(count);
    let built: Vec<Result<(Kept, usize), String>> = shards
        .into_par_iter()
        .zip(kept.into_par_iter())
        .map(|(pages, kept)| index_shard(staging, pages, kept))
        .collect();
    // The search script reads how many shards to merge.
    staging
        .write_derived(&format!("{BUNDLE}/{SHARDS_FILE}"), format!("{{\"shards\":{count}}}\n").as_bytes())
        .map_err(|e| e.to_string())?;
    let mut written = 1;
    cache.parsed = 0;
    for (shard, result) in built.into_iter().enumerate() {
        let (kept, parsed) = result?;
        cache.parsed += parsed;
        let folder = shard_folder(shard);
        for (path, bytes) in &kept.files {
            staging.write_derived(&format!("{folder}/{path}"), bytes).map_err(|e| e.to_string())?;
        }
        written += kept.files.len();
        cache.shards.push(Some(kept));
    }
    Ok(written)
}

/// Brings one shard's index up to date with `pages` and makes its bundle. Returns the index
/// and the number of pages parsed.
fn index_shard(staging: &Staging, pages: Vec<(String, u64)>, kept: Option<Kept>) -> Result<(Kept, usize), String> {
    let same_pages =
        |kept: &Kept| kept.pages.len() == pages.len() && kept.pages.iter().zip(&pages).all(|(a, b)| a.0 == b.0);
    let (mut kept, changed): (Kept, Vec<&String>) = match kept.filter(same_pages) {
        Some(kept) => {
            let changed =
                pages.iter().zip(&kept.pages).filter(|(new, old)| new.1 != old.1).map(|(p, _)| &p.0).collect();
            (kept, changed)
        }
        None => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .build()
                .map_err(|e| format!("search index: starting the runtime: {e}"))?;
            let index = PagefindIndex::new(Some(config())).map_err(|e| format!("search index: {e}"))?;
            (Kept { runtime, index, pages: Vec::new(), files: Vec::new() }, pages.iter().map(|p| &p.0).collect())
        }
    };
    let parsed = changed.len();
    if parsed > 0 || kept.files.is_empty() {
        let mut to_add = Vec::with_capacity(changed.len());
        for path in changed {
            // Read back from the staging folder rather than kept from rendering: only one
            // shard's pages are in memory at a time.
            let html = staging.read(path).map_err(|e| format!("search index: {e}"))?;
            to_add.push((path.clone(), html));
        }
        kept.files = kept.runtime.block_on(index(&mut kept.index, to_add))?;
    }
    kept.pages = pages;
    Ok((kept, parsed))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_are_stable_and_balanced() {
        // Fixed values: the assignment must not change between machines or versions.
        assert_eq!((shard_of("sources/a.html", 4), shard_of("sources/a.html", 7)), (0, 5));
        let mut sizes = [0usize; 4];
        for i in 0..4000 {
            sizes[shard_of(&format!("sources/2016-01-01-source-{i}.html"), 4)] += 1;
        }
        assert!(sizes.iter().all(|&n| (800..1200).contains(&n)), "{sizes:?}");
        assert!(is_indexed("sources/a.html") && is_indexed("entities/x.html") && is_indexed("quotes.html"));
        assert!(
            !is_indexed("stories/s.html") && !is_indexed("entities/x/2.html") && !is_indexed("entities/index.html")
        );
        assert!(!is_indexed("atom.xml"));
    }

    fn page(title: &str, words: &str) -> String {
        format!(
            "<!doctype html><html lang=\"en\"><head><title>{title}</title></head>\
             <body><main data-pagefind-body><h1>{title}</h1><p>{words}</p></main></body></html>"
        )
    }

    /// Pages are spread over shards of their own bundles, every page in exactly one, and a
    /// rebuild re-indexes only the shards whose pages changed.
    #[test]
    fn a_large_index_is_cut_into_shards() {
        let dir = tempfile::tempdir().unwrap();
        let output = dir.path().join("site");
        let staging = Staging::create(&output).unwrap();
        let mut pages = Vec::new();
        for i in 0..9 {
            let path = format!("sources/s{i}.html");
            let share = staging.write(&path, page(&format!("Source {i}"), "talks in Geneva").as_bytes()).unwrap();
            pages.push(WrittenPage { path, share });
        }
        let story_share = staging.write("stories/x.html", page("Story", "not indexed").as_bytes()).unwrap();
        pages.push(WrittenPage { path: "stories/x.html".into(), share: story_share });
        let again: Vec<WrittenPage> =
            pages.iter().map(|p| WrittenPage { path: p.path.clone(), share: p.share }).collect();
        let mut cache = SearchCache::default();
        write_shards(&staging, pages, &mut cache, 3).unwrap();
        assert_eq!(cache.parsed, 9, "every indexed page, once; not the story");
        assert_eq!(staging.read("pagefind/shards.json").unwrap(), "{\"shards\":3}\n");
        let mut total = 0;
        for shard in 0..3 {
            let entry = staging.read(&format!("{}/pagefind-entry.json", shard_folder(shard))).unwrap();
            let entry: serde_json::Value = serde_json::from_str(&entry).unwrap();
            let count = entry["languages"]["en"]["page_count"].as_u64().unwrap();
            assert!(count > 0, "shard {shard} has pages");
            total += count;
        }
        assert_eq!(total, 9);
        // Nothing changed: nothing parsed again.
        write_shards(&staging, again, &mut cache, 3).unwrap();
        assert_eq!(cache.parsed, 0);
        staging.discard();
    }
}
