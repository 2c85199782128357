//! Disjoint sets (union-find), for joining sentences into passages and sources into stories.

/// Disjoint sets over `0..n`, for joining sentences into clusters.
pub struct DisjointSets {
    parent: Vec<u32>,
}

impl DisjointSets {
    /// `n` sets of one.
    pub fn new(n: usize) -> Self {
        DisjointSets { parent: (0..n as u32).collect() }
    }

    /// The representative of `x`'s set: its smallest member.
    pub fn find(&mut self, x: usize) -> usize {
        let mut root = x;
        while self.parent[root] as usize != root {
            root = self.parent[root] as usize;
        }
        let mut x = x;
        while self.parent[x] as usize != root {
            let next = self.parent[x] as usize;
            self.parent[x] = root as u32;
            x = next;
        }
        root
    }

    /// Joins the sets of `a` and `b`.
    pub fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        self.parent[ra.max(rb)] = ra.min(rb) as u32;
    }
}
