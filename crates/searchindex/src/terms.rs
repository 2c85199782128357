//! A document's distinct terms, with the sections that hold each: what the postings are
//! made of, cut once per document (and kept between builds by [`crate::IndexCache`]).

use std::borrow::Cow;
use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

use crate::Document;
use crate::build::group_by_key;
use crate::words::words;

/// The hash a term is found by, computed once per word: tables are looked up by it, and it
/// picks the term's shard.
pub(crate) fn term_hash(term: &str) -> u64 {
    FixedState::with_seed(0).hash_one(term)
}

/// The shard of a term of hash `hash`, of `count`. From the high bits: the tables take their
/// buckets from the low ones, and a shard's terms all sharing low bits would crowd them.
pub(crate) fn shard_of(hash: u64, count: usize) -> usize {
    (((hash >> 32) * count as u64) >> 32) as usize
}

/// Terms numbered in order of first use, found by their [`term_hash`]: a document's terms, a
/// shard's, the vocabulary a server keeps. `S` is how a term is held (`String`, or a word
/// borrowed from the text).
pub(crate) struct TermTable<S> {
    ids: HashTable<u32>,
    terms: Vec<S>,
    hashes: Vec<u64>,
}

impl<S> Default for TermTable<S> {
    fn default() -> Self {
        TermTable { ids: HashTable::new(), terms: Vec::new(), hashes: Vec::new() }
    }
}

impl<S: AsRef<str>> TermTable<S> {
    pub(crate) fn with_capacity(capacity: usize) -> Self {
        TermTable {
            ids: HashTable::with_capacity(capacity),
            terms: Vec::with_capacity(capacity),
            hashes: Vec::with_capacity(capacity),
        }
    }

    /// How many terms it holds.
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    pub(crate) fn term(&self, id: u32) -> &str {
        self.terms[id as usize].as_ref()
    }

    /// The number of `term`, whose hash is `hash`, if it has one.
    pub(crate) fn find(&self, term: &str, hash: u64) -> Option<u32> {
        self.ids.find(hash, |&id| self.terms[id as usize].as_ref() == term).copied()
    }

    /// Numbers `term` (not held yet), whose hash is `hash`.
    pub(crate) fn insert(&mut self, term: S, hash: u64) -> u32 {
        let TermTable { ids, terms, hashes } = self;
        let id = u32::try_from(terms.len()).expect("fewer than 2^32 terms");
        ids.insert_unique(hash, id, |&id| hashes[id as usize]);
        terms.push(term);
        hashes.push(hash);
        id
    }

    /// The terms by number, and their hashes.
    pub(crate) fn into_parts(self) -> (Vec<S>, Vec<u64>) {
        (self.terms, self.hashes)
    }
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
