//! YAML parsing with errors located at file, line, column and field.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::ContentError;

/// Parses `text` (the contents of `path`) into `T`, turning a parse or type error into a
/// located [`ContentError`].
pub fn parse<T: DeserializeOwned>(path: &Path, text: &str) -> Result<T, ContentError> {
    let options = serde_saphyr::options! {
        // Hostile files: cap alias expansion and nesting instead of trusting the input.
        budget: serde_saphyr::budget! {
            max_depth: 64,
            max_aliases: 1_000,
            max_nodes: 1_000_000,
        },
    };
    serde_saphyr::from_str_with_options(text, options).map_err(|error| locate(path, text, &error))
}

fn locate(path: &Path, text: &str, error: &serde_saphyr::Error) -> ContentError {
    let rendered = error.without_snippet().to_string();
    let message = strip_location_prefix(&rendered);
    let (line, column) = error
        .location()
        .map(|l| (l.line(), l.column()))
        .filter(|&(line, _)| line > 0)
        .unwrap_or((1, 1));
    let field = named_field(message).or_else(|| key_at(text, line, column));
    let field = field.map(|f| match list_item_at(text, line) {
        Some(index) => format!("[{index}].{f}"),
        None => f,
    });
    ContentError::at(path, line, column, field, message.to_string())
}

/// serde-saphyr writes "error: line 3 column 1: <message>"; the location is reported apart.
fn strip_location_prefix(rendered: &str) -> &str {
    let text = rendered
        .trim()
        .strip_prefix("error: ")
        .unwrap_or(rendered.trim());
    match text.strip_prefix("line ") {
        Some(rest) => match rest.find(": ") {
            Some(at) if rest[..at].contains("column") => &rest[at + 2..],
            _ => text,
        },
        None => text,
    }
}

/// "missing field `published`", "unknown field `foo`, expected ...": the field in backticks.
fn named_field(message: &str) -> Option<String> {
    let rest = message
        .strip_prefix("missing field `")
        .or_else(|| message.strip_prefix("unknown field `"))?;
    rest.split('`').next().map(str::to_string)
}

/// The mapping key written on `line` before `column`, as in `published: 2016-13-01`.
fn key_at(text: &str, line: u64, column: u64) -> Option<String> {
    let source_line = text
        .lines()
        .nth(usize::try_from(line).ok()?.checked_sub(1)?)?;
    let body = source_line
        .trim_start()
        .trim_start_matches("- ")
        .trim_start();
    let (key, _) = body.split_once(':')?;
    let key_ok = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    let key_column = (source_line.len() - body.len()) as u64 + 1;
    (key_ok && column > key_column).then(|| key.to_string())
}

/// For a top-level YAML list, the index of the item that `line` belongs to.
fn list_item_at(text: &str, line: u64) -> Option<usize> {
    let upto = usize::try_from(line).ok()?;
    let items = text
        .lines()
        .take(upto)
        .filter(|l| l.starts_with("- ") || *l == "-")
        .count();
    items.checked_sub(1)
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
        ContentError::at(
            path,
            line,
            column,
            None,
            "text is not valid UTF-8 (save the file as UTF-8)",
        )
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
        assert!(
            missing.message.contains("missing field"),
            "{}",
            missing.message
        );
        let unknown = error_of::<Item>("id: a\ncount: 1\ncolour: red\n");
        assert_eq!(
            (unknown.line, unknown.field.as_deref()),
            (Some(3), Some("colour"))
        );
        assert!(!unknown.message.starts_with("error"), "{}", unknown.message);
    }

    #[test]
    fn reports_syntax_errors_and_bad_utf8() {
        let syntax = error_of::<Item>("id: [a\ncount: 1\n");
        assert_eq!(syntax.line, Some(1));
        let utf8 = decode_utf8(Path::new("t.txt"), b"ok\nbad \xff here".to_vec()).unwrap_err();
        assert_eq!((utf8.line, utf8.column), (Some(2), Some(5)));
    }

    #[test]
    fn refuses_exponential_aliases() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..12 {
            let p = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let result = parse::<std::collections::BTreeMap<String, serde::de::IgnoredAny>>(
            Path::new("f.yaml"),
            &text,
        );
        assert!(result.is_err());
    }
}
