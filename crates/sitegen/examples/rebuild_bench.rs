//! The rebuild `sitegen serve` does after a one-source edit, timed: copies a content folder
//! to a temporary folder, builds it once with a [`sitegen::BuildCache`], then edits one
//! source's title and rebuilds, ROUNDS times (150 ms apart: a server's rebuilds are at least
//! its watcher's quiet time apart), and prints the median, fastest and slowest
//! rebuild and the phases of the last one.
//!
//!     cargo run --release -p sitegen --example rebuild_bench -- CONTENT [ROUNDS]
//!
//! `scripts/bench.sh` runs it on the generated corpus of 1,000 sources.

use std::path::PathBuf;
use std::time::Instant;

/// The allocator of the sitegen binary, so that the figures are the server's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let content = PathBuf::from(args.next().ok_or("usage: rebuild_bench CONTENT [ROUNDS]")?);
    let rounds: usize = args.next().map_or(Ok(20), |n| n.parse())?;
    let work = tempfile::tempdir()?;
    let copy = work.path().join("content");
    copy_folder(&content, &copy)?;
    let options =
        sitegen::BuildOptions { content: copy.clone(), output: work.path().join("site"), theme: None, verbose: false };
    let mut cache = sitegen::BuildCache::for_rebuilds();
    sitegen::build_with(&options, &mut cache)?;
    let mut sources: Vec<PathBuf> =
        std::fs::read_dir(copy.join("sources"))?.map(|e| e.map(|e| e.path())).collect::<Result<_, _>>()?;
    sources.sort();
    let source = sources.first().ok_or("the content folder has no sources")?;
    let original = std::fs::read_to_string(source)?;
    let mut times = Vec::new();
    let mut last = None;
    for round in 0..rounds.max(1) {
        // Edits come more than the watcher's quiet time apart (`sitegen serve` waits 50 ms).
        std::thread::sleep(std::time::Duration::from_millis(150));
        std::fs::write(source, original.replacen("title: ", &format!("title: Edit {round} "), 1))?;
        let started = Instant::now();
        last = Some(sitegen::build_with(&options, &mut cache)?);
        times.push(started.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let summary = last.expect("at least one round");
    println!(
        "one-source rebuild of {} sources ({} pages rendered): median {:.3} s, fastest {:.3} s, slowest {:.3} s",
        summary.sources,
        cache.rendered_pages(),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
    for (phase, time) in &summary.phases {
        println!("  {phase:<12} {:.3} s", time.as_secs_f64());
    }
    Ok(())
}

fn copy_folder(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
