//! What to generate: how many sources, from which seed, in which shape. Both shapes'
//! generators read it, so it stands apart from the entry point that picks between them.

/// The shape of the generated corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Shape {
    /// Stories of one to four versions each, from the 40 outlets of a small desk.
    #[default]
    Seeds,
    /// A news feed: heavy-tailed story sizes (wire stories carried by hundreds of outlets),
    /// thousands of outlets with their own furniture, stock phrases across stories.
    News,
}

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// How many sources.
    pub sources: usize,
    /// The random seed; the same seed gives the same corpus.
    pub seed: u64,
    /// The shape of the corpus.
    pub shape: Shape,
}

impl Options {
    /// `sources` sources of the seeds shape ([`Shape::Seeds`]).
    pub fn new(sources: usize, seed: u64) -> Self {
        Options { sources, seed, shape: Shape::Seeds }
    }

    /// `sources` sources of the news shape ([`Shape::News`]).
    pub fn news(sources: usize, seed: u64) -> Self {
        Options { sources, seed, shape: Shape::News }
    }
}
