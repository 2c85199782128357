//! A document's distinct terms, with the sections that hold each: what the postings are
//! made of, cut once per document (and kept between builds by [`crate::IndexCache`]).

use std::borrow::Cow;

use crate::Document;
use crate::counting_sort::group_by_key;
use crate::term_table::{TermTable, term_hash};
use crate::words::words;

/// The shard of a term of hash `hash`, of `count`. From the high bits: the tables take their
/// buckets from the low ones, and a shard's terms all sharing low bits would crowd them.
fn shard_of(hash: u64, count: usize) -> usize {
    (((hash >> 32) * count as u64) >> 32) as usize
}

/// The distinct terms of a document, each with the sections that hold it (ascending).
pub(crate) struct DocumentTerms<'a> {
    terms: Vec<Cow<'a, str>>,
    /// The hash of each term ([`term_hash`]).
    hashes: Vec<u64>,
    /// Where each term's sections start in `sections`; one more than there are terms.
    starts: Vec<usize>,
    sections: Vec<u32>,
}

impl<'a> DocumentTerms<'a> {
    /// Cuts `document` into words, once: its terms borrow from its text where they can.
    pub(crate) fn of(document: &'a Document<'_>) -> DocumentTerms<'a> {
        // Each term gets a number in order of first use; (number, section) pairs come in
        // section order, so grouping them by number leaves every term's sections ascending.
        // Sized for a distinct word every dozen bytes, so that most documents never grow them.
        let capacity = document.sections.iter().map(|s| s.text.len()).sum::<usize>() / 12;
        let mut table: TermTable<Cow<'a, str>> = TermTable::with_capacity(capacity);
        let mut last_section: Vec<u32> = Vec::new();
        let mut pairs: Vec<(usize, u32)> = Vec::new();
        for (section_number, section) in document.sections.iter().enumerate() {
            let section_number = u32::try_from(section_number).expect("fewer than 2^32 sections");
            for word in words(&section.text) {
                let hash = term_hash(&word);
                let number = match table.find(&word, hash) {
                    Some(n) => n as usize,
                    None => {
                        last_section.push(u32::MAX);
                        table.insert(word, hash) as usize
                    }
                };
                if last_section[number] != section_number {
                    last_section[number] = section_number;
                    pairs.push((number, section_number));
                }
            }
        }
        let (terms, hashes) = table.into_parts();
        let (starts, sections) = group_by_key(terms.len(), || {
            pairs.iter().map(|(number, section)| (*number, std::slice::from_ref(section)))
        });
        DocumentTerms { terms, hashes, starts, sections }
    }

    /// Every term, with its hash and sections, in order of first use.
    pub(crate) fn all(&self) -> impl Iterator<Item = (&str, u64, &[u32])> {
        (0..self.terms.len())
            .map(|i| (&*self.terms[i], self.hashes[i], &self.sections[self.starts[i]..self.starts[i + 1]]))
    }

    /// The terms of shard `shard` of `count`, with their hashes and sections.
    pub(crate) fn of_shard(&self, shard: usize, count: usize) -> impl Iterator<Item = (&str, u64, &[u32])> {
        (0..self.terms.len())
            .filter(move |&i| shard_of(self.hashes[i], count) == shard)
            .map(|i| (&*self.terms[i], self.hashes[i], &self.sections[self.starts[i]..self.starts[i + 1]]))
    }
}
