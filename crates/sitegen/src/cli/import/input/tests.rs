use std::io::Write as _;

use super::*;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn message(result: Result<Input, FileError>) -> String {
    result.expect_err("an error").problem.to_string()
}

#[test]
fn tells_pages_from_texts_by_name_or_opening() {
    let dir = tempfile::tempdir().unwrap();
    let page = b"<p>Kerry met Putin.</p>";
    assert_eq!(read(&write(&dir, "a.html", page)).unwrap().format, Format::Html);
    assert_eq!(read(&write(&dir, "a.HTM", page)).unwrap().format, Format::Html);
    assert_eq!(read(&write(&dir, "a.html.gz", &gzip(page))).unwrap().format, Format::Html);
    let opening = b"\n<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html><html><body>x</body></html>";
    assert_eq!(read(&write(&dir, "saved", opening)).unwrap().format, Format::Html);
    assert_eq!(read(&write(&dir, "a.txt", b"Kerry met Putin.\n")).unwrap().format, Format::Text);
    let packed = read(&write(&dir, "a.txt.gz", &gzip("Kerry met Putin.".as_bytes()))).unwrap();
    assert_eq!((packed.format, packed.text.as_str()), (Format::Text, "Kerry met Putin."));
}

#[test]
fn decodes_the_declared_charset() {
    let dir = tempfile::tempdir().unwrap();
    let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode("Путин встретился с Керри");
    let mut page =
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">".to_vec();
    page.extend_from_slice(&cyrillic);
    assert!(read(&write(&dir, "ru.html", &page)).unwrap().text.contains("Путин встретился с Керри"));
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("Zürich, café");
    let mut page = b"<meta charset='iso-8859-1'>".to_vec();
    page.extend_from_slice(&latin);
    assert!(read(&write(&dir, "de.html", &page)).unwrap().text.contains("Zürich, café"));
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend("Kerry met Putin.".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(read(&write(&dir, "a.txt", &utf16)).unwrap().text, "Kerry met Putin.");
}

#[test]
fn refuses_unknown_encodings_binary_and_huge_files_with_their_place() {
    let dir = tempfile::tempdir().unwrap();
    let unknown = read(&write(&dir, "a.html", b"<html>\n<head>\n  <meta charset=\"klingon-8\">\n"));
    assert!(message(unknown).starts_with("line 3, column 9: declares the unknown encoding \"klingon-8\""));
    let latin1 = read(&write(&dir, "a.txt", b"Kerry met\nthe caf\xe9 owner."));
    assert!(message(latin1).starts_with("line 2, column 8: not UTF-8, and the file declares no encoding"));
    assert!(message(read(&write(&dir, "a.pdf", b"%PDF-1.7\n..."))).starts_with("is a PDF document"));
    assert!(message(read(&write(&dir, "a.html", b"\x89PNG\r\n"))).starts_with("is a PNG image"));
    assert!(message(read(&write(&dir, "a.txt", b"abc\x00def"))).starts_with("is binary data (a NUL byte at byte 3)"));
    assert!(message(read(&write(&dir, "a.txt", b"abc\ndef\x07"))).starts_with("line 2, column 4: a control character"));
    assert!(message(read(&write(&dir, "a.txt", b" \n\n"))).starts_with("is empty"));
    let big = vec![b'a'; MAX_BYTES as usize];
    assert!(message(read(&write(&dir, "big.txt", &big))).starts_with("is 50 MB or more"));
    let bomb = gzip(&big);
    assert!(bomb.len() < 1_000_000);
    assert!(message(read(&write(&dir, "bomb.html.gz", &bomb))).starts_with("unpacks to 50 MB or more"));
    assert!(
        message(read(&write(&dir, "a.html.gz", b"\x1f\x8b\x08garbage")))
            .starts_with("is gzip data that does not unpack")
    );
    assert!(message(read(&dir.path().join("missing.html"))).starts_with("cannot read"));
}

#[test]
fn replaces_a_few_bad_bytes_in_a_declared_encoding_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let mut page = b"<meta charset=utf-8><p>".to_vec();
    page.extend_from_slice(&b"Kerry met Putin in Moscow. ".repeat(20));
    page.extend_from_slice(b"\xff</p>");
    let input = read(&write(&dir, "a.html", &page)).unwrap();
    assert!(input.text.contains('\u{fffd}'));
    assert_eq!(input.notes, ["1 byte sequence(s) not valid UTF-8 were replaced by \u{fffd}"]);
    let mut page = b"<meta charset=utf-8>".to_vec();
    page.extend_from_slice(&[0xff; 40]);
    assert!(message(read(&write(&dir, "b.html", &page))).starts_with("is not UTF-8 as it declares"));
}
