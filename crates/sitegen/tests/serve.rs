//! `sitegen serve`, run as a child process on a temporary copy of content/ and themes/: what it
//! serves, what it refuses, live rebuilds and errors. `rebuild.rs` tests the incremental
//! rebuilds it relies on.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

mod common;
use common::{copy_dir, repo};

const NEW_ARAB: &str = "2016-07-15-new-arab-kerry-moscow";
const STRAITS_TIMES: &str = "2016-07-14-straits-times-kerry-moscow";

/// A project folder with a copy of the real content/ and themes/.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("content"), &dir.path().join("content"));
    copy_dir(&repo().join("themes"), &dir.path().join("themes"));
    dir
}

/// A running `sitegen serve`, killed when dropped (also when a test fails).
struct Server {
    child: Child,
    address: SocketAddr,
    stderr: mpsc::Receiver<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn start(project: &Path, extra: &[&str]) -> (Server, String) {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sitegen"))
            .current_dir(project)
            .args(["serve", "--content", "content", "--output", "out", "--port", "0"])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let (lines, stdout) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = lines.send(line);
            }
        });
        let (errors, stderr) = mpsc::channel();
        let err = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let _ = errors.send(line);
            }
        });
        // The guard exists before the wait, so that a timeout still kills the child.
        let mut server = Server { child, address: "127.0.0.1:1".parse().unwrap(), stderr };
        let line = stdout
            .recv_timeout(Duration::from_secs(120))
            .unwrap_or_else(|_| panic!("no `serving` line within 120 s; stderr: {}", server.stderr_now()));
        let url = line.strip_prefix("serving ").unwrap_or_else(|| panic!("unexpected first line: {line}")).to_string();
        let host = url.trim_start_matches("http://").trim_end_matches('/');
        server.address = host.parse().unwrap();
        (server, url)
    }

    fn stderr_now(&self) -> String {
        self.stderr.try_iter().collect::<Vec<_>>().join("\n")
    }

    /// `GET path` exactly as written (no normalisation): status, headers (lower-case names), body.
    fn get(&self, path: &str) -> (u16, Vec<(String, String)>, Vec<u8>) {
        let mut stream = TcpStream::connect_timeout(&self.address, Duration::from_secs(5)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.address).unwrap();
        let mut response = Vec::new();
        stream.read_to_end(&mut response).unwrap();
        let end = response.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete response");
        let head = String::from_utf8_lossy(&response[..end]).to_string();
        let mut lines = head.lines();
        let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
        let headers = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
            .collect();
        (status, headers, response[end + 4..].to_vec())
    }

    fn get_text(&self, path: &str) -> (u16, String, String) {
        let (status, headers, body) = self.get(path);
        let content_type =
            headers.iter().find(|(n, _)| n == "content-type").map(|(_, v)| v.clone()).unwrap_or_default();
        (status, content_type, String::from_utf8_lossy(&body).to_string())
    }

    fn status(&self) -> Value {
        serde_json::from_str(&self.get_text("/__sitegen/status").2).unwrap()
    }

    /// Polls the status until `done` holds for it, for at most 60 s.
    fn wait_for(&self, what: &str, done: impl Fn(&Value) -> bool) -> Value {
        let started = Instant::now();
        loop {
            let status = self.status();
            if done(&status) {
                return status;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "{what}: still {status} after 60 s; stderr:\n{}",
                self.stderr_now()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} lacks {from:?}", path.display());
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn binds_127_0_0_1_by_default() {
    let project = project();
    let (_server, url) = Server::start(project.path(), &[]);
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
}

#[test]
fn serves_the_site_with_types_and_nothing_outside_it() {
    let project = project();
    let (server, _) = Server::start(project.path(), &[]);
    let out = project.path().join("out");

    let (status, content_type, html) = server.get_text("/");
    assert_eq!((status, content_type.as_str()), (200, "text/html; charset=utf-8"));
    assert!(html.contains("<script src=\"/__sitegen/reload.js?g=1\" defer></script></head>"), "{html}");
    let on_disk = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!on_disk.contains("__sitegen"), "the file on disk is left as built");
    let (status, content_type, script) = server.get_text("/__sitegen/reload.js");
    assert_eq!((status, content_type.as_str()), (200, "text/javascript; charset=utf-8"));
    assert!(script.contains("/__sitegen/status"));

    for (path, expected) in [
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/static/search.js", "text/javascript; charset=utf-8"),
        ("/static/favicon.svg", "image/svg+xml"),
        ("/briefing.json", "application/json"),
        ("/atom.xml", "application/atom+xml"),
        ("/search/index.json", "application/json"),
        ("/search/terms/0.json", "application/json"),
        ("/entities/", "text/html; charset=utf-8"),
        ("/sources/2016-07-15-new-arab-kerry-moscow.html", "text/html; charset=utf-8"),
    ] {
        let (status, content_type, _) = server.get_text(path);
        assert_eq!((status, content_type.as_str()), (200, expected), "{path}");
    }
    let (status, headers, _) = server.get("/entities");
    assert_eq!(status, 301);
    assert!(headers.contains(&("location".to_string(), "/entities/".to_string())));

    let (status, content_type, page) = server.get_text("/nope");
    assert_eq!((status, content_type.as_str()), (404, "text/html; charset=utf-8"));
    assert!(page.contains("404") && page.contains("/__sitegen/reload.js"), "{page}");
    assert_eq!(server.get_text("/__sitegen/nope").0, 404);

    // Files outside the output folder, and links inside it that lead to them.
    fs::write(project.path().join("secret.txt"), "TOP SECRET").unwrap();
    fs::create_dir(project.path().join("secrets")).unwrap();
    fs::write(project.path().join("secrets/inner.txt"), "TOP SECRET").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(project.path().join("secret.txt"), out.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(project.path().join("secrets"), out.join("leaks")).unwrap();
    }
    for path in [
        "/../Cargo.toml",
        "/../secret.txt",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e/secret.txt",
        "/..%2f..%2fetc%2fpasswd",
        "/..%2fsecret.txt",
        "/static/..%5c..%5cCargo.toml",
        "/static/..\\..\\secret.txt",
        "//etc/passwd",
        "/%2fetc/passwd",
        &format!("/{}", project.path().join("secret.txt").display()),
        "/c:/windows/win.ini",
        "/leak.txt",
        "/leaks/inner.txt",
        "/leaks/",
        "/%00",
        "/static/%",
    ] {
        let (status, _, body) = server.get_text(path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        for leaked in ["TOP SECRET", "root:", "[workspace]"] {
            assert!(!body.contains(leaked), "{path} served {leaked}");
        }
    }
}

#[test]
fn rebuilds_on_change_reports_errors_and_keeps_the_last_good_site() {
    let project = project();
    let (server, _) = Server::start(project.path(), &[]);
    let source = project.path().join(format!("content/sources/{NEW_ARAB}.yaml"));
    let page = format!("/sources/{NEW_ARAB}.html");
    assert_eq!(server.status()["generation"], 1);

    // An edit: a new generation, and the page shows it.
    edit(&source, "title: \"", "title: \"Edited: ");
    let status = server.wait_for("the edit", |s| s["generation"] == 2);
    assert_eq!(status["errors"], serde_json::json!([]));
    let (_, _, html) = server.get_text(&page);
    assert!(html.contains("Edited: ") && html.contains("reload.js?g=2"), "the page shows the edit");

    // A broken edit: the located error, and the last good site still served.
    edit(&source, "published: 2016-07-15", "published: 2016-02-30");
    let status = server.wait_for("the error", |s| !s["errors"].as_array().unwrap().is_empty());
    let error = status["errors"][0].as_str().unwrap();
    assert!(error.contains(&format!("sources/{NEW_ARAB}.yaml:")) && error.contains("published"), "{error}");
    assert!(error.contains("February 2016 has days 1 to 29"), "{error}");
    assert_eq!(status["generation"], 2);
    let (code, _, html) = server.get_text(&page);
    assert!(code == 200 && html.contains("Edited: "), "the last good site is served");

    // Fixed: a new generation, no errors.
    edit(&source, "published: 2016-02-30", "published: 2016-07-15");
    let status = server.wait_for("the fix", |s| s["errors"].as_array().unwrap().is_empty());
    assert_eq!(status["generation"], 3);

    // Removing a shared sentence from one source updates the other's cross-references.
    let other = format!("/sources/{STRAITS_TIMES}.html");
    let link = format!("href=\"../sources/{NEW_ARAB}.html#p");
    let links_before = server.get_text(&other).2.matches(&link).count();
    let text = project.path().join(format!("content/texts/{NEW_ARAB}.txt"));
    edit(&text, "UN Syria envoy Staffan de Mistura urged Russia and the United States", "Nobody urged anyone");
    server.wait_for("the text edit", |s| s["generation"] == 4);
    assert_eq!(server.get_text(&other).2.matches(&link).count(), links_before - 1);

    // A theme file is watched too.
    let css = project.path().join("themes/default/static/style.css");
    let mut style = fs::read_to_string(&css).unwrap();
    style.push_str("\n/* edited while serving */\n");
    fs::write(&css, style).unwrap();
    server.wait_for("the theme edit", |s| s["generation"] == 5);
    assert!(server.get_text("/static/style.css").2.contains("edited while serving"));

    // A save that changes nothing reloads no page.
    fs::write(&css, fs::read(&css).unwrap()).unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(server.wait_for("the idle state", |s| s["building"] == false)["generation"], 5);
}

#[test]
fn a_status_request_waits_for_the_next_change() {
    let project = project();
    let (server, _) = Server::start(project.path(), &[]);
    let version = server.status()["version"].as_u64().unwrap();
    let source = project.path().join(format!("content/sources/{NEW_ARAB}.yaml"));
    let started = Instant::now();
    let waiting = std::thread::spawn({
        let address = server.address;
        move || {
            let mut stream = TcpStream::connect(address).unwrap();
            stream.set_read_timeout(Some(Duration::from_secs(40))).unwrap();
            write!(stream, "GET /__sitegen/status?since={version} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .unwrap();
            let mut response = String::new();
            stream.read_to_string(&mut response).unwrap();
            response
        }
    });
    std::thread::sleep(Duration::from_millis(300));
    edit(&source, "title: \"", "title: \"Waited: ");
    let response = waiting.join().unwrap();
    let body: Value = serde_json::from_str(response.split("\r\n\r\n").nth(1).unwrap()).unwrap();
    assert!(body["version"].as_u64().unwrap() > version, "{body}");
    assert!(started.elapsed() < Duration::from_secs(25), "answered at the change, not at the time-out");
}

/// Save-to-reload latency on a large corpus, as the README reports it:
///
/// ```sh
/// cargo run --release -p corpusgen -- --sources 1000 --seed 42 --out /tmp/gen-1k
/// SITEGEN_SERVE_CORPUS=/tmp/gen-1k cargo test --release -p sitegen --test serve -- --ignored --nocapture
/// ```
///
/// It edits one source's title several times. For each save it waits on the status as the
/// reload script does (long polls) until the new generation, then fetches the page.
#[test]
#[ignore = "needs a generated corpus in SITEGEN_SERVE_CORPUS; run in release"]
fn save_to_reload_latency() {
    let corpus = PathBuf::from(std::env::var("SITEGEN_SERVE_CORPUS").expect("SITEGEN_SERVE_CORPUS=/path/to/content"));
    let project = tempfile::tempdir().unwrap();
    copy_dir(&corpus, &project.path().join("content"));
    let started = Instant::now();
    let (server, _) = Server::start(project.path(), &["--timings"]);
    println!("first build and start: {:.2} s", started.elapsed().as_secs_f64());
    let mut sources: Vec<PathBuf> = fs::read_dir(project.path().join("content/sources"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    sources.sort();
    let mut times = Vec::new();
    for round in 0..7 {
        let source = &sources[(round * 97 + 10) % sources.len()];
        let page = format!("/sources/{}.html", source.file_stem().unwrap().to_str().unwrap());
        let before = server.status();
        let text = fs::read_to_string(source).unwrap();
        let title = text.lines().find(|l| l.starts_with("title: ")).unwrap();
        let marker = format!("Edited {round}");
        let saved = Instant::now();
        fs::write(source, text.replacen(title, &format!("title: \"{marker}\""), 1)).unwrap();
        let mut version = before["version"].as_u64().unwrap();
        loop {
            let (_, _, body) = server.get_text(&format!("/__sitegen/status?since={version}"));
            let status: Value = serde_json::from_str(&body).unwrap();
            version = status["version"].as_u64().unwrap();
            if status["generation"] != before["generation"] {
                break;
            }
            assert!(saved.elapsed() < Duration::from_secs(120), "no new generation");
        }
        let status_time = saved.elapsed();
        let (code, _, html) = server.get_text(&page);
        let page_time = saved.elapsed();
        assert!(code == 200 && html.contains(&marker), "the page shows the edit");
        println!(
            "save {round}: new generation after {:.3} s, page fetched after {:.3} s",
            status_time.as_secs_f64(),
            page_time.as_secs_f64()
        );
        times.push(page_time);
        std::thread::sleep(Duration::from_millis(500));
    }
    // Saves that change nothing: the rebuild finds the same inputs and writes nothing.
    let mut log = server.stderr_now();
    let no_change = |log: &str| log.matches("(no change)").count();
    for round in 0..5 {
        let source = &sources[(round * 53 + 7) % sources.len()];
        let before = no_change(&log);
        fs::write(source, fs::read(source).unwrap()).unwrap();
        let saved = Instant::now();
        while no_change(&log) == before {
            assert!(saved.elapsed() < Duration::from_secs(120), "no rebuild");
            std::thread::sleep(Duration::from_millis(5));
            log.push('\n');
            log.push_str(&server.stderr_now());
        }
        std::thread::sleep(Duration::from_millis(300));
    }
    let mut unchanged: Vec<f64> = log
        .lines()
        .filter(|l| l.contains("(no change)"))
        .filter_map(|l| l.split(" in ").nth(1)?.split(' ').next()?.parse().ok())
        .collect();
    unchanged.sort_by(f64::total_cmp);
    println!("rebuilds with nothing changed: {unchanged:?} s");
    times.sort();
    println!(
        "save to reloaded page: median {:.2} s, min {:.2} s, max {:.2} s; server log:\n{}",
        times[times.len() / 2].as_secs_f64(),
        times[0].as_secs_f64(),
        times[times.len() - 1].as_secs_f64(),
        log
    );
}
