//! A checker for built sites: nothing from content may run in a browser.
//!
//! It parses every HTML page with lol_html (an HTML tokenizer, not a search for `<script`,
//! which misses `<SCRIPT`, entities and attributes split over lines) and fails on:
//! - a `<script>` with inline code, or with a `src` that is not one of the site's own files
//!   under `static/`;
//! - an attribute whose name starts with `on` (event handlers), or a `srcdoc`;
//! - a URL attribute (`href`, `src`, `action`, `formaction`, `xlink:href` and the like) whose
//!   value, with character references decoded and ASCII white space and control characters
//!   removed, starts with `javascript:`, `vbscript:` or `data:` (the default theme uses no
//!   `data:` URL in its HTML);
//! - `<iframe>`, `<frame>`, `<object>`, `<embed>`, `<applet>`, `<base>`, and
//!   `<meta http-equiv="refresh">`.
//!
//! `atom.xml` and `sitemap.xml` must be well-formed XML (a small checker below: balanced
//! elements, quoted attributes, known character references, only characters XML allows), and
//! `briefing.json` and the search index's files must parse as JSON.

use std::cell::RefCell;
use std::fs;
use std::path::{Component, Path, PathBuf};

use lol_html::html_content::TextType;
use lol_html::{HtmlRewriter, Settings, doc_text, element, text};

/// Attributes whose value a browser may load or navigate to.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "cite",
    "longdesc",
    "ping",
    "manifest",
    "codebase",
    "archive",
    "lowsrc",
    "dynsrc",
    "icon",
];

/// Elements that embed other documents or change how every link of the page resolves.
const FORBIDDEN_ELEMENTS: &[&str] = &["iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"];

/// Every problem found in the site built at `site`, one line each, with the file it is in.
pub fn problems(site: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(site)
        .into_iter()
        .map(|entry| entry.unwrap())
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| entry.into_path())
        .collect();
    files.sort();
    for path in &files {
        let relative = path.strip_prefix(site).unwrap();
        let name = relative.to_string_lossy();
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let problems = match extension {
            "html" => html_problems(site, relative, &fs::read(path).unwrap()),
            "xml" => xml_problems(&fs::read(path).unwrap()),
            "json" => json_problems(&fs::read(path).unwrap()),
            _ => Vec::new(),
        };
        found.extend(problems.into_iter().map(|problem| format!("{name}: {problem}")));
    }
    let pages = files.iter().filter(|p| p.extension().is_some_and(|e| e == "html")).count();
    if pages == 0 {
        found.push(format!("{}: no HTML page to check", site.display()));
    }
    found
}

/// Panics, listing every problem, unless the site at `site` is safe.
pub fn assert_safe(site: &Path) {
    let found = problems(site);
    assert!(found.is_empty(), "{} unsafe thing(s) in {}:\n{}", found.len(), site.display(), found.join("\n"));
}

