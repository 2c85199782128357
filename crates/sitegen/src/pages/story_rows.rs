//! The rows of a story page's side-by-side comparison: which blocks of each shown version
//! stand in which row.

use corpus::Corpus;

use crate::site::coverage::Coverage;

/// One row of the comparison: the blocks of each column, and the origin's block the row
/// follows (none for a row of another version's own blocks).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryRow {
    /// The origin's block this row follows, if any.
    pub origin_block: Option<usize>,
    /// Block indexes per column.
    pub cells: Vec<Vec<usize>>,
}

/// The rows comparing `columns` (source indexes, the story's origin first). Rows follow the
/// origin's blocks. A block of another column that shares a passage with an origin block
/// goes in that block's row (the first such block). Between two such anchors, the column's
/// own blocks fill the rows of the origin's blocks it does not share (so differing passages
/// stand side by side, as in a diff), and any left over get rows of their own.
///
/// A block's anchor comes from the passages it carries (each looked up in the origin by
/// binary search), so the cost grows with the shown columns' blocks, not with how many
/// sources carry each passage.
pub fn story_rows(corpus: &Corpus, coverage: &Coverage<'_>, columns: &[usize]) -> Vec<StoryRow> {
    let origin = columns[0];
    let origin_blocks = corpus.sources[origin].blocks.len();
    let empty_row = |origin_block: Option<usize>| StoryRow { origin_block, cells: vec![Vec::new(); columns.len()] };
    let mut rows: Vec<StoryRow> = (0..origin_blocks)
        .map(|b| {
            let mut row = empty_row(Some(b));
            row.cells[0].push(b);
            row
        })
        .collect();
    // extras[k]: rows inserted after origin row k - 1 (extras[0]: before the first row).
    let mut extras: Vec<Vec<StoryRow>> = vec![Vec::new(); origin_blocks + 1];
    for (v, &source) in columns.iter().enumerate().skip(1) {
        let blocks = corpus.sources[source].blocks.len();
        let anchor: Vec<Option<usize>> = (0..blocks)
            .map(|b| {
                let passages = coverage.passages(source, b);
                passages.iter().filter_map(|p| coverage.first_block_in(p.cluster, origin)).min()
            })
            .collect();
        let mut shared_rows = vec![false; origin_blocks];
        anchor.iter().flatten().for_each(|&k| shared_rows[k] = true);
        let mut previous: Option<usize> = None;
        let mut b = 0;
        while b < blocks {
            if let Some(k) = anchor[b] {
                rows[k].cells[v].push(b);
                previous = Some(k);
                b += 1;
                continue;
            }
            // A run of this column's own blocks, up to the next anchor.
            let run_end = (b..blocks).find(|&x| anchor[x].is_some()).unwrap_or(blocks);
            let next = anchor.get(run_end).copied().flatten().unwrap_or(origin_blocks);
            let first_free = previous.map_or(0, |p| p + 1);
            let free: Vec<usize> = (first_free..next.max(first_free))
                .filter(|&k| !shared_rows[k] && rows[k].cells[v].is_empty())
                .collect();
            let mut free = free.into_iter();
            let mut last_row = previous;
            for own in b..run_end {
                match free.next() {
                    Some(k) => {
                        rows[k].cells[v].push(own);
                        last_row = Some(k);
                    }
                    None => {
                        let mut row = empty_row(None);
                        row.cells[v].push(own);
                        extras[last_row.map_or(0, |k| k + 1)].push(row);
                    }
                }
            }
            b = run_end;
        }
    }
    let mut out = Vec::with_capacity(rows.len());
    let mut extras = extras.into_iter();
    for row in rows {
        out.extend(extras.next().into_iter().flatten());
        out.push(row);
    }
    out.extend(extras.flatten());
    out
}

/// `shared` when two blocks of different columns in the row carry a passage in common,
/// `differs` when several columns have text here but share none, `own` when one has. When
/// every version carries the origin's text, the origin is the only column: a row is then
/// `shared` when another version carries its paragraph.
pub fn row_class(coverage: &Coverage<'_>, columns: &[usize], row: &StoryRow) -> &'static str {
    if let ([origin], Some(&block)) = (columns, row.cells[0].first()) {
        return if coverage.block_shared_in_story(*origin, block) { "shared" } else { "own" };
    }
    let placed: Vec<(usize, usize)> =
        row.cells.iter().enumerate().flat_map(|(v, blocks)| blocks.iter().map(move |&b| (v, b))).collect();
    let shared = placed
        .iter()
        .any(|&(v, b)| placed.iter().any(|&(w, c)| w != v && coverage.blocks_linked((columns[v], b), (columns[w], c))));
    if shared {
        "shared"
    } else if row.cells.iter().filter(|c| !c.is_empty()).count() > 1 {
        "differs"
    } else {
        "own"
    }
}
