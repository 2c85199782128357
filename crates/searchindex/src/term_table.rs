//! A table of terms numbered in order of first use and found by a hash computed once per
//! word: what a document's terms, a shard's terms and a server's vocabulary are all kept in.

use std::hash::BuildHasher;

use foldhash::fast::FixedState;
use hashbrown::HashTable;

/// The hash a term is found by, computed once per word: tables are looked up by it, and it
/// picks the term's shard.
pub(crate) fn term_hash(term: &str) -> u64 {
    FixedState::with_seed(0).hash_one(term)
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
    /// An empty table with room for `capacity` terms, so that filling it rarely grows it.
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

    /// The term numbered `id`.
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
