//! YAML parsing with errors located at file, line, column and field.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::ContentError;

/// Parses `text` (the contents of `path`) into `T`, turning a parse or type error into a
/// located [`ContentError`].
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, ContentError> {
    let has_content = lines(text).any(|l| {
        let l = l.trim();
        !l.is_empty() && !l.starts_with('#') && l != "---"
    });
    if !has_content {
        return Err(ContentError::at(path, 1, 1, None, "the file is empty"));
    }
    // Hostile files: cap nesting, node counts and alias expansion ("billion laughs")
    // instead of trusting the input.
    let mut options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_depth: MAX_DEPTH,
            flow_nesting_limit: MAX_DEPTH,
            max_aliases: MAX_ALIASES,
            max_nodes: MAX_NODES,
            max_total_scalar_bytes: MAX_TEXT_BYTES,
        },
    };
    options.alias_limits.max_total_replayed_events = MAX_REPLAYED;
    serde_saphyr::from_str_with_options(text, options).map_err(|error| locate(path, text, &error))
}

/// Limits on one content file (see [`parse`]), named here so that errors can quote them.
const MAX_DEPTH: usize = 64;
const MAX_ALIASES: usize = 1_000;
const MAX_NODES: usize = 1_000_000;
/// Text in all scalars, each use of an alias counting the text it repeats: a 10 MB article
/// pasted as `body` fits, a small file that aliases a long text a thousand times does not.
const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
/// Nodes that aliases repeat, in all.
const MAX_REPLAYED: usize = 100_000;

fn locate(path: &Path, text: &str, error: &serde_saphyr::Error) -> ContentError {
    let rendered = error.without_snippet().to_string();
    let (message, anchor) = strip_alias_note(strip_location_prefix(&rendered));
    let message = strip_location_suffix(message);
    let (mut line, mut column) =
        error.location().map(|l| (l.line(), l.column())).filter(|&(line, _)| line > 0).unwrap_or((1, 1));
    let item = list_item_at(text, line);
    if message.starts_with("missing field") {
        // serde-saphyr points at the mapping's last key; the field is missing from the whole
        // mapping, so point at its start: the list item's dash, or the document's first line.
        (line, column) = match item {
            Some((_, item_line)) => (item_line, 3),
            None => (first_content_line(text), 1),
        };
    }
    // A value of the wrong type that starts on the line below its key (a nested list or
    // mapping where text belongs) has no key on its own line: its key is the one it is
    // indented under. Syntax errors are left without a field, as there is no telling.
    let type_error = message.starts_with("expected ") || message.starts_with("invalid ");
    let field = named_field(message)
        .or_else(|| key_at(text, line, column))
        .or_else(|| type_error.then(|| key_above(text, line, column)).flatten());
    let field = field.map(|f| match item {
        Some((index, _)) => format!("[{index}].{f}"),
        None => f,
    });
    let mut message = plain_words(message);
    if let Some((anchor_line, anchor_column)) = anchor {
        message.push_str(&format!(" (through an alias of the anchor at line {anchor_line}, column {anchor_column})"));
    }
    ContentError::at(path, line, column, field, message)
}

/// serde-saphyr's messages for the mistakes people make most, in the words of a content file.
fn plain_words(message: &str) -> String {
    if message.starts_with("duplicate mapping key") {
        return "this key appears twice in the same mapping".to_string();
    }
    if let Some(limit) = budget_words(message) {
        return limit;
    }
    let replaced = [
        ("expected sequence start", "expected a list ([a, b], or one item per line after -)"),
        ("expected string scalar", "expected text"),
        ("expected mapping start", "expected fields (key: value)"),
    ]
    .iter()
    .find(|(from, _)| message == *from);
    replaced.map_or_else(|| message.to_string(), |(_, to)| to.to_string())
}

fn first_content_line(text: &str) -> u64 {
    lines(text)
        .position(|l| {
            let l = l.trim();
            !l.is_empty() && !l.starts_with('#') && l != "---"
        })
        .map_or(1, |i| i as u64 + 1)
}

/// The lines of `text` as YAML counts them, so that they agree with the parser's line
/// numbers: a line ends at `\r\n`, `\n` or a lone `\r` (old Mac line ends), where
/// `str::lines` sees no break at a lone `\r`.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n').flat_map(|line| line.strip_suffix('\r').unwrap_or(line).split('\r'))
}

