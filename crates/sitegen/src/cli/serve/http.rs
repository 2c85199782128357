//! The HTTP side of `sitegen serve`: tiny_http, one thread per request, serving the output
//! folder and nothing outside it.
//!
//! A request path is percent-decoded once. A path with a `..` or `.` segment, an empty segment,
//! a NUL, a backslash, a colon (drive paths) or a second leading slash (an absolute path) is
//! refused with 400. The file is then resolved through any links and must lie inside the
//! output folder, resolved the same way, or the answer is 404. A folder is answered with its
//! `index.html`, after a redirect to the path with a trailing slash so that relative links
//! work. Paths are resolved again at every request, because each build swaps a new output
//! folder in; a file not found during a swap is looked up once more.

use std::fs::{self, File};
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tiny_http::{Header, Method, Request, Response, Server, StatusCode};

use super::reload::{self, Status};

/// Requests handled at once; more are answered 503.
const MAX_THREADS: usize = 64;

/// Where a request path leads inside the output folder.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file inside the output folder (its resolved path).
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect there.
    Redirect(String),
}

/// Why a request path is not served.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// The path is malformed or tries to leave the output folder (400).
    BadRequest,
    /// Nothing is there, or it resolves outside the output folder (404).
    NotFound,
}

/// Serves requests until the server is dropped.
pub fn run(server: Server, output: PathBuf, status: Arc<Status>) {
    let busy = Arc::new(AtomicUsize::new(0));
    for request in server.incoming_requests() {
        if busy.fetch_add(1, Ordering::SeqCst) >= MAX_THREADS {
            busy.fetch_sub(1, Ordering::SeqCst);
            let _ = request.respond(text(503, "text/plain; charset=utf-8", "busy\n".into()));
            continue;
        }
        let (output, status, busy) = (output.clone(), Arc::clone(&status), Arc::clone(&busy));
        let spawned = std::thread::Builder::new().name("sitegen-http".into()).spawn(move || {
            handle(request, &output, &status);
            busy.fetch_sub(1, Ordering::SeqCst);
        });
        if spawned.is_err() {
            eprintln!("warning: serve: could not start a thread for a request");
        }
    }
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn with_headers<R: io::Read>(response: Response<R>, content_type: &str) -> Response<R> {
    response
        .with_header(header("Content-Type", content_type))
        .with_header(header("Cache-Control", "no-store"))
        .with_header(header("X-Content-Type-Options", "nosniff"))
}

fn text(code: u16, content_type: &str, body: String) -> Response<io::Cursor<Vec<u8>>> {
    with_headers(Response::from_data(body.into_bytes()).with_status_code(StatusCode(code)), content_type)
}

fn error_page(code: u16, title: &str, generation: Option<u64>) -> Response<io::Cursor<Vec<u8>>> {
    let html = format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{code} {title}</title></head>\n<body><h1>{code} {title}</h1><p><a href=\"/\">Back to the briefing</a></p></body></html>\n"
    );
    let html = match generation {
        Some(generation) => reload::inject(&html, generation),
        None => html,
    };
    text(code, "text/html; charset=utf-8", html)
}

fn handle(request: Request, output: &Path, status: &Status) {
    let url = request.url().to_string();
    let path = url.split(['?', '#']).next().unwrap_or("");
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    if !matches!(request.method(), Method::Get | Method::Head) {
        let response = text(405, "text/plain; charset=utf-8", "method not allowed\n".into());
        let _ = request.respond(response.with_header(header("Allow", "GET, HEAD")));
        return;
    }
    if let Some(name) = path.strip_prefix(reload::PREFIX) {
        let response = match name {
            "reload.js" => text(200, "text/javascript; charset=utf-8", reload::SCRIPT.to_string()),
            "status" => {
                let since = query.split('&').find_map(|p| p.strip_prefix("since=")).and_then(|v| v.parse().ok());
                let state = match since {
                    Some(since) => status.wait(since, reload::LONG_POLL),
                    None => status.now(),
                };
                text(200, "application/json", reload::to_json(&state))
            }
            _ => error_page(404, "Not Found", None),
        };
        let _ = request.respond(response);
        return;
    }
    // Read the generation before the file: a page read after a swap is never labelled with an
    // older generation than its own (at worst it reloads once more).
    let generation = status.now().generation;
    let response = match open(output, path) {
        Ok(Opened::Html(html)) => text(200, "text/html; charset=utf-8", reload::inject(&html, generation)).boxed(),
        Ok(Opened::File(file, content_type)) => with_headers(Response::from_file(file), content_type).boxed(),
        Ok(Opened::Redirect(location)) => {
            let response = text(301, "text/plain; charset=utf-8", format!("see {location}\n"));
            response.with_header(header("Location", &location)).boxed()
        }
        Err(Refused::BadRequest) => error_page(400, "Bad Request", None).boxed(),
        Err(Refused::NotFound) => error_page(404, "Not Found", Some(generation)).boxed(),
    };
    let _ = request.respond(response);
}

