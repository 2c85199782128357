//! YAML parsing with errors located at file, line, column and field.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::ContentError;

/// Parses `text` (the contents of `path`) into `T`, turning a parse or type error into a
/// located [`ContentError`].
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, ContentError> {
    let has_content = text.lines().any(|l| {
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
            max_depth: 64,
            max_aliases: 1_000,
            max_nodes: 1_000_000,
        },
    };
    options.alias_limits.max_total_replayed_events = 100_000;
    serde_saphyr::from_str_with_options(text, options).map_err(|error| locate(path, text, &error))
}

fn locate(path: &Path, text: &str, error: &serde_saphyr::Error) -> ContentError {
    let rendered = error.without_snippet().to_string();
    let message = strip_location_suffix(strip_location_prefix(&rendered));
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
    let field = named_field(message).or_else(|| key_at(text, line, column));
    let field = field.map(|f| match item {
        Some((index, _)) => format!("[{index}].{f}"),
        None => f,
    });
    ContentError::at(path, line, column, field, plain_words(message))
}

/// serde-saphyr's messages for the mistakes people make most, in the words of a content file.
fn plain_words(message: &str) -> String {
    if message.starts_with("duplicate mapping key") {
        return "this key appears twice in the same mapping".to_string();
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
    text.lines()
        .position(|l| {
            let l = l.trim();
            !l.is_empty() && !l.starts_with('#') && l != "---"
        })
        .map_or(1, |i| i as u64 + 1)
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
    let source_line = text.lines().nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
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

/// For a top-level YAML list, the index of the item that `line` belongs to and the line of
/// its dash.
fn list_item_at(text: &str, line: u64) -> Option<(usize, u64)> {
    let upto = usize::try_from(line).ok()?;
    let mut found = None;
    for (i, l) in text.lines().take(upto).enumerate() {
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