/// The problems of one HTML page, at `relative` inside the site at `site`.
pub fn html_problems(site: &Path, relative: &Path, bytes: &[u8]) -> Vec<String> {
    let found = RefCell::new(Vec::new());
    let report = |problem: String| found.borrow_mut().push(problem);
    let page_dir = relative.parent().unwrap_or(Path::new(""));
    let settings = Settings::new()
        .append_element_content_handler(element!("*", |el| {
            let tag = el.tag_name();
            if FORBIDDEN_ELEMENTS.contains(&tag.as_str()) {
                report(format!("<{tag}> element"));
            }
            for attribute in el.attributes() {
                let name = attribute.name();
                let value = decode_references(&attribute.value());
                if name.starts_with("on") {
                    report(format!("<{tag}> has the event handler {name}={value:?}"));
                }
                if name == "srcdoc" {
                    report(format!("<{tag}> has srcdoc={value:?}"));
                }
                if name == "style" {
                    let squeezed: String = value.chars().filter(|c| !c.is_ascii_whitespace()).collect();
                    let lower = squeezed.to_ascii_lowercase();
                    if ["javascript:", "vbscript:", "expression("].iter().any(|bad| lower.contains(bad)) {
                        report(format!("<{tag} style={value:?}>: script in a style"));
                    }
                }
                if (URL_ATTRIBUTES.contains(&name.as_str()) || name.ends_with(":href"))
                    && let Some(scheme) = dangerous_scheme(&value)
                {
                    report(format!("<{tag} {name}={value:?}>: a {scheme} URL"));
                }
            }
            if tag == "meta"
                && el
                    .get_attribute("http-equiv")
                    .is_some_and(|v| decode_references(&v).trim().eq_ignore_ascii_case("refresh"))
            {
                report("<meta http-equiv=refresh>".to_string());
            }
            if tag == "script" {
                match el.get_attribute("src").map(|v| decode_references(&v)) {
                    None => report("<script> without src".to_string()),
                    Some(src) if !is_own_script(site, page_dir, &src) => {
                        report(format!("<script src={src:?}> is not one of the site's own scripts"))
                    }
                    Some(_) => {}
                }
            }
            // SVG animations can set an attribute, href included, to any value.
            if matches!(tag.as_str(), "animate" | "set" | "animatetransform" | "animatemotion") {
                for name in ["to", "from", "values", "by"] {
                    if let Some(scheme) = el.get_attribute(name).and_then(|v| dangerous_scheme(&decode_references(&v)))
                    {
                        report(format!("<{tag} {name}=…>: a {scheme} URL"));
                    }
                }
            }
            Ok(())
        }))
        .append_element_content_handler(text!("script", |chunk| {
            if !chunk.as_str().trim().is_empty() {
                report(format!("inline script {:?}", chunk.as_str()));
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    let parsed = rewriter.write(bytes).and_then(|()| rewriter.end());
    let mut found = found.into_inner();
    if let Err(error) = parsed {
        found.push(format!("lol_html could not parse the page: {error}"));
    }
    found
}

/// `javascript`, `vbscript` or `data` when a browser would read `url` (an attribute value,
/// references decoded) as such a URL: it drops ASCII white space and control characters
/// anywhere in the scheme and ignores case.
pub fn dangerous_scheme(url: &str) -> Option<&'static str> {
    let squeezed: String = url.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control()).collect();
    let lower = squeezed.to_ascii_lowercase();
    ["javascript", "vbscript", "data"]
        .into_iter()
        .find(|scheme| lower.strip_prefix(scheme).is_some_and(|rest| rest.starts_with(':')))
}

/// True when `src`, as written in the page at `page_dir`, names a file the build wrote under
/// `static/`.
fn is_own_script(site: &Path, page_dir: &Path, src: &str) -> bool {
    if src.contains(':') || src.starts_with('/') || src.starts_with('\\') || src.contains(['?', '#']) {
        return false;
    }
    let mut target = PathBuf::new();
    for part in page_dir.join(src).components() {
        match part {
            Component::Normal(part) => target.push(part),
            Component::ParentDir => {
                if !target.pop() {
                    return false;
                }
            }
            Component::CurDir => {}
            _ => return false,
        }
    }
    target.starts_with("static") && site.join(&target).is_file()
}

/// `text` with HTML character references decoded: numeric ones, and the named ones that
/// can spell a URL scheme or its colon. An unknown named reference is left as written (it
/// then cannot form a scheme).
pub fn decode_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        let (decoded, used) = reference(rest);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference after `&` stands for, and the bytes it took (with its `;`, which
/// HTML lets numeric references leave out).
fn reference(text: &str) -> (Option<char>, usize) {
    if let Some(number) = text.strip_prefix('#') {
        let (digits, radix, skip) = match number.strip_prefix(['x', 'X']) {
            Some(hex) => (hex.chars().take_while(char::is_ascii_hexdigit).count(), 16, 2),
            None => (number.chars().take_while(char::is_ascii_digit).count(), 10, 1),
        };
        let body = &text[skip..skip + digits];
        let Ok(code) = u32::from_str_radix(body, radix) else {
            return (None, 0);
        };
        let c = char::from_u32(code).filter(|&c| c != '\0').unwrap_or('\u{FFFD}');
        let semicolon = usize::from(text[skip + digits..].starts_with(';'));
        return (Some(c), skip + digits + semicolon);
    }
    let name_len = text.chars().take_while(char::is_ascii_alphanumeric).count();
    let name = &text[..name_len];
    let c = match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "colon" => ':',
        "Tab" => '\t',
        "NewLine" => '\n',
        "sol" => '/',
        "period" => '.',
        "lpar" => '(',
        "rpar" => ')',
        "semi" => ';',
        "num" => '#',
        "excl" => '!',
        _ => return (None, 0),
    };
    (Some(c), name_len + usize::from(text[name_len..].starts_with(';')))
}

/// The text of an HTML page as a reader sees it: the text of every element but `<script>`
/// and `<style>`, references decoded, and the values of `alt`, `title` and `content`
/// attributes (each on a line of its own).
pub fn visible_text(html: &str) -> String {
    let out = RefCell::new(String::new());
    let settings = Settings::new()
        .append_element_content_handler(element!("*", |el| {
            for name in ["alt", "title", "content", "aria-label"] {
                if let Some(value) = el.get_attribute(name) {
                    let mut out = out.borrow_mut();
                    out.push('\n');
                    out.push_str(&value);
                    out.push('\n');
                }
            }
            Ok(())
        }))
        .append_document_content_handler(doc_text!(|chunk| {
            if !matches!(chunk.text_type(), TextType::RawText | TextType::ScriptData) {
                out.borrow_mut().push_str(chunk.as_str());
            }
            Ok(())
        }));
    let mut rewriter = HtmlRewriter::new(settings, |_: &[u8]| {});
    rewriter.write(html.as_bytes()).unwrap();
    rewriter.end().unwrap();
    decode_references(&out.into_inner())
}

fn json_problems(bytes: &[u8]) -> Vec<String> {
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Ok(_) => Vec::new(),
        Err(error) => vec![format!("not valid JSON: {error}")],
    }
}

/// The problems that keep `bytes` from being a well-formed XML document (for the feeds sitegen
/// writes: no DTD, no CDATA needed).
pub fn xml_problems(bytes: &[u8]) -> Vec<String> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return vec!["not UTF-8".to_string()];
    };
    match check_xml(text) {
        Ok(()) => Vec::new(),
        Err(problem) => vec![format!("not well-formed XML: {problem}")],
    }
}

