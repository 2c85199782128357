//! Live reload: the build status the server reports at `/__sitegen/status`, the script pages
//! load from `/__sitegen/reload.js`, and the tag that loads it, added to HTML as it is served.
//!
//! The status holds a *generation*, raised by every successful build that changed the site,
//! and the errors of the last build when it failed. Its *version* rises on every change of
//! either, so that a client can wait for the next one: `/__sitegen/status?since=VERSION`
//! answers as soon as the version differs, or after [`LONG_POLL`] with the same status.

use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Duration;

use serde::Serialize;

/// Everything under this prefix belongs to the server, not to the site.
pub const PREFIX: &str = "/__sitegen/";

/// The live-reload script.
pub const SCRIPT: &str = include_str!("reload.js");

/// How long a status request waits for a change before answering with the same status.
pub const LONG_POLL: Duration = Duration::from_secs(25);

/// The state of the builds, as reported to pages.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct State {
    /// Raised on every change of the fields below.
    pub version: u64,
    /// Raised by every successful build that changed the site; 0 before the first.
    pub generation: u64,
    /// True while a build runs.
    pub building: bool,
    /// The located errors of the last build, one per line, when it failed; else empty.
    pub errors: Vec<String>,
}

/// The shared status: the watcher writes it, request threads read it or wait on it.
#[derive(Default)]
pub struct Status {
    state: Mutex<State>,
    changed: Condvar,
}

impl Status {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere while holding the lock leaves a usable state: keep serving.
        self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn update(&self, change: impl FnOnce(&mut State)) {
        let mut state = self.lock();
        change(&mut state);
        state.version += 1;
        self.changed.notify_all();
    }

    /// The status now.
    pub fn now(&self) -> State {
        self.lock().clone()
    }

    /// A build has started.
    pub fn building(&self) {
        self.update(|state| state.building = true);
    }

    /// A build succeeded; `changed` when the site it made differs from the previous one.
    pub fn succeeded(&self, changed: bool) {
        self.update(|state| {
            state.building = false;
            state.errors.clear();
            if changed {
                state.generation += 1;
            }
        });
    }

    /// A build failed with these errors; the previous site is still served.
    pub fn failed(&self, errors: Vec<String>) {
        self.update(|state| {
            state.building = false;
            state.errors = errors;
        });
    }

    /// The status once its version differs from `since`, or after `timeout` as it is.
    pub fn wait(&self, since: u64, timeout: Duration) -> State {
        let state = self.lock();
        let (state, _) = self
            .changed
            .wait_timeout_while(state, timeout, |state| state.version == since)
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        state.clone()
    }
}

/// The status as JSON.
pub fn to_json(state: &State) -> String {
    serde_json::to_string(state).unwrap_or_else(|_| "{}".to_string())
}

/// `html` with the reload script added before `</head>` (or at the end when there is no head).
/// The script learns the page's `generation` from its own URL.
pub fn inject(html: &str, generation: u64) -> String {
    let tag = format!("<script src=\"{PREFIX}reload.js?g={generation}\" defer></script>");
    let at = find_ascii_case_insensitive(html, "</head>").unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + tag.len());
    out.push_str(&html[..at]);
    out.push_str(&tag);
    out.push_str(&html[at..]);
    out
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    haystack.as_bytes().windows(needle.len()).position(|window| window.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_goes_before_the_end_of_head() {
        let html = "<html><head><title>x</title></HEAD><body></body></html>";
        assert_eq!(
            inject(html, 3),
            "<html><head><title>x</title><script src=\"/__sitegen/reload.js?g=3\" defer></script></HEAD><body></body></html>"
        );
        assert!(inject("<p>no head</p>", 1).ends_with("<script src=\"/__sitegen/reload.js?g=1\" defer></script>"));
    }

    #[test]
    fn generations_rise_only_when_the_site_changed() {
        let status = Status::default();
        status.building();
        status.succeeded(true);
        assert_eq!(status.now().generation, 1);
        status.failed(vec!["error: content/sources/a.yaml:4:12: field `published`: invalid date".into()]);
        assert_eq!((status.now().generation, status.now().errors.len()), (1, 1));
        status.succeeded(false);
        let state = status.now();
        assert_eq!((state.generation, state.errors.len(), state.building), (1, 0, false));
        assert_eq!(state.version, 4);
    }

    #[test]
    fn waiting_returns_at_once_when_the_version_differs() {
        let status = Status::default();
        status.succeeded(true);
        let started = std::time::Instant::now();
        assert_eq!(status.wait(0, Duration::from_secs(5)).version, 1);
        assert_eq!(status.wait(1, Duration::from_millis(50)).version, 1);
        assert!(started.elapsed() < Duration::from_secs(2));
    }
}
