//! Everything the annotator found in a corpus, in one value: what the site is built from,
//! and what the speaker candidates are read from.

use crate::mentions::Mention;
use crate::quotes::Quotations;
use crate::reuse::ReuseCluster;
use crate::stories::Story;

/// Everything the annotator found in a corpus.
#[derive(Debug, Clone, Default)]
pub struct Annotations {
    /// Entity mentions, ordered by source, block and position.
    pub mentions: Vec<Mention>,
    /// Passages carried by several sources, in corpus order of their origins.
    pub reuse: Vec<ReuseCluster>,
    /// The sources grouped into stories.
    pub stories: Vec<Story>,
    /// Direct quotations and quoted phrases.
    pub quotations: Quotations,
}

impl Annotations {
    /// The indexes into `mentions` for each entity, in the catalogue's order.
    pub fn mentions_by_entity(&self, entity_count: usize) -> Vec<Vec<usize>> {
        let mut by_entity = vec![Vec::new(); entity_count];
        for (i, mention) in self.mentions.iter().enumerate() {
            by_entity[mention.entity].push(i);
        }
        by_entity
    }
}