enum Opened {
    Html(String),
    File(File, &'static str),
    Redirect(String),
}

/// Resolves and opens `path`, looking once more after a moment when it is not found: a build
/// may be swapping the output folder.
fn open(output: &Path, path: &str) -> Result<Opened, Refused> {
    match open_once(output, path) {
        Err(Refused::NotFound) => {
            std::thread::sleep(Duration::from_millis(25));
            open_once(output, path)
        }
        other => other,
    }
}

fn open_once(output: &Path, path: &str) -> Result<Opened, Refused> {
    let file = match resolve(output, path)? {
        Resolved::Redirect(location) => return Ok(Opened::Redirect(location)),
        Resolved::File(file) => file,
    };
    let content_type = content_type(&file);
    if content_type.starts_with("text/html") {
        return fs::read_to_string(&file).map(Opened::Html).map_err(|_| Refused::NotFound);
    }
    File::open(&file).map(|f| Opened::File(f, content_type)).map_err(|_| Refused::NotFound)
}

/// Decodes `%XX` escapes once. None when an escape is malformed or the result is not UTF-8.
fn percent_decode(path: &str) -> Option<String> {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The site-relative path of a request path, checked segment by segment.
fn relative_path(path: &str) -> Result<String, Refused> {
    let decoded = percent_decode(path).ok_or(Refused::BadRequest)?;
    let relative = decoded.strip_prefix('/').ok_or(Refused::BadRequest)?;
    if relative.contains(['\0', '\\', ':']) || relative.starts_with('/') {
        return Err(Refused::BadRequest);
    }
    let segments: Vec<&str> = relative.split('/').collect();
    let last = segments.len() - 1;
    for (i, segment) in segments.iter().enumerate() {
        if *segment == ".." || *segment == "." || (segment.is_empty() && i != last) {
            return Err(Refused::BadRequest);
        }
    }
    if !Path::new(relative).components().all(|c| matches!(c, Component::Normal(_))) {
        return Err(Refused::BadRequest);
    }
    Ok(relative.to_string())
}

/// Where `path` (a request path, still percent-encoded) leads inside `output`.
pub fn resolve(output: &Path, path: &str) -> Result<Resolved, Refused> {
    let relative = relative_path(path)?;
    let root = output.canonicalize().map_err(|_| Refused::NotFound)?;
    let inside = |candidate: &Path| -> Result<PathBuf, Refused> {
        let resolved = candidate.canonicalize().map_err(|_| Refused::NotFound)?;
        if resolved.starts_with(&root) { Ok(resolved) } else { Err(Refused::NotFound) }
    };
    let mut file = inside(&root.join(&relative))?;
    if file.is_dir() {
        if !relative.is_empty() && !relative.ends_with('/') {
            return Ok(Resolved::Redirect(format!("{path}/")));
        }
        file = inside(&file.join("index.html"))?;
    }
    if file.is_file() { Ok(Resolved::File(file)) } else { Err(Refused::NotFound) }
}

/// The Content-Type of a file of the site, by its extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match extension.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "xml" if path.file_name().is_some_and(|n| n == "atom.xml") => "application/atom+xml",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "wasm" => "application/wasm",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_and_escaping_paths_are_refused() {
        for path in [
            "/../Cargo.toml",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2f..%2fetc%2fpasswd",
            "/static/..%5c..%5cCargo.toml",
            "//etc/passwd",
            "/%2fetc/passwd",
            "/a/./b",
            "/a//b",
            "/c:/windows",
            "/%00",
            "/%zz",
            "/%c3",
            "relative",
        ] {
            assert_eq!(relative_path(path), Err(Refused::BadRequest), "{path}");
        }
        assert_eq!(relative_path("/").as_deref(), Ok(""));
        assert_eq!(relative_path("/sources/a%20b.html").as_deref(), Ok("sources/a b.html"));
        // Decoded once: an encoded percent sign stays a literal one.
        assert_eq!(relative_path("/%252e%252e/x").as_deref(), Ok("%2e%2e/x"));
    }

    #[test]
    fn types_follow_extensions_in_any_case() {
        for name in ["a.bin", "b", "c.pf_index"] {
            assert_eq!(content_type(Path::new(name)), "application/octet-stream");
        }
        assert_eq!(content_type(Path::new("x.WOFF2")), "font/woff2");
        assert_eq!(content_type(Path::new("search/terms/0.json")), "application/json");
        assert_eq!(content_type(Path::new("w.wasm")), "application/wasm");
    }
}
