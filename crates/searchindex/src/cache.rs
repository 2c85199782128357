//! What `sitegen serve` keeps of the index between builds: each document's stored form and
//! its terms (by number in a [`Vocabulary`] kept too), found by a fingerprint of the
//! document. An edit cuts into words only the documents it changed; the postings are put
//! together by term number, and only terms never seen before are sorted.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash, Hasher};
use std::ops::Range;

use foldhash::fast::FixedState;
use rayon::prelude::*;

use crate::Document;
use crate::terms::DocumentTerms;
use crate::vocabulary::Vocabulary;

/// The documents of the last build, by fingerprint, and every term seen (see
/// [`crate::build_cached`]).
#[derive(Default)]
pub struct IndexCache {
    documents: HashMap<u64, Kept, FixedState>,
    vocabulary: Vocabulary,
    /// Terms with postings in the last build.
    live_terms: usize,
    /// Documents of the last build found here rather than made again.
    reused: usize,
}

/// A document's stored form (its JSON in a document file), and its terms by number with
/// their sections: term `terms[i]` is in `sections[starts[i]..starts[i + 1]]`.
struct Kept {
    stored: Vec<u8>,
    terms: Vec<u32>,
    starts: Vec<u32>,
    sections: Vec<u32>,
}

impl IndexCache {
    /// Documents of the last build that were found here rather than made again.
    pub fn reused(&self) -> usize {
        self.reused
    }

    /// Makes the entries of the documents not kept yet, cutting them into words on every
    /// core, and drops those of documents gone. Returns the key of each document, in order.
    pub(crate) fn update(
        &mut self,
        documents: &[&Document<'_>],
        stored: impl Fn(&Document<'_>) -> Vec<u8> + Sync,
    ) -> Vec<u64> {
        // Terms of documents gone stay in the vocabulary; once they outnumber the live ones,
        // everything is made again.
        if self.vocabulary.len() > 2 * self.live_terms + 100_000 {
            *self = IndexCache::default();
        }
        let keys: Vec<u64> = documents.par_iter().map(|d| fingerprint(d)).collect();
        let missing: Vec<usize> = (0..documents.len()).filter(|&i| !self.documents.contains_key(&keys[i])).collect();
        let made: Vec<(Vec<u8>, DocumentTerms<'_>)> =
            missing.par_iter().map(|&i| (stored(documents[i]), DocumentTerms::of(documents[i]))).collect();
        self.reused = documents.len() - missing.len();
        let current: HashSet<u64, FixedState> = keys.iter().copied().collect();
        self.documents.retain(|key, _| current.contains(key));
        for (&i, (stored, terms)) in missing.iter().zip(made) {
            let mut kept = Kept { stored, terms: Vec::new(), starts: vec![0], sections: Vec::new() };
            for (term, hash, sections) in terms.all() {
                kept.terms.push(self.vocabulary.id(term, hash));
                kept.sections.extend_from_slice(sections);
                kept.starts.push(u32::try_from(kept.sections.len()).expect("fewer than 2^32 sections"));
            }
            self.documents.insert(keys[i], kept);
        }
        self.vocabulary.sort();
        keys
    }

    /// The stored form (JSON) of the document of `key`, one of the keys [`IndexCache::update`]
    /// returned.
    pub(crate) fn stored(&self, key: u64) -> &[u8] {
        &self.documents[&key].stored
    }

    /// The postings of the documents of `keys` (numbered in that order): every group
    /// (`docGap, count, section…`), and the terms that have any, in index order, each with
    /// the range of its groups.
    pub(crate) fn postings(&mut self, keys: &[u64]) -> (Vec<u32>, Vec<(&str, Range<usize>)>) {
        let kept: Vec<&Kept> = keys.iter().map(|key| &self.documents[key]).collect();
        // A counting sort by term number: sizes, then places, in document order.
        let mut starts = vec![0usize; self.vocabulary.len() + 1];
        for document in &kept {
            for (i, &term) in document.terms.iter().enumerate() {
                starts[term as usize + 1] += 2 + (document.starts[i + 1] - document.starts[i]) as usize;
            }
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut groups = vec![0u32; starts[self.vocabulary.len()]];
        let mut fill = starts.clone();
        let mut last = vec![0u32; self.vocabulary.len()];
        for (doc, document) in kept.iter().enumerate() {
            let doc = u32::try_from(doc).expect("fewer than 2^32 documents");
            for (i, &term) in document.terms.iter().enumerate() {
                let sections = &document.sections[document.starts[i] as usize..document.starts[i + 1] as usize];
                let at = &mut fill[term as usize];
                groups[*at] = doc - std::mem::replace(&mut last[term as usize], doc);
                groups[*at + 1] = sections.len() as u32;
                groups[*at + 2..*at + 2 + sections.len()].copy_from_slice(sections);
                *at += 2 + sections.len();
            }
        }
        let terms: Vec<(&str, Range<usize>)> = self
            .vocabulary
            .order()
            .iter()
            .filter(|&&id| starts[id as usize] < starts[id as usize + 1])
            .map(|&id| (self.vocabulary.term(id), starts[id as usize]..starts[id as usize + 1]))
            .collect();
        self.live_terms = terms.len();
        (groups, terms)
    }
}

/// A fingerprint of everything a document's stored form and terms are made of.
fn fingerprint(document: &Document<'_>) -> u64 {
    let mut hasher = FixedState::with_seed(0x5ea2c4).build_hasher();
    document.url.hash(&mut hasher);
    document.title.hash(&mut hasher);
    document.meta.hash(&mut hasher);
    for section in &document.sections {
        (&section.anchor, &section.label, &section.text).hash(&mut hasher);
    }
    hasher.finish()
}
