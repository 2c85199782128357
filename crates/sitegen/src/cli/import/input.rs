//! Reading one file given to `sitegen import`: its bytes, unpacked when gzip-saved, told
//! apart as a web page or plain text, and decoded to text in the encoding it declares.
//!
//! Everything that makes a file unusable is an error naming the file and, where it has one,
//! the place: a file too large, binary data, an encoding that is unknown or that the bytes do
//! not follow.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use encoding_rs::Encoding;

use crate::cli::file_error::{FileError, FileProblem};

/// Files of this size or more are refused, packed or unpacked: no saved article comes near
/// it, and reading one would hold the whole of it in memory several times over.
pub(super) const MAX_BYTES: u64 = 50_000_000;

/// How far into a page its charset declaration is looked for. The HTML standard's prescan
/// reads 1,024 bytes; saved pages often carry a long comment or script before the
/// declaration, so more is read, and a declaration this late is still honoured.
const CHARSET_WINDOW: usize = 64 * 1024;

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    /// A saved web page.
    Html,
    /// Article text, or a whole page's text, pasted into a file.
    Text,
}

/// One file read and decoded.
#[derive(Debug)]
pub(super) struct Input {
    /// A page or text.
    pub format: Format,
    /// The decoded text, without a byte-order mark.
    pub text: String,
    /// Anything the user should know about the decoding (replaced bytes).
    pub notes: Vec<String>,
}

/// Reads, unpacks and decodes `file`.
pub(super) fn read(file: &Path) -> Result<Input, FileError> {
    let bytes = read_bounded(file)?;
    let (bytes, packed) = if bytes.starts_with(&[0x1f, 0x8b]) { (gunzip(file, &bytes)?, true) } else { (bytes, false) };
    if let Some(kind) = binary_kind(&bytes) {
        return Err(FileError::new(file, FileProblem::Binary(kind)));
    }
    let format = format_of(file, &bytes, packed);
    let (text, notes) = decode(file, &bytes, format)?;
    if let Some(at) = text.find(|c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
        let (line, column) = line_column(&text, at);
        return Err(FileError::new(file, FileProblem::ControlCharacter { line, column }));
    }
    if text.trim().is_empty() {
        return Err(FileError::new(file, FileProblem::Empty));
    }
    Ok(Input { format, text, notes })
}

fn too_large(file: &Path, what: &'static str) -> FileError {
    FileError::new(file, FileProblem::TooLarge { what, megabytes: MAX_BYTES / 1_000_000 })
}

fn read_bounded(file: &Path) -> Result<Vec<u8>, FileError> {
    let handle = File::open(file).map_err(|e| FileError::new(file, FileProblem::Read(e)))?;
    let mut bytes = Vec::new();
    handle.take(MAX_BYTES).read_to_end(&mut bytes).map_err(|e| FileError::new(file, FileProblem::Read(e)))?;
    if bytes.len() as u64 >= MAX_BYTES {
        return Err(too_large(file, "is"));
    }
    Ok(bytes)
}

/// Unpacks gzip data, refusing to unpack past the size limit (a small file can unpack to
/// gigabytes).
fn gunzip(file: &Path, packed: &[u8]) -> Result<Vec<u8>, FileError> {
    let mut bytes = Vec::new();
    flate2::read::MultiGzDecoder::new(packed)
        .take(MAX_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::new(file, FileProblem::Gzip(e)))?;
    if bytes.len() as u64 >= MAX_BYTES {
        return Err(too_large(file, "unpacks to"));
    }
    Ok(bytes)
}

/// What binary data a file holds, when it does: a few common kinds by their signature,
/// otherwise any data with a NUL byte in its first 8 KB (as git and grep decide). UTF-16
/// text has NULs too but opens with a byte-order mark.
fn binary_kind(bytes: &[u8]) -> Option<String> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive (or a Word or EPUB document)"),
        (b"\xd0\xcf\x11\xe0", "an old Office document"),
        (b"RIFF", "a media file"),
    ];
    if let Some((_, kind)) = SIGNATURES.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Some((*kind).to_string());
    }
    if Encoding::for_bom(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    head.iter().position(|&b| b == 0).map(|at| format!("binary data (a NUL byte at byte {at})"))
}

