//! Building the index: the postings of every term, then the files.

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use crate::counting_sort::group_by_key;
use crate::term_order::{index_order, is_special};
use crate::term_table::TermTable;
use crate::terms::DocumentTerms;
use crate::{Document, DocumentType, IndexCache, IndexFile, VERSION};

/// A term chunk is closed once it holds this many bytes: a query loads about one per word.
const TERM_CHUNK_BYTES: usize = 64 * 1024;

/// A document file is closed once it holds this many bytes: a result loads one.
const DOC_FILE_BYTES: usize = 64 * 1024;

/// Documents cut into words at once, in parallel: bounds the memory the words take.
const BATCH: usize = 256;

/// One shard of the vocabulary (by a hash of the term), with its postings so far. Postings
/// go to one log in the order they come, not to a vector per term: at 10,000 sources the
/// vocabulary is hundreds of thousands of terms, and appending to that many vectors spread
/// over memory costs a cache miss each time. The log is sorted by term once, at the end.
#[derive(Default)]
struct Shard {
    /// The shard's terms, numbered in order of first use.
    terms: TermTable<String>,
    /// The last document added to each term, for the gap to the next.
    last: Vec<u32>,
    /// Records `term, docGap, count, section…`.
    log: Vec<u32>,
}

/// A shard's postings by term: term `id`'s groups are `groups[starts[id]..starts[id + 1]]`.
struct ShardPostings {
    starts: Vec<usize>,
    groups: Vec<u32>,
}

impl ShardPostings {
    fn of(&self, id: usize) -> &[u32] {
        &self.groups[self.starts[id]..self.starts[id + 1]]
    }
}

impl Shard {
    /// Adds `term` (whose [`term_hash`](crate::term_table::term_hash) is `hash`) in document
    /// `doc`, in `sections`.
    fn add(&mut self, term: &str, hash: u64, doc: u32, sections: &[u32]) {
        let Shard { terms, last, log } = self;
        let id = terms.find(term, hash).unwrap_or_else(|| {
            last.push(0);
            terms.insert(term.to_owned(), hash)
        });
        let gap = doc - std::mem::replace(&mut last[id as usize], doc);
        log.extend_from_slice(&[id, gap, u32::try_from(sections.len()).expect("fewer than 2^32 sections")]);
        log.extend_from_slice(sections);
    }

    /// The log's records, in order.
    fn records(&self) -> impl Iterator<Item = &[u32]> {
        let mut at = 0;
        std::iter::from_fn(move || {
            let record = self.log.get(at..at + 3 + *self.log.get(at + 2)? as usize)?;
            at += record.len();
            Some(record)
        })
    }

    /// The terms by number, and the log sorted by term (each term's groups stay in document
    /// order).
    fn into_postings(self) -> (Vec<String>, ShardPostings) {
        let (starts, groups) =
            group_by_key(self.terms.len(), || self.records().map(|record| (record[0] as usize, &record[1..])));
        (self.terms.into_parts().0, ShardPostings { starts, groups })
    }
}

