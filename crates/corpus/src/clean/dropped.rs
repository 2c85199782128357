//! The record of the text the cleaner drops, each piece kept with the raw line it stood on so
//! that the record can be put in reading order at the end, whichever pass dropped it.

use crate::{DropReason, Dropped};

/// Dropped text with the raw line it stood on.
pub(super) type DroppedAt = (usize, Dropped);

/// Records `text`, which stood on raw line `line`, as dropped for `reason`.
pub(super) fn drop_line(dropped: &mut Vec<DroppedAt>, line: usize, text: &str, reason: DropReason) {
    dropped.push((line, Dropped { text: text.to_string(), reason }));
}