/// The resource limits of [`parse`], when `message` says one was passed: hostile or broken
/// files (deep nesting, "billion laughs" aliases) stop here.
fn budget_words(message: &str) -> Option<String> {
    let breach = message.strip_prefix("budget breached: ").map(|rest| rest.split([' ', '{']).next().unwrap_or(""));
    let aliases = format!(
        "uses aliases (`*name`) too much: a content file may hold {MAX_ALIASES} of them, repeating \
         {MAX_REPLAYED} nodes in all"
    );
    let words = match breach {
        None if message.starts_with("alias replay") => aliases,
        // The parser's own limit on nesting in flow style (`[[[…`, `{a: {a: …`).
        None if message == "recursion limit exceeded" => format!("is nested more than {MAX_DEPTH} levels deep"),
        None => return None,
        Some("Aliases" | "Anchors") => aliases,
        Some("Depth") => format!("is nested more than {MAX_DEPTH} levels deep"),
        Some("Nodes" | "Events") => format!("holds more than {MAX_NODES} values"),
        Some("ScalarBytes") => format!(
            "holds more than {} MiB of text, counting each alias (`*name`) as the text it repeats",
            MAX_TEXT_BYTES / 1024 / 1024
        ),
        Some(other) => format!("is too large or complex for a content file ({other})"),
    };
    Some(format!("the file {words}"))
}

/// A value that came through an alias is reported as "<message> (defined at line 4, column
/// 16) (used at line 8, column 17)": the use is the error's location, the definition (the
/// anchor) is returned apart.
fn strip_alias_note(message: &str) -> (&str, Option<(u64, u64)>) {
    let message = strip_note(message, " (used at line ").map_or(message, |(rest, _)| rest);
    match strip_note(message, " (defined at line ") {
        Some((rest, place)) => (rest, Some(place)),
        None => (message, None),
    }
}

/// Splits "<message><opening>L, column C)" into the message and (L, C).
fn strip_note<'a>(message: &'a str, opening: &str) -> Option<(&'a str, (u64, u64))> {
    let at = message.rfind(opening)?;
    let place = message[at + opening.len()..].strip_suffix(')')?;
    let (line, column) = place.split_once(", column ")?;
    Some((&message[..at], (line.parse().ok()?, column.parse().ok()?)))
}

/// serde-saphyr may end a message with " at line 5, column 1"; the location is reported apart.
fn strip_location_suffix(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(at) if message[at..].contains(", column ") => &message[..at],
        _ => message,
    }
}

/// serde-saphyr writes "error: line 3 column 1: <message>"; the location is reported apart.
fn strip_location_prefix(rendered: &str) -> &str {
    let text = rendered.trim().strip_prefix("error: ").unwrap_or(rendered.trim());
    match text.strip_prefix("line ") {
        Some(rest) => match rest.find(": ") {
            Some(at) if rest[..at].contains("column") => &rest[at + 2..],
            _ => text,
        },
        None => text,
    }
}

/// "missing field `published`", "unknown field `foo`, expected ...", "duplicate mapping key:
/// title, ...": the field the message names.
fn named_field(message: &str) -> Option<String> {
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        return rest.split([',', ' ']).next().filter(|k| !k.is_empty()).map(str::to_string);
    }
    let rest = message.strip_prefix("missing field `").or_else(|| message.strip_prefix("unknown field `"))?;
    rest.split('`').next().map(str::to_string)
}

/// The mapping key written on `line` nearest before `column`: `published: 2016-13-01` in block
/// style, `{id: a, aliases: 5}` in flow style.
fn key_at(text: &str, line: u64, column: u64) -> Option<String> {
    let source_line = lines(text).nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let before: String = source_line.chars().take(usize::try_from(column).ok()?.saturating_sub(1)).collect();
    let colon = before.trim_end().strip_suffix(':').map(str::len).or_else(|| before.rfind(": "))?;
    let head = &before[..colon];
    let start = head
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .map_or(0, |i| i + head[i..].chars().next().map_or(1, char::len_utf8));
    let key = &head[start..];
    let opener = head[..start].trim_end();
    let key_position = opener.is_empty() || opener.ends_with(['{', ',', '-']);
    (!key.is_empty() && key_position).then(|| key.to_string())
}

