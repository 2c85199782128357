//! Hostile content: what sitegen does with input written to break it.
//!
//! Each test says, in its doc comment, what must happen. Either the build succeeds and its
//! output is safe, or it fails with located errors (`file:line:column`, naming the field;
//! a whole-file problem names the file), exits non-zero, and leaves the previous site as it
//! was. "Safe" is decided by parsing the output (`common::safety`): no script from content in
//! any HTML page, no event-handler attribute, no `javascript:`/`vbscript:`/`data:` URL, no
//! frame, object, `<base>` or refresh; well-formed feeds and JSON.
//!
//! Big inputs (a 10 MB paragraph, a 100,000-line body) are generated here, in a temporary
//! folder, not committed.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;
use sitegen::{BuildError, BuildOptions};

mod common;
use common::safety::{self, visible_text};
use common::{copy_dir, repo};

// ---------------------------------------------------------------------------------------------
// Content folders written on the fly

const SITE: &str = "title: Hostile briefing\n";
const BRIEFING: &str = "# Overview\n\nPutin met Kerry.\n";
const ENTITIES: &str = "- id: putin\n  name: Vladimir Putin\n  kind: person\n  aliases: [Putin]\n\
                        - id: kerry\n  name: John Kerry\n  kind: person\n  aliases: [Kerry]\n";
const SOURCE: &str = "title: Talks\noutlet: Wire\npublished: 2016-01-01\nbody: Putin met Kerry in Geneva.\n";

/// A small valid content folder in `dir/content`: site.yaml, briefing.md, entities.yaml and
/// one source, `sources/a.yaml`. Tests change and add files.
fn content_in(dir: &Path) -> PathBuf {
    let content = dir.join("content");
    write(&content.join("site.yaml"), SITE);
    write(&content.join("briefing.md"), BRIEFING);
    write(&content.join("entities.yaml"), ENTITIES);
    write(&content.join("sources/a.yaml"), SOURCE);
    content
}

fn write(path: &Path, text: impl AsRef<[u8]>) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// `text` as a YAML double-quoted scalar (any character is safe in it).
fn quoted(text: &str) -> String {
    corpus::quoted_scalar(text)
}

fn options(content: &Path, output: &Path) -> BuildOptions {
    BuildOptions { content: content.to_path_buf(), output: output.to_path_buf(), theme: None, verbose: false }
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Builds that must succeed

/// Builds `content` into `content/../site`, which must succeed and pass the safety checker.
fn build_safe(content: &Path) -> PathBuf {
    let output = content.parent().unwrap().join("site");
    let started = Instant::now();
    if let Err(error) = sitegen::build(&options(content, &output)) {
        panic!("the build failed:\n{error}");
    }
    eprintln!("{}: built in {:.1} s", content.display(), started.elapsed().as_secs_f64());
    safety::assert_safe(&output);
    output
}

fn json(site: &Path) -> Value {
    serde_json::from_str(&read(&site.join("briefing.json"))).unwrap()
}

/// The exported source `slug`.
fn source_json(site: &Path, slug: &str) -> Value {
    let data = json(site);
    data["sources"].as_array().unwrap().iter().find(|s| s["slug"] == slug).cloned().expect("the source is exported")
}

/// What a reader sees on the page at `relative` in `site`.
fn page_text(site: &Path, relative: &str) -> String {
    visible_text(&read(&site.join(relative)))
}

// ---------------------------------------------------------------------------------------------
// Builds that must fail

/// One error a failed build must report. `line` and `column` are `None` for a whole-file
/// error; `field` is `None` for an error about no particular field.
struct Expect<'a> {
    /// The file, relative to the content folder.
    file: &'a Path,
    line: Option<u64>,
    column: Option<u64>,
    field: Option<&'a str>,
    message: &'a str,
}

/// An error at `file:line:column` in `field`, saying `message`.
fn at<'a>(file: &'a str, line: u64, column: u64, field: &'a str, message: &'a str) -> Expect<'a> {
    Expect { file: Path::new(file), line: Some(line), column: Some(column), field: Some(field), message }
}

/// An error about the whole `file`.
fn whole_file<'a>(file: &'a (impl AsRef<Path> + ?Sized), message: &'a str) -> Expect<'a> {
    Expect { file: file.as_ref(), line: None, column: None, field: None, message }
}

impl Expect<'_> {
    fn matches(&self, content: &Path, error: &corpus::ContentError) -> bool {
        error.path == content.join(self.file)
            && (error.line, error.column) == (self.line, self.column)
            && error.field.as_deref() == self.field
            && error.message.contains(self.message)
    }
}

/// A site built once from [`content_in`]: the "previous site" failed builds must not touch.
fn previous_site() -> &'static Path {
    static SITE: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, site) = SITE.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let site = build_safe(&content_in(dir.path()));
        (dir, site)
    });
    site
}

/// Every file under `dir` with its bytes.
fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|entry| entry.unwrap())
        .filter(|entry| !entry.file_type().is_dir())
        .map(|entry| (entry.path().strip_prefix(dir).unwrap().to_path_buf(), fs::read(entry.path()).unwrap()))
        .collect()
}