/// The characters XML 1.0 allows in a document.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

fn is_name_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.')
}

/// Checks `text` after an `&`: a predefined entity or a character reference, ending in `;`.
fn check_xml_reference(text: &str) -> Result<usize, String> {
    let end = text.find(';').ok_or_else(|| format!("& without ; near {:?}", head(text)))?;
    let name = &text[..end];
    let valid = match name.strip_prefix('#') {
        Some(number) => {
            let code = match number.strip_prefix('x') {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => number.parse().ok(),
            };
            code.and_then(char::from_u32).is_some_and(is_xml_char)
        }
        None => matches!(name, "amp" | "lt" | "gt" | "quot" | "apos"),
    };
    if valid { Ok(end + 1) } else { Err(format!("unknown reference &{name};")) }
}

fn head(text: &str) -> String {
    text.chars().take(40).collect()
}

/// A small well-formedness check: one root element, tags balanced and named alike, attribute
/// values quoted, no `<` or bare `&` in text, only characters XML allows.
fn check_xml(text: &str) -> Result<(), String> {
    if let Some(c) = text.chars().find(|&c| !is_xml_char(c)) {
        return Err(format!("the character U+{:04X} is not allowed in XML", u32::from(c)));
    }
    let mut open: Vec<&str> = Vec::new();
    let mut roots = 0;
    let mut rest = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if let Some(after) = rest.strip_prefix("<?xml") {
        rest = &after[after.find("?>").ok_or("unclosed XML declaration")? + 2..];
    }
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            check_text(rest, !open.is_empty())?;
            break;
        };
        check_text(&rest[..lt], !open.is_empty())?;
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = &after[after.find("-->").ok_or("unclosed comment")? + 3..];
        } else if let Some(after) = rest.strip_prefix("<?") {
            rest = &after[after.find("?>").ok_or("unclosed processing instruction")? + 2..];
        } else if let Some(after) = rest.strip_prefix("</") {
            let gt = after.find('>').ok_or("unclosed end tag")?;
            let name = after[..gt].trim_end();
            match open.pop() {
                Some(expected) if expected == name => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
            rest = &after[gt + 1..];
        } else {
            let after = &rest[1..];
            let name_len = after.find(|c: char| !is_name_char(c)).unwrap_or(after.len());
            let name = &after[..name_len];
            if name.is_empty() {
                return Err(format!("a < that starts no tag: {:?}", head(rest)));
            }
            let mut attributes = &after[name_len..];
            let empty = loop {
                attributes = attributes.trim_start();
                if let Some(after) = attributes.strip_prefix("/>") {
                    attributes = after;
                    break true;
                }
                if let Some(after) = attributes.strip_prefix('>') {
                    attributes = after;
                    break false;
                }
                let eq = attributes.find('=').ok_or_else(|| format!("attribute without value in <{name}>"))?;
                let attribute = attributes[..eq].trim();
                if attribute.is_empty() || !attribute.chars().all(is_name_char) {
                    return Err(format!("bad attribute name {attribute:?} in <{name}>"));
                }
                let value = attributes[eq + 1..].trim_start();
                let quote = value.chars().next().filter(|q| matches!(q, '"' | '\''));
                let quote = quote.ok_or_else(|| format!("unquoted value of {attribute} in <{name}>"))?;
                let close = value[1..].find(quote).ok_or_else(|| format!("unclosed value of {attribute}"))?;
                let inner = &value[1..1 + close];
                if inner.contains('<') {
                    return Err(format!("< in the value of {attribute} in <{name}>"));
                }
                check_text(inner, true)?;
                attributes = &value[close + 2..];
            };
            if open.is_empty() {
                roots += 1;
            }
            if !empty {
                open.push(name);
            }
            rest = attributes;
        }
    }
    if let Some(name) = open.last() {
        return Err(format!("<{name}> is never closed"));
    }
    if roots != 1 {
        return Err(format!("{roots} root elements"));
    }
    Ok(())
}

/// Text between tags (or an attribute value): every `&` starts a reference; outside the root
/// element only white space.
fn check_text(text: &str, inside: bool) -> Result<(), String> {
    if !inside && !text.trim().is_empty() {
        return Err(format!("text outside the root element: {:?}", head(text)));
    }
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        rest = &rest[at + 1..];
        rest = &rest[check_xml_reference(rest)?..];
    }
    Ok(())
}

/// The text inside every `<name>…</name>` of an XML document, references decoded.
pub fn xml_elements_text(xml: &str, name: &str) -> Vec<String> {
    let open = format!("<{name}>");
    let close = format!("</{name}>");
    xml.match_indices(&open)
        .map(|(at, _)| {
            let inner = &xml[at + open.len()..];
            let inner = &inner[..inner.find(&close).expect("a closing tag")];
            decode_references(inner)
        })
        .collect()
}
