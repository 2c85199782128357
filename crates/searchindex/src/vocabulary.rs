//! Every term the builds of one server have seen, numbered once and kept in index order, so
//! that a rebuild makes its postings by number, without hashing a word, and sorts only the
//! terms it had not seen before.

use std::cmp::Ordering;

use crate::term_order::{index_order, is_special};
use crate::term_table::TermTable;

/// Terms by number.
#[derive(Default)]
pub(crate) struct Vocabulary {
    terms: TermTable<String>,
    /// Every number, its term in index order; those from `sorted.len()` on are not yet.
    sorted: Vec<u32>,
}

impl Vocabulary {
    /// How many terms it holds.
    pub(crate) fn len(&self) -> usize {
        self.terms.len()
    }

    /// The term numbered `id`.
    pub(crate) fn term(&self, id: u32) -> &str {
        self.terms.term(id)
    }

    /// The number of `term`, whose hash is `hash`, given a new one if it has none.
    pub(crate) fn id(&mut self, term: &str, hash: u64) -> u32 {
        self.terms.find(term, hash).unwrap_or_else(|| self.terms.insert(term.to_owned(), hash))
    }

    /// Every number, in index order of the terms, as of the last [`Vocabulary::sort`].
    pub(crate) fn order(&self) -> &[u32] {
        &self.sorted
    }

    /// Puts the terms added since the last call in index order with the others.
    pub(crate) fn sort(&mut self) {
        let first_new = self.sorted.len();
        if first_new < self.terms.len() {
            let terms = &self.terms;
            let order = |a: &u32, b: &u32| {
                let (a, b) = (terms.term(*a), terms.term(*b));
                index_order(a, is_special(a), b, is_special(b))
            };
            let mut new: Vec<u32> = (first_new as u32..terms.len() as u32).collect();
            new.sort_unstable_by(order);
            let old = std::mem::take(&mut self.sorted);
            let mut merged = Vec::with_capacity(old.len() + new.len());
            let (mut i, mut j) = (0, 0);
            while i < old.len() && j < new.len() {
                if order(&new[j], &old[i]) == Ordering::Less {
                    merged.push(new[j]);
                    j += 1;
                } else {
                    merged.push(old[i]);
                    i += 1;
                }
            }
            merged.extend_from_slice(&old[i..]);
            merged.extend_from_slice(&new[j..]);
            self.sorted = merged;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_every_term_once_in_index_order() {
        let mut vocabulary = Vocabulary::default();
        let hash = |t: &str| crate::term_table::term_hash(t);
        let first = ["talks", "élan", "𝒜𝒷", "aleppo", "\u{fffd}x"];
        for term in first {
            vocabulary.id(term, hash(term));
        }
        assert_eq!(vocabulary.id("talks", hash("talks")), 0);
        let order = |v: &mut Vocabulary| {
            v.sort();
            v.order().iter().map(|&id| v.term(id).to_string()).collect::<Vec<_>>()
        };
        assert_eq!(order(&mut vocabulary), ["aleppo", "talks", "élan", "𝒜𝒷", "\u{fffd}x"]);
        for term in ["geneva", "zz", "a", "talks", "\u{e000}"] {
            vocabulary.id(term, hash(term));
        }
        assert_eq!(vocabulary.len(), 9);
        assert_eq!(
            order(&mut vocabulary),
            ["a", "aleppo", "geneva", "talks", "zz", "élan", "𝒜𝒷", "\u{e000}", "\u{fffd}x"]
        );
    }
}