/// Builds `content` over a copy of a previous site, with the library and with the binary:
/// both must fail with exactly the `expected` errors (the binary printing each location),
/// within `limit`, and leave the previous site byte for byte and nothing beside it.
fn assert_fails(content: &Path, expected: &[Expect<'_>], limit: Duration) {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    copy_dir(previous_site(), &output);
    let before = files_under(&output);

    let started = Instant::now();
    let result = sitegen::build(&options(content, &output));
    let elapsed = started.elapsed();
    let errors = match result {
        Err(BuildError::Content(errors)) => errors.0,
        Err(other) => panic!("expected content errors, got {other}"),
        Ok(summary) => panic!("the build succeeded: {summary}"),
    };
    let listing = errors.iter().map(|e| format!("  {e}")).collect::<Vec<_>>().join("\n");
    for expect in expected {
        assert!(
            errors.iter().any(|error| expect.matches(content, error)),
            "no error {}:{:?}:{:?} field {:?} saying {:?}; the errors:\n{listing}",
            expect.file.display(),
            expect.line,
            expect.column,
            expect.field,
            expect.message
        );
    }
    assert_eq!(errors.len(), expected.len(), "other errors than expected:\n{listing}");
    assert!(elapsed < limit, "the failed build took {elapsed:?} (limit {limit:?})");

    let run = Command::new(env!("CARGO_BIN_EXE_sitegen"))
        .args(["build", "--content"])
        .arg(content)
        .arg("--output")
        .arg(&output)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!run.status.success(), "the binary exited with {}", run.status);
    for expect in expected {
        let mut place = content.join(expect.file).display().to_string();
        if let (Some(line), Some(column)) = (expect.line, expect.column) {
            place.push_str(&format!(":{line}:{column}: "));
        }
        if let Some(field) = expect.field {
            place.push_str(&format!("field `{field}`"));
        }
        assert!(stderr.contains(&place), "stderr does not show {place:?}:\n{stderr}");
    }
    assert!(stderr.contains(&format!("build failed: {} content error(s)", expected.len())), "{stderr}");

    assert!(files_under(&output) == before, "a failed build changed the previous site");
    let beside: Vec<_> = fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(beside, ["site"], "a failed build left files beside the site");
}

const QUICK: Duration = Duration::from_secs(30);

// ---------------------------------------------------------------------------------------------
// The checker itself

/// The checker finds each thing it looks for in a page written to have it, and passes the
/// same page without it: a checker that never fails would prove nothing.
#[test]
fn the_checker_finds_what_it_looks_for() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path();
    write(&site.join("static/search.js"), "");
    let check = |html: &str| safety::html_problems(site, Path::new("sources/a.html"), html.as_bytes());
    let clean = r#"<p class="x" data-on="1" title="onclick">onload=x</p><a href="../index.html#p1">a</a>
        <a href="https://example.com/javascript:x">b</a><img src="../static/logo.svg" alt="data:x">
        <script src="../static/search.js" defer></script><script src="../static/search.js"> </script>
        <p>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)</p>"#;
    assert_eq!(check(clean), Vec::<String>::new());
    for bad in [
        "<script>alert(1)</script>",
        "<SCRIPT>alert(1)</SCRIPT>",
        "<svg><script>alert(1)</script></svg>",
        "<script src=\"https://evil.example/x.js\"></script>",
        "<script src=\"//evil.example/x.js\"></script>",
        "<script src=\"../static/missing.js\"></script>",
        "<script src=\"../../static/search.js\"></script>",
        "<script></script>",
        "<script src=\"../static/search.js\">alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<p ONMOUSEOVER='x()'>",
        "<svg onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">",
        "<a href=\" JaVa\tScRiPt:alert(1)\">",
        "<a href=\"&#106;avascript:alert(1)\">",
        "<a href=\"&#x6A&#x61vascript&colon;alert(1)\">",
        "<a href=\"java&Tab;script:alert(1)\">",
        "<a href=\"vbscript:msgbox(1)\">",
        "<a href=\"data:text/html,<script>alert(1)</script>\">",
        "<img src=\"data:image/svg+xml,x\">",
        "<form action=\"javascript:alert(1)\">",
        "<button formaction=\"javascript:alert(1)\">",
        "<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>",
        "<svg><a href=\"#\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></a></svg>",
        "<iframe src=\"https://example.com\"></iframe>",
        "<object data=\"x.swf\"></object>",
        "<embed src=\"x.swf\">",
        "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
        "<meta http-equiv=\"Refresh\" content=\"0\">",
        "<iframe srcdoc=\"x\"></iframe>",
        "<p style=\"background:url(javascript:alert(1))\">",
    ] {
        assert!(!check(&format!("{clean}{bad}")).is_empty(), "the checker missed {bad:?}");
    }
    assert_eq!(
        safety::xml_problems(b"<?xml version=\"1.0\"?>\n<feed a=\"&amp;&#60;\"><t>x &lt; y</t><e/></feed>\n"),
        Vec::<String>::new()
    );
    for bad in [
        "<feed><t>x</feed>",
        "<feed><t>a & b</t></feed>",
        "<feed><t>a <script> b</t></feed>",
        "<feed a=b></feed>",
        "<feed><t>&nbsp;</t></feed>",
        "<feed>\u{0}</feed>",
        "<feed></feed><feed></feed>",
        "text<feed></feed>",
    ] {
        assert!(!safety::xml_problems(bad.as_bytes()).is_empty(), "the XML check missed {bad:?}");
    }
    assert_eq!(
        visible_text("<title>A &amp; B</title><p title=\"t&quot;\">x &lt;y&gt;</p><script src=a>x</script>"),
        "A & B\nt\"\nx <y>"
    );
}

/// The real content builds into a site that passes the checker: every page, the feeds and
/// briefing.json.
#[test]
fn the_real_site_passes_the_checker() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("site");
    sitegen::build(&options(&repo().join("content"), &output)).unwrap_or_else(|e| panic!("{e}"));
    safety::assert_safe(&output);
}

// ---------------------------------------------------------------------------------------------
// Markup in every text field

