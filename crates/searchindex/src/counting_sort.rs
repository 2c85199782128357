//! Grouping values by a small integer key with a counting sort: how a document's sections
//! are put together by term, and how a shard's log of postings is sorted by term.

/// Puts the values of each key together, keys in order and each key's values in the order
/// they came: a counting sort. `items` yields `(key, values)` with `key < keys`, the same
/// each time it is called (it is read twice: to count, then to place). Key `k`'s values end
/// up at `values[starts[k]..starts[k + 1]]`; returns `(starts, values)`.
pub(crate) fn group_by_key<'v, I>(keys: usize, items: impl Fn() -> I) -> (Vec<usize>, Vec<u32>)
where
    I: Iterator<Item = (usize, &'v [u32])>,
{
    let mut starts = vec![0usize; keys + 1];
    for (key, values) in items() {
        starts[key + 1] += values.len();
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut fill = starts.clone();
    let mut grouped = vec![0u32; starts[keys]];
    for (key, values) in items() {
        grouped[fill[key]..fill[key] + values.len()].copy_from_slice(values);
        fill[key] += values.len();
    }
    (starts, grouped)
}
