//! A pretty-printed JSON object whose large arrays are serialised on every core.
//!
//! `briefing.json` is one stream (150 MB at 10,000 sources); serde_json writes it on one
//! core. Here each array item is serialised on its own, at the depth it stands in the
//! document, with the formatting rules of serde_json's `PrettyFormatter` (two spaces), and
//! the items are written in order: the bytes are those of `serde_json::to_writer_pretty`.

use std::io::{self, Write};

use rayon::prelude::*;
use serde::Serialize;

/// Items serialised at once, then written: bounds the memory the serialised items take.
const BATCH: usize = 256;

/// An object being written, one field at a time.
pub(crate) struct PrettyObject<'w> {
    out: &'w mut dyn Write,
    first: bool,
}

impl<'w> PrettyObject<'w> {
    /// Starts the document's top-level object.
    pub(crate) fn start(out: &'w mut dyn Write) -> io::Result<PrettyObject<'w>> {
        out.write_all(b"{")?;
        Ok(PrettyObject { out, first: true })
    }

    /// Writes the key (plain ASCII, which needs no escaping) of the next field.
    fn key(&mut self, key: &str) -> io::Result<()> {
        debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        self.out.write_all(if self.first { b"\n  \"" } else { b",\n  \"" })?;
        self.first = false;
        self.out.write_all(key.as_bytes())?;
        self.out.write_all(b"\": ")
    }

    /// Writes the field `key`.
    pub(crate) fn field(&mut self, key: &str, value: &impl Serialize) -> io::Result<()> {
        self.key(key)?;
        serialize_at(&mut self.out, value, 1)
    }

    /// Writes the field `key`, an array of `items`, serialised on every core.
    pub(crate) fn array<T: Serialize + Sync>(&mut self, key: &str, items: &[T]) -> io::Result<()> {
        self.key(key)?;
        if items.is_empty() {
            return self.out.write_all(b"[]");
        }
        self.out.write_all(b"[")?;
        for (batch_number, batch) in items.chunks(BATCH).enumerate() {
            let parts: Vec<Vec<u8>> = batch
                .par_chunks(16)
                .enumerate()
                .map(|(chunk_number, chunk)| {
                    let mut bytes = Vec::new();
                    for (i, item) in chunk.iter().enumerate() {
                        let first = batch_number == 0 && chunk_number == 0 && i == 0;
                        bytes.extend_from_slice(if first { b"\n    " } else { b",\n    " });
                        serialize_at(&mut bytes, item, 2).expect("a Vec takes any bytes");
                    }
                    bytes
                })
                .collect();
            for part in parts {
                self.out.write_all(&part)?;
            }
        }
        self.out.write_all(b"\n  ]")
    }

    /// Closes the object, and the document with a newline.
    pub(crate) fn end(self) -> io::Result<()> {
        self.out.write_all(if self.first { b"{}\n" } else { b"\n}\n" })
    }
}

/// Serialises `value` as it stands at nesting `depth` of a pretty-printed document.
fn serialize_at(out: &mut impl Write, value: &impl Serialize, depth: usize) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::with_formatter(out, PrettyAt { indent: depth, has_value: false });
    value.serialize(&mut serializer).map_err(io::Error::other)
}

/// serde_json's `PrettyFormatter` with two spaces, started at a given depth.
struct PrettyAt {
    indent: usize,
    has_value: bool,
}

impl PrettyAt {
    fn newline<W: ?Sized + Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        writer.write_all(if first { b"\n" } else { b",\n" })?;
        self.pad(writer)
    }

    fn pad<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        for _ in 0..self.indent {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.indent += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.indent -= 1;
        if self.has_value {
            writer.write_all(b"\n")?;
            self.pad(writer)?;
        }
        writer.write_all(bracket)
    }
}

impl serde_json::ser::Formatter for PrettyAt {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.newline(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.newline(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use serde::Serialize;

    use super::*;

    #[derive(Serialize)]
    struct Item {
        name: String,
        tags: Vec<String>,
        inner: Option<Vec<Item>>,
        empty: Vec<u8>,
        score: f64,
    }

    #[derive(Serialize)]
    struct Document<'a> {
        version: u32,
        title: &'a str,
        items: &'a [Item],
        none: &'a [Item],
        more: &'a [Item],
    }

    fn item(i: usize) -> Item {
        Item {
            name: format!("item \"{i}\"\n<b>é\u{1}"),
            tags: (0..i % 3).map(|t| format!("t{t}")).collect(),
            inner: i
                .is_multiple_of(4)
                .then(|| vec![Item { name: "in".into(), tags: vec![], inner: None, empty: vec![], score: 0.5 }]),
            empty: Vec::new(),
            score: i as f64 / 7.0,
        }
    }

    /// The object written field by field, its arrays in parallel batches, is byte for byte
    /// what serde_json pretty-prints for the whole.
    #[test]
    fn writes_what_serde_json_pretty_prints() {
        let items: Vec<Item> = (0..5000).map(item).collect();
        let more: Vec<Item> = (0..3).map(item).collect();
        let document = Document { version: 1, title: "Talks", items: &items, none: &[], more: &more };
        let mut expected = serde_json::to_vec_pretty(&document).unwrap();
        expected.push(b'\n');
        let mut written = Vec::new();
        let mut object = PrettyObject::start(&mut written).unwrap();
        object.field("version", &document.version).unwrap();
        object.field("title", &document.title).unwrap();
        object.array("items", &items).unwrap();
        object.array("none", &[] as &[Item]).unwrap();
        object.array("more", &more).unwrap();
        object.end().unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), String::from_utf8(expected).unwrap());
    }
}