/// A content folder with `payload` in every free-text field: site title and description;
/// each source's title, outlet, byline, wire and body (inline, and in a body file); each
/// entity's name, alias and description; and the overview. One source and one entity per
/// payload.
fn content_with_payloads(dir: &Path, payloads: &[&str]) -> PathBuf {
    let content = content_in(dir);
    write(
        &content.join("site.yaml"),
        format!("title: {}\ndescription: {}\n", quoted(&format!("Site {}", payloads[0])), quoted(payloads[0])),
    );
    let mut briefing = String::from("# Overview\n\n");
    let mut entities = String::from(ENTITIES);
    for (i, payload) in payloads.iter().enumerate() {
        briefing.push_str(&format!("Putin said {payload} on day {i}.\n\n- item {payload}\n\n> {payload}\n\n"));
        entities.push_str(&format!(
            "- id: e{i}\n  name: {}\n  kind: other\n  aliases: [{}]\n  description: {}\n",
            quoted(&format!("Entity {i} {payload}")),
            quoted(&format!("Alias {i} {payload}")),
            quoted(&format!("About {payload} and Putin.\n\n{payload}"))
        ));
        let body = format!("Putin said {payload} to Kerry.\n\nAlias {i} {payload} was named.\n");
        let text = format!("s{i}");
        let (body_field, file) = if i % 2 == 0 {
            (format!("body: {}\n", quoted(&body)), None)
        } else {
            (format!("body_file: ../texts/{text}.txt\n"), Some(body))
        };
        write(
            &content.join(format!("sources/{text}.yaml")),
            format!(
                "title: {}\noutlet: {}\nbyline: {}\nwire: {}\npublished: 2016-02-{:02}\n{body_field}",
                quoted(&format!("Title {i} {payload}")),
                quoted(&format!("Outlet {payload}")),
                quoted(payload),
                quoted(payload),
                1 + i % 28,
            ),
        );
        if let Some(body) = file {
            write(&content.join(format!("texts/{text}.txt")), body);
        }
    }
    write(&content.join("briefing.md"), briefing);
    write(&content.join("entities.yaml"), entities);
    content
}

/// Checks that every payload of [`content_with_payloads`] shows as text, exactly as written,
/// where its field is shown: the source page (title, outlet, article), the entity page (name,
/// alias), briefing.json (title, byline, wire, entity name) and the feed (title).
fn assert_payloads_shown_as_text(site: &Path, payloads: &[&str]) {
    let data = json(site);
    let atom = read(&site.join("atom.xml"));
    let feed_titles = safety::xml_elements_text(&atom, "title");
    for (i, payload) in payloads.iter().enumerate() {
        let page = page_text(site, &format!("sources/s{i}.html"));
        for shown in
            [format!("Title {i} {payload}"), format!("Outlet {payload}"), format!("Putin said {payload} to Kerry.")]
        {
            assert!(page.contains(&shown), "sources/s{i}.html does not show {shown:?} as text");
        }
        let source = source_json(site, &format!("s{i}"));
        assert_eq!(source["title"], format!("Title {i} {payload}"));
        assert_eq!((&source["byline"], &source["wire"]), (&Value::from(*payload), &Value::from(*payload)));
        let entity = page_text(site, &format!("entities/e{i}.html"));
        for shown in [format!("Entity {i} {payload}"), format!("Alias {i} {payload}")] {
            assert!(entity.contains(&shown), "entities/e{i}.html does not show {shown:?} as text");
        }
        assert!(data["entities"].as_array().unwrap().iter().any(|e| e["name"] == format!("Entity {i} {payload}")));
        assert!(feed_titles.contains(&format!("Title {i} {payload}")), "atom.xml lacks title {i}: {feed_titles:?}");
    }
    assert!(page_text(site, "index.html").contains(&format!("Site {}", payloads[0])));
}

/// Script tags in every text field and in Markdown are shown as text: the build succeeds,
/// no page has a script from content, and each field reads exactly as written.
#[test]
fn script_tags_in_every_text_field_are_shown_as_text() {
    let payloads = [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<script src=\"../static/search.js\">alert(2)</script>",
        "</title><script>alert(3)</script>",
        "</textarea></style></noscript><script>alert(4)</script>",
        "<!--<script>alert(5)//-->",
        "<![CDATA[<script>alert(6)</script>]]>",
        "]]></title></feed><script>alert(7)</script>",
        "<svg><script>alert(8)</script></svg>",
        "<iframe srcdoc=\"<script>alert(9)</script>\"></iframe>",
        "<object data=\"x.swf\"></object><embed src=x.swf><base href=//evil.example/>",
        "<meta http-equiv=refresh content=\"0;url=//evil.example\">",
        "{{ site.title }} {% raw %} {# x #}",
    ];
    let dir = tempfile::tempdir().unwrap();
    let site = build_safe(&content_with_payloads(dir.path(), &payloads));
    assert_payloads_shown_as_text(&site, &payloads);
    let overview = page_text(&site, "index.html");
    assert!(overview.contains("Putin said <script>alert(1)</script> on day 0."), "the overview shows raw HTML as text");
    assert!(overview.contains("{{ site.title }} {% raw %} {# x #}"), "content is never a template");
}

/// Event-handler attributes, and quotes that try to close an attribute to start one, stay
/// text in every field and in Markdown: the build succeeds and no element has an `on…`
/// attribute.
#[test]
fn event_handler_attributes_in_every_text_field_stay_text() {
    let payloads = [
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(2)>",
        "<body onload=alert(3)>",
        "\"><img src=x onerror=alert(4)>",
        "' onmouseover='alert(5)",
        "\" onfocus=\"alert(6)\" autofocus=\"",
        "` onclick=`alert(7)",
        "<a href=x onclick=alert(8)>x</a>",
        "<details open ontoggle=alert(9)>",
        "<div style=\"background:url(javascript:alert(10))\">",
    ];
    let dir = tempfile::tempdir().unwrap();
    let content = content_with_payloads(dir.path(), &payloads);
    // Markdown's own attributes: link titles and image alt text.
    let mut briefing = read(&content.join("briefing.md"));
    briefing.push_str(
        "[t](https://example.com \"x\\\" onmouseover=\\\"alert(11)\") ![a\" onerror=\"alert(12)](https://example.com/i.png)\n\n\
         <div onclick=\"alert(13)\">block html</div>\n",
    );
    write(&content.join("briefing.md"), briefing);
    let site = build_safe(&content);
    assert_payloads_shown_as_text(&site, &payloads);
}

