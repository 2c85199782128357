//! The order of terms in the index, which the script's binary search over term chunks relies
//! on: JavaScript's string order, not Rust's.

use std::cmp::Ordering;

/// The order of terms in the index: JavaScript's string order (UTF-16 code units), which is
/// UTF-8 byte order but between characters above U+FFFF and those from U+E000 to U+FFFF,
/// whose UTF-8 starts with 0xEE or 0xEF. `special` says a term holds such a byte.
pub(crate) fn index_order(a: &str, a_special: bool, b: &str, b_special: bool) -> Ordering {
    if a_special && b_special { a.encode_utf16().cmp(b.encode_utf16()) } else { a.cmp(b) }
}

/// Whether `term` holds a byte that makes its UTF-16 order differ from its byte order.
pub(crate) fn is_special(term: &str) -> bool {
    term.bytes().any(|b| b >= 0xEE)
}
