//! What `sitegen serve` keeps of the index between builds: each document's stored form and
//! terms, found by a fingerprint of the document, so that an edit cuts into words only the
//! documents it changed.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};

use foldhash::fast::FixedState;
use rayon::prelude::*;

use crate::Document;
use crate::terms::DocumentTerms;

/// The documents of the last build, by fingerprint (see [`crate::build_cached`]).
#[derive(Default)]
pub struct IndexCache {
    documents: HashMap<u64, Kept, FixedState>,
    /// Documents of the last build found here rather than made again.
    reused: usize,
}

/// A document's stored form (its JSON in a document file) and its terms.
struct Kept {
    stored: Vec<u8>,
    terms: DocumentTerms<'static>,
}

impl IndexCache {
    /// Documents of the last build that were found here rather than made again.
    pub fn reused(&self) -> usize {
        self.reused
    }

    /// Makes the entries of the documents not kept yet with `make`, on every core, and drops
    /// those of documents gone. Returns the key of each document, in order.
    pub(crate) fn update(
        &mut self,
        documents: &[&Document<'_>],
        make: impl Fn(&Document<'_>) -> (Vec<u8>, DocumentTerms<'static>) + Sync,
    ) -> Vec<u64> {
        let keys: Vec<u64> = documents.par_iter().map(|d| fingerprint(d)).collect();
        let missing: Vec<usize> = (0..documents.len()).filter(|&i| !self.documents.contains_key(&keys[i])).collect();
        let made: Vec<(u64, Kept)> = missing
            .par_iter()
            .map(|&i| {
                let (stored, terms) = make(documents[i]);
                (keys[i], Kept { stored, terms })
            })
            .collect();
        self.reused = documents.len() - missing.len();
        let current: std::collections::HashSet<u64, FixedState> = keys.iter().copied().collect();
        self.documents.retain(|key, _| current.contains(key));
        self.documents.extend(made);
        keys
    }

    pub(crate) fn stored(&self, key: u64) -> &[u8] {
        &self.documents[&key].stored
    }

    pub(crate) fn terms(&self, key: u64) -> &DocumentTerms<'static> {
        &self.documents[&key].terms
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