// ---------------------------------------------------------------------------------------------
// javascript: URLs

/// `javascript:` (and `vbscript:`, `data:`) URLs in text fields stay text; as Markdown link
/// or image targets they are removed, however they are spelled (case, white space, control
/// characters, character references, autolinks, reference definitions), while the link text
/// stays. The build succeeds and no attribute holds such a URL.
#[test]
fn javascript_urls_in_text_fields_and_markdown_never_become_links() {
    let payloads = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(2)",
        "jAvAsCrIpT&colon;alert(3)",
        "vbscript:msgbox(4)",
        "data:text/html,<script>alert(5)</script>",
    ];
    let dir = tempfile::tempdir().unwrap();
    let content = content_with_payloads(dir.path(), &payloads);
    let targets = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(2)",
        "java\tscript:alert(3)",
        "&#106;avascript:alert(4)",
        "&#x6A;avascript&#x3A;alert(5)",
        "java&#x09;script:alert(6)",
        "java\u{200B}script:alert(7)",
        "\u{1}javascript:alert(8)",
        "vbscript:msgbox(9)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxMCk8L3NjcmlwdD4=",
        "DATA:image/svg+xml,<svg onload=alert(11)>",
        "%6Aavascript:alert(12)",
    ];
    let mut markdown = String::from("# Links\n\n");
    for (i, target) in targets.iter().enumerate() {
        markdown.push_str(&format!(
            "[link {i}]({target}) ![image {i}]({target}) [ref {i}][r{i}]\n\n[r{i}]: {target}\n\n<{target}>\n\n"
        ));
    }
    markdown.push_str("<javascript:alert(13)> <JAVASCRIPT:alert(14)>\n\n[safe](https://example.com/a:b) [rel](entities/putin.html#x)\n");
    write(&content.join("briefing.md"), &markdown);
    let mut entities = read(&content.join("entities.yaml"));
    entities.push_str(&format!(
        "- id: linked\n  name: Linked\n  kind: other\n  description: {}\n",
        quoted("[bad](javascript:alert(15)) [also](vbscript:x) [fine](https://example.com)")
    ));
    write(&content.join("entities.yaml"), entities);
    let site = build_safe(&content);
    assert_payloads_shown_as_text(&site, &payloads);
    let overview = read(&site.join("index.html"));
    let text = visible_text(&overview);
    for i in 0..targets.len() {
        // A link, an empty link once its target is removed, or text when the target is no
        // Markdown destination at all ("java\tscript:"): its words are shown either way.
        let shown = text
            .match_indices(&format!("link {i}"))
            .any(|(at, word)| !text[at + word.len()..].starts_with(|c: char| c.is_ascii_digit()));
        assert!(shown, "the text of link {i} is kept");
    }
    assert!(overview.contains("href=\"https://example.com/a:b\"") && overview.contains("entities/putin.html#x"));
    assert!(read(&site.join("entities/linked.html")).contains("href=\"https://example.com\""));
}

/// A `javascript:` (or other non-http) URL in a URL field (a source's `url`, the site's
/// `base_url`) is an error at that field, however it is disguised.
#[test]
fn javascript_urls_in_url_fields_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    write(&content.join("site.yaml"), "title: T\nbase_url: \"javascript:alert(1)//\"\n");
    let urls = [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\u{200B}script:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "https://example.com/\" onmouseover=\"alert(1)",
        "https://example.com/\u{0}",
        "//evil.example/x",
    ];
    for (i, url) in urls.iter().enumerate() {
        write(&content.join(format!("sources/u{i}.yaml")), format!("{SOURCE}url: {}\n", quoted(url)));
    }
    let files: Vec<String> = (0..urls.len()).map(|i| format!("sources/u{i}.yaml")).collect();
    let mut expected: Vec<Expect<'_>> = files.iter().map(|file| at(file, 5, 6, "url", "")).collect();
    expected.push(at("site.yaml", 2, 11, "base_url", "is not an http or https URL"));
    assert_fails(&content, &expected, QUICK);
}

// ---------------------------------------------------------------------------------------------
// Entities, invisible and right-to-left characters, NUL

/// HTML character references in YAML fields and article text are text, shown as written
/// (`&lt;` reads `&lt;`), never decoded into markup; in Markdown they are decoded once, as
/// CommonMark says, and the result is escaped (`&lt;script&gt;` reads `<script>`).
#[test]
fn html_entities_are_shown_as_written_and_decoded_once_in_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    let title = "AT&amp;T &lt;script&gt;alert(1)&lt;/script&gt; &#x3C;b&#x3E; &#106;avascript:";
    let body =
        "Putin said &lt;script&gt;alert(2)&lt;/script&gt; &amp;amp; &#60;img src=x onerror=alert(3)&#62; &copy;.";
    write(
        &content.join("sources/a.yaml"),
        format!("title: {}\noutlet: O\npublished: 2016-01-01\nbody: {}\n", quoted(title), quoted(body)),
    );
    write(
        &content.join("briefing.md"),
        "# Overview\n\nPutin: &lt;script&gt;alert(4)&lt;/script&gt; &amp;lt;b&amp;gt; &copy; &#x3C;i&#x3E;\n",
    );
    let site = build_safe(&content);
    let page = page_text(&site, "sources/a.html");
    assert!(page.contains(title) && page.contains(body), "the fields read as written:\n{page}");
    let source = source_json(&site, "a");
    assert_eq!((source["title"].as_str(), source["paragraphs"][0]["text"].as_str()), (Some(title), Some(body)));
    assert!(safety::xml_elements_text(&read(&site.join("atom.xml")), "title").iter().any(|t| t == title));
    let overview = page_text(&site, "index.html");
    assert!(overview.contains("Putin: <script>alert(4)</script> &lt;b&gt; © <i>"), "decoded once:\n{overview}");
}

/// Zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen) are dropped from
/// article text, so a name split by one is still found and linked; right-to-left text
/// (Arabic, Hebrew) and bidirectional controls (RLM, RLO, isolates) are kept exactly as
/// written, in pages and in briefing.json. The build succeeds.
#[test]
fn zero_width_and_right_to_left_characters_are_handled() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    let title = "\u{202E}txt.exe\u{202C} \u{2067}موسكو\u{2069} שלום \u{200F}";
    let body = "Pu\u{200B}tin met Ke\u{200D}rry in \u{FEFF}Gen\u{00AD}eva\u{2060}. فلاديمير بوتين spoke \u{202E}<script>alert(1)</script>\u{202C}.";
    write(
        &content.join("sources/a.yaml"),
        format!(
            "title: {}\noutlet: {}\npublished: 2016-01-01\nbody: {}\n",
            quoted(title),
            quoted("\u{200B}Wire\u{202E}"),
            quoted(body)
        ),
    );
    write(&content.join("entities.yaml"), format!("{ENTITIES}- id: putin-ar\n  name: فلاديمير بوتين\n  kind: person\n"));
    let site = build_safe(&content);
    let source = source_json(&site, "a");
    let paragraph = source["paragraphs"][0]["text"].as_str().unwrap();
    assert!(paragraph.starts_with("Putin met Kerry in Geneva. فلاديمير بوتين spoke \u{202E}<script>"), "{paragraph:?}");
    assert_eq!(source["title"], title, "the title is kept as written");
    let data = json(&site);
    let mentioned: Vec<&str> = data["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| !e["mentions"].as_array().unwrap().is_empty())
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(mentioned, ["putin", "kerry", "putin-ar"]);
    let page = read(&site.join("sources/a.html"));
    assert!(page.contains("href=\"../entities/putin-ar.html\">فلاديمير بوتين</a>"), "the Arabic name is linked");
    assert!(visible_text(&page).contains(title));
}

/// A NUL byte (or another control character) in a YAML file is an error where it stands,
/// whether written raw (the parser refuses it) or spelled as an escape in a double-quoted
/// value (`"\0"`, `"\x01"`): text fields hold printable text.
#[test]
fn nul_bytes_in_yaml_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    write(
        &content.join("sources/raw.yaml"),
        b"title: Talks\noutlet: Wi\0re\npublished: 2016-01-01\nbody: Putin spoke.\n",
    );
    write(
        &content.join("sources/escaped.yaml"),
        "title: \"Talks\\0\"\noutlet: O\nbyline: \"A\\x01B\"\nwire: \"\\u0000\"\npublished: 2016-01-01\nbody: Putin spoke.\n",
    );
    write(&content.join("site.yaml"), "title: T\ndescription: \"about\\0\"\n");
    write(
        &content.join("entities.yaml"),
        format!(
            "{ENTITIES}- id: nul\n  name: \"N\\0\"\n  kind: other\n  aliases: [\"A\\0\"]\n  description: \"D\\x7F\"\n"
        ),
    );
    let control = "contains the control character U+0000";
    assert_fails(
        &content,
        &[
            at("sources/raw.yaml", 2, 11, "outlet", "unexpected character"),
            at("sources/escaped.yaml", 1, 8, "title", control),
            at("sources/escaped.yaml", 3, 9, "byline", "contains the control character U+0001"),
            at("sources/escaped.yaml", 4, 7, "wire", control),
            at("site.yaml", 2, 14, "description", control),
            at("entities.yaml", 10, 9, "[2].name", control),
            at("entities.yaml", 12, 13, "[2].aliases", control),
            at("entities.yaml", 13, 16, "[2].description", "contains the control character U+007F"),
        ],
        QUICK,
    );
}

/// NUL bytes in a body file and in the Markdown overview never reach the output: the
/// cleaner drops control characters from article text, and Markdown turns NUL (raw or as
/// `&#0;`) into U+FFFD as CommonMark requires. The build succeeds; no page, feed or JSON
/// file holds a NUL.
#[test]
fn nul_bytes_in_texts_and_markdown_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    write(
        &content.join("sources/a.yaml"),
        "title: Talks\noutlet: O\npublished: 2016-01-01\nbody_file: ../texts/a.txt\n",
    );
    write(&content.join("texts/a.txt"), b"Pu\0tin met \0Kerry.\x01\n\n\0\n\nThe talks\0 went on.\n");
    write(&content.join("briefing.md"), b"# Over\0view\n\nPutin\0 met Kerry &#0; `co\0de` [l\0](x\0y)\n");
    let site = build_safe(&content);
    for (path, bytes) in files_under(&site) {
        if path.extension().is_some_and(|e| e == "html" || e == "xml" || e == "json") {
            assert!(!bytes.contains(&0), "{} holds a NUL", path.display());
        }
    }
    let paragraphs: Vec<String> = source_json(&site, "a")["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paragraphs, ["Putin met Kerry.", "The talks went on."]);
    assert!(page_text(&site, "index.html").contains("Putin\u{FFFD} met Kerry \u{FFFD}"));
}

// ---------------------------------------------------------------------------------------------
// Size