/// The key of the block a value at `line`, `column` is indented under: the nearest line
/// above, not blank or a comment, that starts left of `column` (`byline:` over a nested list).
fn key_above(text: &str, line: u64, column: u64) -> Option<String> {
    let indent = usize::try_from(column).ok()?.checked_sub(1)?;
    let above: Vec<&str> = lines(text).take(usize::try_from(line).ok()?.saturating_sub(1)).collect();
    let (number, parent) = above.iter().enumerate().rev().find(|(_, l)| {
        let content = l.trim_start_matches(' ');
        !content.is_empty() && !content.starts_with('#') && l.len() - content.len() < indent
    })?;
    key_at(text, number as u64 + 1, parent.chars().count() as u64 + 1)
}

/// For a top-level YAML list, the index of the item that `line` belongs to and the line of
/// its dash.
fn list_item_at(text: &str, line: u64) -> Option<(usize, u64)> {
    let upto = usize::try_from(line).ok()?;
    let mut found = None;
    for (i, l) in lines(text).take(upto).enumerate() {
        if l.starts_with("- ") || l == "-" {
            let index = found.map_or(0, |(index, _)| index + 1);
            found = Some((index, i as u64 + 1));
        }
    }
    found
}

/// Characters YAML reads as themselves in any scalar: the printable set of YAML 1.2, less
/// the characters some parsers take as line breaks (NEL, LS, PS) and the byte-order mark.
pub fn is_plain_char(c: char) -> bool {
    matches!(u32::from(c), 0x20..=0x7E | 0xA0..=0xD7FF | 0xE000..=0xFFFD | 0x1_0000..=0x10_FFFF)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{FEFF}')
}

/// `text` as a YAML double-quoted scalar, safe for any text: quotes and backslashes escaped,
/// line breaks and every character YAML does not read as itself written as escapes. Tools
/// that write content files (the importer, the corpus generator) use it.
pub fn quoted_scalar(text: &str) -> String {
    use std::fmt::Write as _;
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if is_plain_char(c) => out.push(c),
            c if u32::from(c) <= 0xFFFF => write!(out, "\\u{:04X}", u32::from(c)).expect("writing to a String"),
            c => write!(out, "\\U{:08X}", u32::from(c)).expect("writing to a String"),
        }
    }
    out.push('"');
    out
}

/// Line and column (1-based) of byte offset `at` in `text`, counting columns in characters.
pub fn line_column(text: &str, at: usize) -> (u64, u64) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line as u64, column as u64)
}

