//! What `sitegen check` tells a curator once the content is valid: counts, aliases that
//! hide another entity, and candidate names for the catalogue.

use std::fmt::Write;
use std::path::Path;

use annotate::{Annotations, EntityMatcher, candidates::candidate_names, find_mentions, nested_aliases};
use corpus::Corpus;

/// Candidates listed in full; the rest are counted.
const CANDIDATES_SHOWN: usize = 60;

/// The report printed by `sitegen check` for a valid corpus.
pub fn curation_report(corpus: &Corpus, content: &Path) -> String {
    let matcher = EntityMatcher::new(&corpus.entities);
    let annotations = Annotations { mentions: find_mentions(corpus, &matcher), ..Annotations::default() };
    let paragraphs: usize = corpus.sources.iter().map(|s| s.blocks.len()).sum();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "ok: {} sources, {paragraphs} paragraphs, {} entities, {} mentions",
        corpus.sources.len(),
        corpus.entities.len(),
        annotations.mentions.len()
    );
    let nested = nested_aliases(&corpus.entities);
    if !nested.is_empty() {
        let _ = writeln!(
            out,
            "\nwarning: {} alias(es) hide another entity: the longer match wins, so the inner one is never linked there",
            nested.len()
        );
        for (entity, alias, inner, words) in nested {
            let _ = writeln!(
                out,
                "  {}: {alias:?} contains {words:?} ({})",
                corpus.entities[entity].id, corpus.entities[inner].id
            );
        }
    }
    let candidates = candidate_names(corpus, &annotations);
    let _ = writeln!(out, "\n{} candidate name(s) that no entity matches, most frequent first:", candidates.len());
    for candidate in candidates.iter().take(CANDIDATES_SHOWN) {
        let source = &corpus.sources[candidate.example.source];
        let block = &source.blocks[candidate.example.block];
        let sentence = &block.text[candidate.example.range.clone()];
        let path = content.join("sources").join(format!("{}.yaml", source.slug));
        let _ = writeln!(
            out,
            "  {:>4} × {:<32} in {} source(s); e.g. {} ¶{}: {}",
            candidate.count,
            candidate.name,
            candidate.sources,
            path.display(),
            candidate.example.block + 1,
            shorten(sentence, 110)
        );
    }
    if candidates.len() > CANDIDATES_SHOWN {
        let _ = writeln!(out, "  … and {} more", candidates.len() - CANDIDATES_SHOWN);
    }
    out
}

fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit).collect();
    format!("{}…", cut.trim_end())
}