/// A single paragraph of 10 MB (no sentence end in it, markup and invisible characters all
/// through, a few entity names) builds in time linear in its size: the sentence splitter
/// caps a sentence at 1,000 bytes, so the entity page shows each mention in at most that
/// much context instead of the whole paragraph (which made a 1.9 GB page from 400 kB, and ran
/// out of memory at 10 MB). The page shows the whole paragraph, safely.
#[test]
fn a_10_mb_paragraph_builds_in_linear_time() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    let chunk = "<script>alert(1)</script> <img src=x onerror=alert(2)> &amp; \u{200B}\u{202E}lorem\u{202C} ipsum a.a.a.a dolor sit amet ";
    let mut text = String::with_capacity(10 << 20);
    let mut chunks = 0;
    while text.len() < 10 << 20 {
        text.push_str(chunk);
        chunks += 1;
        if chunks % 1000 == 0 {
            text.push_str("Putin said ");
        }
    }
    write(&content.join("texts/big.txt"), &text);
    write(
        &content.join("sources/a.yaml"),
        "title: Big\noutlet: O\npublished: 2016-01-01\nbody_file: ../texts/big.txt\n",
    );
    let started = Instant::now();
    let site = build_safe(&content);
    let elapsed = started.elapsed();
    let source = source_json(&site, "a");
    let paragraphs = source["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 1, "one paragraph");
    let kept = paragraphs[0]["text"].as_str().unwrap();
    assert_eq!(kept.matches("<script>alert(1)</script>").count(), chunks, "every chunk is kept");
    // Every chunk in the article, and the first few again in the page's description.
    let shown = read(&site.join("sources/a.html")).matches("&lt;script&gt;alert(1)&lt;/script&gt;").count();
    assert!((chunks..chunks + 10).contains(&shown), "{shown} escaped scripts shown for {chunks} chunks");
    let entity_page = fs::metadata(site.join("entities/putin.html")).unwrap().len();
    let mentions = chunks / 1000;
    assert!(
        entity_page < 20_000 + mentions as u64 * 3_000,
        "entities/putin.html is {entity_page} bytes for {mentions} mentions"
    );
    assert!(elapsed < Duration::from_secs(600), "{elapsed:?}");
}

/// 100,000 lines, each its own paragraph, naming Putin and Kerry on every `named`-th line.
fn long_body(dir: &Path, named: usize) -> PathBuf {
    let content = content_in(dir);
    let text: String = (0..100_000)
        .map(|i| {
            let (who, whom) = if i % named == 0 { ("Putin", "Kerry") } else { ("the minister", "his guest") };
            format!("Paragraph {i} says {who} <script>alert({i})</script> met {whom} for {} hours.\n", i % 97)
        })
        .collect();
    write(&content.join("texts/long.txt"), &text);
    write(
        &content.join("sources/a.yaml"),
        "title: Long\noutlet: O\npublished: 2016-01-01\nbody_file: ../texts/long.txt\n",
    );
    content
}

/// Checks the site of [`long_body`]: every line kept, in order, as a paragraph.
fn assert_long_body_kept(site: &Path, named: usize) {
    let source = source_json(site, "a");
    let paragraphs = source["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 100_000);
    let (who, whom) = if 99_999 % named == 0 { ("Putin", "Kerry") } else { ("the minister", "his guest") };
    let last = format!("Paragraph 99999 says {who} <script>alert(99999)</script> met {whom} for 89 hours.");
    assert_eq!(paragraphs[99_999]["text"], last);
    assert!(paragraphs.iter().all(|p| p["kind"] == "paragraph"));
}

/// A body of 100,000 lines, each a paragraph of its own, builds in time linear in its
/// length: the pull-quote rule (a paragraph repeating a passage of another) compared every
/// paragraph with every other and took hours; it now slides a hash over each length of
/// paragraph. Every line is kept, in order, escaped. Entities are named on every 100th line
/// (the next test names them on every line).
#[test]
fn a_100000_line_body_builds_in_linear_time() {
    assert_long_body_builds(100);
}

/// The same body naming entities on every line must build in linear time too: a source page
/// and an entity page take each paragraph's mentions by binary search among the source's
/// (`pages::in_block`), not by scanning all 200,000 of them for each of 100,000 paragraphs.
#[test]
fn a_100000_line_body_naming_entities_on_every_line_builds_in_linear_time() {
    assert_long_body_builds(1);
}

/// Builds [`long_body`] naming entities on every `named`th line, checks every line is kept,
/// and that it took minutes at most, not the hours a quadratic step takes.
fn assert_long_body_builds(named: usize) {
    let dir = tempfile::tempdir().unwrap();
    let started = Instant::now();
    let site = build_safe(&long_body(dir.path(), named));
    let elapsed = started.elapsed();
    assert_long_body_kept(&site, named);
    assert!(elapsed < Duration::from_secs(600), "{elapsed:?}");
}

// ---------------------------------------------------------------------------------------------
// Hostile YAML

/// YAML nested 10,000 levels deep (flow and block style, lists and mappings) where text
/// belongs is an error at the field, found at the first level, without deep recursion; in
/// every file, and under an unknown key too.
#[test]
fn deeply_nested_yaml_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    let depth = 10_000;
    let flow_lists = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let flow_maps = format!("{}x{}", "{a: ".repeat(depth), "}".repeat(depth));
    let block_lists: String = (1..=depth).map(|i| format!("{}-\n", " ".repeat(i))).collect();
    let block_maps: String = (1..=depth).map(|i| format!("{}k:\n", " ".repeat(i))).collect();
    write(&content.join("sources/flow.yaml"), format!("{SOURCE}byline: {flow_lists}\n"));
    write(&content.join("sources/maps.yaml"), format!("{SOURCE}wire: {flow_maps}\n"));
    write(&content.join("sources/block.yaml"), format!("{SOURCE}byline:\n{block_lists}"));
    write(&content.join("sources/unknown.yaml"), format!("{SOURCE}extra:\n{block_maps}"));
    write(&content.join("sources/whole.yaml"), format!("{flow_lists}\n"));
    write(&content.join("site.yaml"), format!("title: T\ndescription:\n{block_maps}"));
    write(
        &content.join("entities.yaml"),
        format!("- id: putin\n  name: Putin\n  kind: person\n  aliases: [{flow_lists}]\n"),
    );
    assert_fails(
        &content,
        &[
            at("sources/flow.yaml", 5, 9, "byline", "expected text"),
            at("sources/maps.yaml", 5, 7, "wire", "expected text"),
            at("sources/block.yaml", 6, 2, "byline", "expected text"),
            at("sources/unknown.yaml", 5, 1, "extra", "unknown field `extra`"),
            Expect {
                field: None,
                ..at("sources/whole.yaml", 1, 65, "", "the file is nested more than 64 levels deep")
            },
            at("site.yaml", 3, 2, "description", "expected text"),
            // The 65th `[`, after the one opening the list at column 12.
            at("entities.yaml", 4, 12 + 64, "[0].aliases", "the file is nested more than 64 levels deep"),
        ],
        QUICK,
    );
}

