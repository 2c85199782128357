//! Generated texts for the tests that check a fast scan against its definition.

/// `count` texts, each made of up to `max_pieces` of `pieces` in an order a fixed-seed
/// generator (a 64-bit LCG) picks: the same texts on every run.
pub(crate) fn texts<'p>(pieces: &'p [&'p str], count: usize, max_pieces: u64) -> impl Iterator<Item = String> + 'p {
    let mut state = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = move || {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        state >> 33
    };
    (0..count).map(move |_| {
        let len = next() % (max_pieces + 1);
        (0..len).map(|_| pieces[next() as usize % pieces.len()]).collect()
    })
}
