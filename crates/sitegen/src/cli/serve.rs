//! `sitegen serve`: build the site, serve the output folder over HTTP on 127.0.0.1, watch the
//! content folder and the themes, rebuild on every change and reload the open pages.
//!
//! - The server (`http.rs`) runs on threads of its own and reads the output folder at every
//!   request, so it always serves the last site that built: a failed build leaves the output
//!   folder as it was (see `output.rs`).
//! - The watcher (notify) sends file events to this thread, which waits until no event came
//!   for [`DEBOUNCE`] and then rebuilds with a [`BuildCache`], so unchanged sources are not
//!   read again and pages whose context did not change are not rendered again.
//! - Each result goes to the terminal and to the status pages poll (`reload.rs`): a new
//!   generation reloads them, errors show over them.

mod http;
mod reload;

use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecursiveMode, Watcher};

use crate::build::pipeline::{BuildCache, BuildError, BuildOptions, build_with, project_root};
use reload::Status;

/// How long the files must be quiet before a rebuild: an editor's save is often several
/// events (a temporary file, a rename, a change of attributes), which come within a few
/// milliseconds of each other. A save split wider apart costs one more rebuild, no error.
pub const DEBOUNCE: Duration = Duration::from_millis(50);

/// The address served when none is asked for: this machine only.
pub const DEFAULT_BIND: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// What to build and where to serve it.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The build's options: content, output, theme.
    pub build: BuildOptions,
    /// The address to listen on; [`DEFAULT_BIND`] unless asked otherwise.
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// Print the wall time of each build phase after every build.
    pub timings: bool,
}

/// Why `sitegen serve` stopped: the server or the watcher could not start, or the watcher
/// stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The file watcher could not be made.
    #[error("watching files: {0}")]
    Watcher(#[source] notify::Error),
    /// A folder could not be watched.
    #[error("watching {}: {source}", dir.display())]
    Watch {
        /// The folder.
        dir: PathBuf,
        /// Why.
        source: notify::Error,
    },
    /// The address could not be listened on (taken, or not this machine's).
    #[error("listening on {address}: {source}")]
    Listen {
        /// The address.
        address: SocketAddr,
        /// Why.
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// The server is listening on something other than an IP address.
    #[error("the server has no IP address")]
    NoAddress,
    /// The server's thread could not be started.
    #[error("starting the server: {0}")]
    Thread(#[source] std::io::Error),
    /// The watcher's channel closed: no more rebuilds can come.
    #[error("the file watcher stopped")]
    WatcherStopped,
}

/// Runs [`serve`], printing why it stopped. Exits with 1 then.
pub(super) fn run(options: &ServeOptions) -> std::process::ExitCode {
    match serve(options) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: serve: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Builds, serves and rebuilds until the process is stopped. Returns only when the server or
/// the watcher cannot start, or the watcher stops.
pub fn serve(options: &ServeOptions) -> Result<(), ServeError> {
    let build = &options.build;
    let (events, received) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(events).map_err(ServeError::Watcher)?;
    for dir in watched(build) {
        watcher
            .watch(&dir, RecursiveMode::Recursive)
            .map_err(|source| ServeError::Watch { dir: dir.clone(), source })?;
    }
    let address = SocketAddr::new(options.bind, options.port);
    let server = tiny_http::Server::http(address).map_err(|source| ServeError::Listen { address, source })?;
    let bound = server.server_addr().to_ip().ok_or(ServeError::NoAddress)?;
    if !options.bind.is_loopback() {
        eprintln!(
            "warning: serving on {bound}, which other machines can reach: anyone who can connect sees the site. \
             Leave out --bind to serve on 127.0.0.1 only."
        );
    }

    let status = Arc::new(Status::default());
    let mut cache = BuildCache::for_rebuilds();
    let mut last = None;
    rebuild(options, &mut cache, &status, &mut last);

    let output = build.output.clone();
    let serving = Arc::clone(&status);
    std::thread::Builder::new()
        .name("sitegen-server".into())
        .spawn(move || http::run(server, output, serving))
        .map_err(ServeError::Thread)?;
    println!("serving http://{bound}/");
    let _ = std::io::stdout().flush();
    eprintln!(
        "watching {} for changes; press Ctrl-C to stop",
        watched(build).iter().map(|d| d.display().to_string()).collect::<Vec<_>>().join(" and ")
    );

    loop {
        if !next_change(&received) || !quiet(&received) {
            break;
        }
        rebuild(options, &mut cache, &status, &mut last);
    }
    drop(watcher);
    Err(ServeError::WatcherStopped)
}

/// The folders whose changes trigger a rebuild: the content folder and, when it exists, the
/// themes folder beside it.
fn watched(build: &BuildOptions) -> Vec<PathBuf> {
    let themes = project_root(&build.content).join("themes");
    let mut dirs = vec![build.content.clone()];
    if themes.is_dir() {
        dirs.push(themes);
    }
    dirs
}

/// True when an event is a change of a file's content, name or presence (not a read).
fn is_change(event: &notify::Result<notify::Event>) -> bool {
    match event {
        Ok(event) => !matches!(event.kind, EventKind::Access(_)),
        Err(error) => {
            eprintln!("warning: watching files: {error}");
            false
        }
    }
}

/// Blocks until a change. False when the watcher has stopped.
fn next_change(received: &Receiver<notify::Result<notify::Event>>) -> bool {
    loop {
        match received.recv() {
            Ok(event) if is_change(&event) => return true,
            Ok(_) => continue,
            Err(_) => return false,
        }
    }
}

/// Blocks until no event came for [`DEBOUNCE`]. False when the watcher has stopped.
fn quiet(received: &Receiver<notify::Result<notify::Event>>) -> bool {
    loop {
        match received.recv_timeout(DEBOUNCE) {
            Ok(_) => continue,
            Err(RecvTimeoutError::Timeout) => return true,
            Err(RecvTimeoutError::Disconnected) => return false,
        }
    }
}

/// Builds once, reporting to the terminal and to the status. `last` is the digest of the last
/// site built, so that a build that changed nothing reloads no page, unless it follows a
/// failed build: then the pages reload even if the fix restored the last good site.
fn rebuild(options: &ServeOptions, cache: &mut BuildCache, status: &Status, last: &mut Option<u64>) {
    let started = Instant::now();
    status.building();
    match build_with(&options.build, cache) {
        Ok(summary) => {
            let changed = *last != Some(summary.digest) || !status.now().errors.is_empty();
            *last = Some(summary.digest);
            status.succeeded(changed);
            let generation = status.now().generation;
            let what = if changed { format!("generation {generation}") } else { "no change".to_string() };
            eprintln!(
                "built {} in {:.2} s ({what}): {} of {} sources read again, {} of {} pages rendered",
                options.build.output.display(),
                started.elapsed().as_secs_f64(),
                summary.sources - cache.reused_sources(),
                summary.sources,
                cache.rendered_pages(),
                summary.pages,
            );
            if options.timings {
                for (phase, time) in &summary.phases {
                    eprintln!("  {phase:<13} {:>8.3} s", time.as_secs_f64());
                }
            }
        }
        Err(error) => {
            eprintln!("{error}");
            let count = match &error {
                BuildError::Content(errors) => format!("{} content error(s)", errors.0.len()),
                _ => "an error".to_string(),
            };
            eprintln!("build failed with {count}; still serving the last good site");
            status.failed(error.to_string().lines().map(str::to_string).collect());
        }
    }
}