/// YAML anchors and aliases that expand exponentially ("billion laughs"), or repeat a long
/// text many times, fail fast with an error at the field, in plain words; nothing is
/// expanded. An alias in moderation is fine.
#[test]
fn exponential_aliases_fail_fast_with_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    // The classic: ten levels of nine aliases, 9^9 "lol"s if expanded, where text belongs.
    let mut laughs = String::from("lol0: &lol0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..10 {
        laughs.push_str(&format!("lol{level}: &lol{level} [{}]\n", vec![format!("*lol{}", level - 1); 9].join(", ")));
    }
    write(&content.join("sources/laughs.yaml"), &laughs);
    let nested: String =
        laughs.lines().map(|line| format!("  {}\n", line.replacen(": &", ": &b", 1).replace('*', "*b"))).collect();
    write(&content.join("sources/typed.yaml"), format!("{SOURCE}byline:\n{nested}"));
    // Within the types: a list of text whose items are all one alias, 2,000 times.
    let aliases = vec!["*name"; 2_000].join(", ");
    // A 1 MB text repeated 100 times: 100 MB from a 1 MB file.
    let long = "lol ".repeat(1 << 18);
    let repeats: String =
        (0..100).map(|i| format!("- id: e{i}\n  name: E{i}\n  kind: other\n  description: *long\n")).collect();
    write(
        &content.join("entities.yaml"),
        format!(
            "- id: putin\n  name: &name Putin\n  kind: person\n  aliases: [{aliases}]\n\
             - id: kerry\n  name: Kerry\n  kind: person\n  description: &long {long}\n{repeats}"
        ),
    );
    let entities_error = "the file uses aliases (`*name`) too much";
    assert_fails(
        &content,
        &[
            at("sources/laughs.yaml", 1, 1, "lol0", "unknown field `lol0`"),
            at("sources/typed.yaml", 6, 3, "byline", "expected text"),
            // The 1,001st alias: "  aliases: [" then 7 columns per "*name, ".
            at("entities.yaml", 4, 13 + 1_000 * 7, "[0].aliases", entities_error),
        ],
        QUICK,
    );
    // Alone, the long text's repeats pass the 64 MiB limit.
    write(
        &content.join("entities.yaml"),
        format!("- id: kerry\n  name: Kerry\n  kind: person\n  description: &long {long}\n{repeats}"),
    );
    fs::remove_file(content.join("sources/laughs.yaml")).unwrap();
    fs::remove_file(content.join("sources/typed.yaml")).unwrap();
    // The anchor's MiB and 63 repeats pass 64 MiB: the 63rd repeat, entity [63], on line 256.
    let expected = [at("entities.yaml", 4 + 4 * 63, 16, "[63].description", "the file holds more than 64 MiB of text")];
    assert_fails(&content, &expected, QUICK);

    // A few aliases are plain YAML, and work.
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    write(
        &content.join("sources/a.yaml"),
        "title: Talks\noutlet: &o Wire\nbyline: *o\nwire: *o\npublished: 2016-01-01\nbody: Putin spoke.\n",
    );
    let site = build_safe(&content);
    assert_eq!(source_json(&site, "a")["byline"], "Wire");
}

/// A key given twice in one mapping is an error at the second, naming it: in a source, in
/// site.yaml, in an entity, in flow style.
#[test]
fn duplicate_keys_are_located_errors() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    write(
        &content.join("sources/a.yaml"),
        "title: Talks\noutlet: O\npublished: 2016-01-01\ntitle: <script>alert(1)</script>\nbody: Putin spoke.\n",
    );
    write(&content.join("sources/b.yaml"), "{title: T, outlet: O, outlet: P, published: 2016-01-01, body: B}\n");
    write(&content.join("site.yaml"), "title: T\ntitle: U\n");
    write(&content.join("entities.yaml"), "- id: putin\n  name: Putin\n  kind: person\n  name: Vladimir Putin\n");
    let twice = "this key appears twice in the same mapping";
    assert_fails(
        &content,
        &[
            at("sources/a.yaml", 4, 1, "title", twice),
            at("sources/b.yaml", 1, 23, "outlet", twice),
            at("site.yaml", 2, 1, "title", twice),
            at("entities.yaml", 4, 3, "[0].name", twice),
        ],
        QUICK,
    );
}

// ---------------------------------------------------------------------------------------------
// The file system

#[cfg(unix)]
fn symlink(target: impl AsRef<Path>, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap_or_else(|e| panic!("{}: {e}", link.display()));
}