/// Decodes UTF-8, or says where the first invalid byte is.
pub fn decode_utf8(path: &Path, bytes: Vec<u8>) -> Result<String, ContentError> {
    String::from_utf8(bytes).map_err(|error| {
        let valid = error.utf8_error().valid_up_to();
        let bytes = error.into_bytes();
        let prefix = std::str::from_utf8(&bytes[..valid]).expect("valid up to here");
        let (line, column) = line_column(prefix, prefix.len());
        ContentError::at(path, line, column, None, "text is not valid UTF-8 (save the file as UTF-8)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        id: String,
        count: u32,
    }

    fn error_of<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> ContentError {
        parse::<T>(Path::new("f.yaml"), text).unwrap_err()
    }

    #[test]
    fn locates_wrong_types_with_their_field() {
        let error = error_of::<Vec<Item>>("- id: a\n  count: 1\n- id: b\n  count: many\n");
        assert_eq!((error.line, error.column), (Some(4), Some(10)));
        assert_eq!(error.field.as_deref(), Some("[1].count"));
    }

    #[test]
    fn names_missing_and_unknown_fields() {
        let missing = error_of::<Item>("id: a\n");
        assert_eq!(missing.field.as_deref(), Some("count"));
        assert!(missing.message.contains("missing field"), "{}", missing.message);
        let unknown = error_of::<Item>("id: a\ncount: 1\ncolour: red\n");
        assert_eq!((unknown.line, unknown.field.as_deref()), (Some(3), Some("colour")));
        assert!(!unknown.message.starts_with("error"), "{}", unknown.message);
    }

    #[test]
    fn points_a_missing_field_at_the_start_of_its_mapping() {
        let error = error_of::<Vec<Item>>("# items\n- id: a\n  count: 1\n- id: b\n");
        assert_eq!((error.line, error.column, error.field.as_deref()), (Some(4), Some(3), Some("[1].count")));
        assert!(!error.message.contains("at line"), "{}", error.message);
        let top = error_of::<Item>("# a comment\nid: a\n");
        assert_eq!((top.line, top.column), (Some(2), Some(1)));
    }

    #[test]
    fn finds_the_field_in_flow_style_and_duplicate_keys() {
        let flow = error_of::<Vec<Item>>("- {id: a, count: many}\n");
        assert_eq!(flow.field.as_deref(), Some("[0].count"));
        let duplicate = error_of::<Item>("id: a\nid: b\ncount: 1\n");
        assert_eq!(duplicate.field.as_deref(), Some("id"));
        let empty = error_of::<Item>("# nothing here\n\n");
        assert_eq!(empty.message, "the file is empty");
    }

    #[test]
    fn reports_syntax_errors_and_bad_utf8() {
        let syntax = error_of::<Item>("id: [a\ncount: 1\n");
        assert_eq!(syntax.line, Some(1));
        let utf8 = decode_utf8(Path::new("t.txt"), b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!((utf8.line, utf8.column), (Some(2), Some(5)));
    }

    #[test]
    fn counts_lines_as_yaml_does_with_lone_carriage_returns() {
        // Found by fuzzing (fuzz/fuzz_targets/yaml_source.rs): the parser ends a line at a
        // lone \r, so the field was looked up on the wrong line, and found missing.
        let error = error_of::<Item>("id: a\rcount: many\r");
        assert_eq!((error.line, error.field.as_deref()), (Some(2), Some("count")));
        let error = error_of::<Vec<Item>>("- id: a\r  count: 1\r\n- id: b\r\n  count: many\n");
        assert_eq!((error.line, error.field.as_deref()), (Some(4), Some("[1].count")));
    }

    #[test]
    fn names_the_key_of_a_wrong_value_that_starts_on_the_next_line() {
        let nested = error_of::<Item>("count: 1\nid:\n  - x\n");
        assert_eq!((nested.line, nested.field.as_deref()), (Some(3), Some("id")));
        let deep = error_of::<Vec<Item>>("- id:\n    k:\n      k: x\n  count: 1\n");
        assert_eq!((deep.line, deep.field.as_deref()), (Some(2), Some("[0].id")));
        assert_eq!(deep.message, "expected text");
    }

    #[test]
    fn says_where_the_anchor_of_an_aliased_value_is() {
        let error = error_of::<Vec<Item>>("- id: &name abc\n  count: 1\n- id: b\n  count: *name\n");
        assert_eq!((error.line, error.column, error.field.as_deref()), (Some(4), Some(10), Some("[1].count")));
        assert!(error.message.ends_with(" (through an alias of the anchor at line 1, column 13)"), "{}", error.message);
        assert!(!error.message.contains("used at"), "{}", error.message);
    }

    #[test]
    fn puts_resource_limits_in_plain_words() {
        let many: String = format!("id: &x a\ncount: 1\nmore: [{}]\n", vec!["*x"; 1_500].join(", "));
        let error =
            parse::<std::collections::BTreeMap<String, serde::de::IgnoredAny>>(Path::new("f.yaml"), &many).unwrap_err();
        assert!(error.message.starts_with("the file uses aliases (`*name`) too much"), "{}", error.message);
        assert_eq!(error.field.as_deref(), Some("more"));
        let long = "x".repeat(1 << 20);
        let amplified = format!("id: &x {long}\nmore: [{}]\n", vec!["*x"; 70].join(", "));
        let error = parse::<std::collections::BTreeMap<String, serde::de::IgnoredAny>>(Path::new("f.yaml"), &amplified)
            .unwrap_err();
        assert!(error.message.starts_with("the file holds more than 64 MiB of text"), "{}", error.message);
        assert_eq!(
            budget_words("budget breached: Depth { depth: 65 }").unwrap(),
            "the file is nested more than 64 levels deep"
        );
        assert_eq!(budget_words("invalid type"), None);
    }

    #[test]
    fn quoted_scalars_read_back_as_written() {
        for text in ["a \"b\" \\ c", "x\ny\u{2028}z\u{1}", "Putin’s: #1 {[ ]} - *a &b", "😀 \u{FEFF}"] {
            let yaml = format!("value: {}\n", quoted_scalar(text));
            let back: std::collections::BTreeMap<String, String> = parse(Path::new("f.yaml"), &yaml).unwrap();
            assert_eq!(back["value"], text, "{yaml}");
        }
    }

    #[test]
    fn refuses_exponential_aliases() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let result = parse::<std::collections::BTreeMap<String, serde::de::IgnoredAny>>(Path::new("f.yaml"), &text);
        assert!(result.is_err());
    }
}