/// Builds the index of the documents of `types`, numbered in that order, and hands each file
/// to `sink`, from several threads at once; `index.json` comes last. Returns the number of
/// files, or the error of a file `sink` refused (the files after it are not all made).
pub fn build<E: Send>(
    types: &[DocumentType<'_>],
    sink: impl Fn(IndexFile) -> Result<(), E> + Sync,
) -> Result<usize, E> {
    let documents: Vec<&Document<'_>> = types.iter().flat_map(|t| &t.documents).collect();
    let stored: Vec<Cow<'_, [u8]>> = documents.par_iter().map(|d| Cow::Owned(stored(d))).collect();
    let doc_files = write_documents(&stored, &sink)?;
    // Cut into words a batch at a time, as the postings take them: not all held at once.
    let shards = postings(documents.len(), |i| DocumentTerms::of(documents[i]));
    let term_chunks = write_terms(shards, &sink)?;
    write_header(types, documents.len(), doc_files, term_chunks, &sink)
}

/// [`build`], taking the stored form and the terms of the documents `cache` kept from the
/// last build, and keeping this build's (`sitegen serve`). The files are the same.
pub fn build_cached<E: Send>(
    types: &[DocumentType<'_>],
    cache: &mut IndexCache,
    sink: impl Fn(IndexFile) -> Result<(), E> + Sync,
) -> Result<usize, E> {
    let documents: Vec<&Document<'_>> = types.iter().flat_map(|t| &t.documents).collect();
    let keys = cache.update(&documents, stored);
    let stored: Vec<Cow<'_, [u8]>> = keys.iter().map(|key| Cow::Borrowed(cache.stored(*key))).collect();
    let doc_files = write_documents(&stored, &sink)?;
    drop(stored);
    let (groups, terms) = cache.postings(&keys);
    let terms: Vec<(&str, &[u32])> = terms.into_iter().map(|(term, range)| (term, &groups[range])).collect();
    let term_chunks = write_term_chunks(&terms, &sink)?;
    write_header(types, documents.len(), doc_files, term_chunks, &sink)
}

/// Writes `index.json`, last. Returns the number of files of the index.
fn write_header<E: Send>(
    types: &[DocumentType<'_>],
    documents: usize,
    doc_files: Vec<usize>,
    term_chunks: Vec<String>,
    sink: &(impl Fn(IndexFile) -> Result<(), E> + Sync),
) -> Result<usize, E> {
    let mut from = 0;
    let types: Vec<serde_json::Value> = types
        .iter()
        .filter(|t| !t.documents.is_empty())
        .map(|t| {
            let to = from + t.documents.len();
            let value = serde_json::json!({ "name": t.name, "from": from, "to": to });
            from = to;
            value
        })
        .collect();
    let files = doc_files.len() + term_chunks.len() + 1;
    let index = serde_json::json!({
        "version": VERSION,
        "docs": documents,
        "types": types,
        "term_chunks": term_chunks,
        "doc_files": doc_files,
    });
    let mut bytes = serde_json::to_vec(&index).expect("JSON of plain values");
    bytes.push(b'\n');
    sink(IndexFile { path: "index.json".into(), bytes })?;
    Ok(files)
}

/// Every term's postings, in shards of the vocabulary (by a hash of the term), one per
/// thread. The terms of `count` documents are taken in parallel, a batch at a time; then each
/// shard takes its terms of the batch, in document order, so gaps are never negative.
fn postings<'d>(count: usize, terms_of: impl Fn(usize) -> DocumentTerms<'d> + Sync) -> Vec<Shard> {
    let shard_count = rayon::current_num_threads().max(1);
    let mut shards: Vec<Shard> = (0..shard_count).map(|_| Shard::default()).collect();
    let numbers: Vec<usize> = (0..count).collect();
    for batch in numbers.chunks(BATCH) {
        let terms: Vec<DocumentTerms<'d>> = batch.par_iter().map(|&i| terms_of(i)).collect();
        shards.par_iter_mut().enumerate().for_each(|(shard_number, shard)| {
            for (&i, terms) in batch.iter().zip(&terms) {
                let doc = u32::try_from(i).expect("fewer than 2^32 documents");
                for (term, hash, sections) in terms.of_shard(shard_number, shard_count) {
                    shard.add(term, hash, doc, sections);
                }
            }
        });
    }
    shards
}

/// Writes the term chunks of the shards' postings. Returns the first term of each.
fn write_terms<E: Send>(
    shards: Vec<Shard>,
    sink: &(impl Fn(IndexFile) -> Result<(), E> + Sync),
) -> Result<Vec<String>, E> {
    let (ids, postings): (Vec<_>, Vec<ShardPostings>) = shards.into_par_iter().map(Shard::into_postings).unzip();
    // Whether a term needs comparing as UTF-16 is marked once here, not at every comparison.
    let mut terms: Vec<(u64, bool, String, &[u32])> = ids
        .into_iter()
        .zip(&postings)
        .flat_map(|(terms, postings)| {
            terms.into_iter().enumerate().map(move |(id, term)| {
                let special = is_special(&term);
                (byte_prefix(&term), special, term, postings.of(id))
            })
        })
        .collect();
    // Byte order decides most comparisons in the first eight bytes, compared as one number.
    terms.par_sort_unstable_by(|a, b| {
        if a.1 && b.1 { index_order(&a.2, true, &b.2, true) } else { a.0.cmp(&b.0).then_with(|| a.2.cmp(&b.2)) }
    });
    let terms: Vec<(&str, &[u32])> = terms.iter().map(|(_, _, term, groups)| (term.as_str(), *groups)).collect();
    write_term_chunks(&terms, sink)
}

/// Writes the term chunks of `terms` (in index order, each with its groups). Returns the
/// first term of each chunk.
fn write_term_chunks<E: Send>(
    terms: &[(&str, &[u32])],
    sink: &(impl Fn(IndexFile) -> Result<(), E> + Sync),
) -> Result<Vec<String>, E> {
    // Chunk boundaries from each term's size in JSON, then the chunks made in parallel.
    let sizes: Vec<usize> = terms.par_iter().map(|(term, groups)| term_json_len(term, groups)).collect();
    let chunks = cut(&sizes, TERM_CHUNK_BYTES);
    let firsts = chunks.iter().map(|range| terms[range.start].0.to_string()).collect();
    chunks.into_par_iter().enumerate().try_for_each(|(number, range)| {
        let mut chunk = Vec::with_capacity(sizes[range.clone()].iter().sum::<usize>() + 4);
        chunk.push(b'{');
        for (i, (term, groups)) in terms[range].iter().enumerate() {
            if i > 0 {
                chunk.push(b',');
            }
            // Terms are letters and digits: nothing in them needs escaping in JSON.
            debug_assert!(term.chars().all(char::is_alphanumeric));
            chunk.push(b'"');
            chunk.extend_from_slice(term.as_bytes());
            chunk.extend_from_slice(b"\":[");
            let mut number = itoa::Buffer::new();
            for (j, n) in groups.iter().enumerate() {
                if j > 0 {
                    chunk.push(b',');
                }
                chunk.extend_from_slice(number.format(*n).as_bytes());
            }
            chunk.push(b']');
        }
        chunk.extend_from_slice(b"}\n");
        sink(IndexFile { path: format!("terms/{number}.json"), bytes: chunk })
    })?;
    Ok(firsts)
}

/// The first eight bytes of `term` as a number, zeros after a shorter term: numbers compare
/// as the bytes do (terms hold no zero byte).
fn byte_prefix(term: &str) -> u64 {
    let mut bytes = [0u8; 8];
    let take = term.len().min(8);
    bytes[..take].copy_from_slice(&term.as_bytes()[..take]);
    u64::from_be_bytes(bytes)
}

/// The length of `"term":[groups]` and its comma.
fn term_json_len(term: &str, groups: &[u32]) -> usize {
    term.len() + 6 + groups.iter().map(|&n| digits(n) + 1).sum::<usize>()
}

fn digits(n: u32) -> usize {
    n.checked_ilog10().unwrap_or(0) as usize + 1
}

/// Cuts items of `sizes` into consecutive ranges, each closed once it reaches `limit` bytes.
fn cut(sizes: &[usize], limit: usize) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, size) in sizes.iter().enumerate() {
        bytes += size;
        if bytes >= limit {
            ranges.push(start..i + 1);
            (start, bytes) = (i + 1, 0);
        }
    }
    if start < sizes.len() {
        ranges.push(start..sizes.len());
    }
    ranges
}