/// Symbolic links that loop (a body file linking to itself or through another link back, a
/// source file, briefing.md, a folder linking to its parent) are errors naming the file, not
/// hangs; a folder loop beside the sources is ignored.
#[cfg(unix)]
#[test]
fn symlink_loops_are_errors_not_hangs() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    fs::create_dir_all(content.join("texts")).unwrap();
    symlink("self.txt", &content.join("texts/self.txt"));
    symlink("ping.txt", &content.join("texts/pong.txt"));
    symlink("pong.txt", &content.join("texts/ping.txt"));
    symlink("..", &content.join("texts/up"));
    symlink(".", &content.join("sources/here"));
    symlink("loop.yaml", &content.join("sources/loop.yaml"));
    fs::remove_file(content.join("briefing.md")).unwrap();
    symlink("briefing.md", &content.join("briefing.md"));
    write(
        &content.join("sources/b.yaml"),
        "title: T\noutlet: O\npublished: 2016-01-01\nbody_file: ../texts/self.txt\n",
    );
    write(
        &content.join("sources/c.yaml"),
        "title: T\noutlet: O\npublished: 2016-01-01\nbody_file: ../texts/ping.txt\n",
    );
    write(
        &content.join("sources/d.yaml"),
        "title: T\noutlet: O\npublished: 2016-01-01\nbody_file: ../texts/up/texts/up/texts/up/texts/self.txt\n",
    );
    let looped = "cannot open";
    assert_fails(
        &content,
        &[
            whole_file("briefing.md", looped),
            at("sources/b.yaml", 4, 12, "body_file", looped),
            at("sources/c.yaml", 4, 12, "body_file", looped),
            at("sources/d.yaml", 4, 12, "body_file", looped),
            whole_file("sources/loop.yaml", looped),
        ],
        QUICK,
    );
}

/// Symbolic links out of the content folder are refused: a body file, a source file, and
/// site.yaml, briefing.md and entities.yaml themselves (which would publish the file they
/// point at), by relative or absolute link; so are `body_file` paths that lead out without a
/// link. Nothing of the outside file reaches any output.
#[cfg(unix)]
#[test]
fn symlinks_out_of_the_content_folder_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    let secret = dir.path().join("secret.txt");
    write(&secret, "title: SECRET\n- SECRET\n");
    write(&dir.path().join("outside.yaml"), SOURCE);
    fs::create_dir_all(content.join("texts")).unwrap();
    symlink("../../secret.txt", &content.join("texts/relative.txt"));
    symlink(&secret, &content.join("texts/absolute.txt"));
    symlink("../../outside.yaml", &content.join("sources/linked.yaml"));
    for name in ["site.yaml", "briefing.md", "entities.yaml"] {
        fs::remove_file(content.join(name)).unwrap();
        symlink(&secret, &content.join(name));
    }
    let body_file = |path: &str| format!("title: T\noutlet: O\npublished: 2016-01-01\nbody_file: {path}\n");
    write(&content.join("sources/b.yaml"), body_file("../texts/relative.txt"));
    write(&content.join("sources/c.yaml"), body_file("../texts/absolute.txt"));
    write(&content.join("sources/d.yaml"), body_file("../../secret.txt"));
    write(&content.join("sources/e.yaml"), body_file(&secret.display().to_string()));
    let outside = "resolves outside the content folder";
    assert_fails(
        &content,
        &[
            whole_file("site.yaml", outside),
            whole_file("briefing.md", outside),
            whole_file("entities.yaml", outside),
            at("sources/b.yaml", 4, 12, "body_file", outside),
            at("sources/c.yaml", 4, 12, "body_file", outside),
            at("sources/d.yaml", 4, 12, "body_file", outside),
            at("sources/e.yaml", 4, 12, "body_file", "must be a path relative to this file"),
            whole_file("sources/linked.yaml", outside),
        ],
        QUICK,
    );
}

/// File names with spaces and non-ASCII letters: a source file must be named by a slug
/// (its name is the page's URL), so such a name is an error naming the file, as is a name
/// that is not UTF-8; a body file may have any name. A site built with such body files
/// writes only ASCII slug paths.
#[cfg(unix)]
#[test]
fn file_names_with_spaces_and_non_ascii_letters() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    for name in ["Bad Name", "café", "москва", "<script>alert(1)<\\script>", "a b"] {
        write(&content.join(format!("sources/{name}.yaml")), SOURCE);
    }
    let not_utf8 = Path::new("sources").join(std::ffi::OsStr::from_bytes(b"caf\xe9.yaml"));
    write(&content.join(&not_utf8), SOURCE);
    let slug = "is not a valid slug";
    assert_fails(
        &content,
        &[
            whole_file("sources/<script>alert(1)<\\script>.yaml", slug),
            whole_file("sources/Bad Name.yaml", slug),
            whole_file("sources/a b.yaml", slug),
            whole_file("sources/café.yaml", slug),
            whole_file(&not_utf8, slug),
            whole_file("sources/москва.yaml", slug),
        ],
        QUICK,
    );

    let dir = tempfile::tempdir().unwrap();
    let content = content_in(dir.path());
    for (slug, text) in [("a", "my text – Москва ü.txt"), ("b", "<b onclick=x>.txt"), ("c", "sub dir/ñ.txt")]
    {
        write(&content.join("texts").join(text), format!("Putin met Kerry ({text})."));
        write(
            &content.join(format!("sources/{slug}.yaml")),
            format!("title: T\noutlet: O\npublished: 2016-01-01\nbody_file: {}\n", quoted(&format!("../texts/{text}"))),
        );
    }
    let site = build_safe(&content);
    for path in files_under(&site).keys() {
        let name = path.to_string_lossy();
        assert!(name.bytes().all(|b| b.is_ascii_graphic()), "the site holds {name:?}");
    }
    assert_eq!(source_json(&site, "b")["paragraphs"][0]["text"], "Putin met Kerry (<b onclick=x>.txt).");
}