/// A page by its name (`.html`, `.htm`, `.xhtml`, `.shtml`, before any `.gz`) or, whatever
/// its name, by opening with a doctype or an `<html>` or `<head>` tag.
fn format_of(file: &Path, bytes: &[u8], packed: bool) -> Format {
    let name = file.file_name().map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let name = if packed { name.strip_suffix(".gz").unwrap_or(&name).to_string() } else { name };
    if [".html", ".htm", ".xhtml", ".shtml"].iter().any(|ext| name.ends_with(ext)) {
        return Format::Html;
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let mut start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    // An XML declaration and comments (a browser's "saved from url" mark) may come first.
    loop {
        let prolog = if start.starts_with("<?xml") {
            start.split_once("?>")
        } else if start.starts_with("<!--") {
            start.split_once("-->")
        } else {
            None
        };
        match prolog {
            Some((_, rest)) => start = rest.trim_start(),
            None => break,
        }
    }
    if start.starts_with("<!doctype html") || start.starts_with("<html") || start.starts_with("<head") {
        Format::Html
    } else {
        Format::Text
    }
}

/// Line and column (in characters, from 1) of byte `at` of `text`.
pub(super) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Line and column of byte `at` of undecoded bytes, counting as UTF-8 would up to there.
fn byte_line_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = String::from_utf8_lossy(&bytes[..at]);
    line_column(&before, before.len())
}

/// The encoding the bytes declare: a byte-order mark, or for a page its `<meta charset>` or
/// `http-equiv` declaration. Unknown labels are an error at the declaration's place.
fn declared(file: &Path, bytes: &[u8], format: Format) -> Result<Option<(&'static Encoding, String)>, FileError> {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        return Ok(Some((encoding, "byte-order mark".to_string())));
    }
    if format == Format::Text {
        return Ok(None);
    }
    let window = &bytes[..bytes.len().min(CHARSET_WINDOW)];
    let lower: Vec<u8> = window.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = find(&lower[from..], b"<meta") {
        let tag_start = from + found;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        from = tag_end;
        let Some(at) = find(tag, b"charset") else { continue };
        let rest = &tag[at + b"charset".len()..];
        let rest = trim_ascii_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else { continue };
        let rest = trim_ascii_start(rest);
        let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
        let end = rest.iter().position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>')).unwrap_or(rest.len());
        let label = String::from_utf8_lossy(&rest[..end]).into_owned();
        let place = tag_start + at;
        return match Encoding::for_label(label.as_bytes()) {
            // The HTML standard reads a UTF-16 declaration in an ASCII-compatible page as UTF-8.
            Some(encoding) if encoding == encoding_rs::UTF_16LE || encoding == encoding_rs::UTF_16BE => {
                Ok(Some((encoding_rs::UTF_8, format!("charset {label:?}, read as UTF-8"))))
            }
            Some(encoding) => Ok(Some((encoding, format!("charset {label:?}")))),
            None => {
                let (line, column) = byte_line_column(bytes, place);
                Err(FileError::new(file, FileProblem::UnknownEncoding { line, column, label: label.to_string() }))
            }
        };
    }
    Ok(None)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    &bytes[start..]
}

/// Decodes in the declared encoding (with U+FFFD for the odd malformed byte, as a browser
/// shows it, noted); without a declaration the bytes must be UTF-8.
fn decode(file: &Path, bytes: &[u8], format: Format) -> Result<(String, Vec<String>), FileError> {
    let mut notes = Vec::new();
    match declared(file, bytes, format)? {
        Some((encoding, from)) => {
            let (text, _, had_errors) = encoding.decode(bytes);
            if had_errors {
                let replaced = text.matches('\u{fffd}').count();
                let total = text.chars().count().max(1);
                if replaced * 100 > total {
                    let encoding = encoding.name();
                    return Err(FileError::new(file, FileProblem::Undecodable { encoding, from, replaced, total }));
                }
                notes.push(format!(
                    "{replaced} byte sequence(s) not valid {} were replaced by \u{fffd}",
                    encoding.name()
                ));
            }
            Ok((text.into_owned(), notes))
        }
        None => match std::str::from_utf8(bytes) {
            Ok(text) => Ok((text.to_string(), notes)),
            Err(e) => {
                let (line, column) = byte_line_column(bytes, e.valid_up_to());
                Err(FileError::new(file, FileProblem::NotUtf8 { line, column }))
            }
        },
    }
}

#[cfg(test)]
mod tests;