/// A document as its file holds it.
#[derive(Serialize)]
struct StoredDocument<'a> {
    url: &'a str,
    title: &'a str,
    meta: &'a [Cow<'a, str>],
    sections: Vec<(&'a str, &'a str, &'a str)>,
}

/// Writes the document files, given each document's stored form. Returns the first document
/// id of each file.
fn write_documents<E: Send>(
    stored: &[Cow<'_, [u8]>],
    sink: &(impl Fn(IndexFile) -> Result<(), E> + Sync),
) -> Result<Vec<usize>, E> {
    let sizes: Vec<usize> = stored.iter().map(|json| json.len() + 2).collect();
    let files = cut(&sizes, DOC_FILE_BYTES);
    let firsts = files.iter().map(|range| range.start).collect();
    files.into_par_iter().enumerate().try_for_each(|(number, range)| {
        let mut file = Vec::with_capacity(sizes[range.clone()].iter().sum::<usize>() + 4);
        file.push(b'[');
        for (i, json) in stored[range].iter().enumerate() {
            if i > 0 {
                file.extend_from_slice(b",\n");
            }
            file.extend_from_slice(json);
        }
        file.extend_from_slice(b"]\n");
        sink(IndexFile { path: format!("docs/{number}.json"), bytes: file })
    })?;
    Ok(firsts)
}

/// A document as its file holds it, in JSON.
pub(crate) fn stored(document: &Document<'_>) -> Vec<u8> {
    let sections = document.sections.iter().map(|s| (&*s.anchor, &*s.label, &*s.text)).collect();
    let stored = StoredDocument { url: &document.url, title: &document.title, meta: &document.meta, sections };
    serde_json::to_vec(&stored).expect("JSON of strings")
}

#[cfg(test)]
mod tests;
