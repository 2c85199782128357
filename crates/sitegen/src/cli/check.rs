//! What `sitegen check` tells a curator once the content is valid: counts, aliases that
//! hide another entity, candidate names for the catalogue, and the speakers quoted by name
//! whom the catalogue lacks.

use std::fmt::Write;
use std::path::Path;
use std::process::ExitCode;

use annotate::{EntityMatcher, annotate, candidates::candidate_names, nested_aliases};
use corpus::Corpus;

use crate::site::speakers::NamedSpeakers;

/// Candidates listed in full; the rest are counted.
const CANDIDATES_SHOWN: usize = 60;
/// A named speaker outside the catalogue is a candidate once quoted this many times.
const SPEAKER_MIN_QUOTES: usize = 2;
/// Speaker candidates listed in full; the rest are counted.
const SPEAKERS_SHOWN: usize = 30;

/// Validates the content folder, printing every error, or the curation report when it is
/// valid. Exits with 1 on content errors.
pub(super) fn run(content: &Path) -> ExitCode {
    match crate::build::pipeline::check(content) {
        Ok(corpus) => {
            print!("{}", curation_report(&corpus, content));
            ExitCode::SUCCESS
        }
        Err(error) => super::build::fail(&error),
    }
}

/// The report printed by `sitegen check` for a valid corpus.
pub fn curation_report(corpus: &Corpus, content: &Path) -> String {
    let matcher = EntityMatcher::new(&corpus.entities);
    let annotations = annotate(corpus, &matcher);
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
    speaker_candidates(&mut out, corpus, &annotations.quotations.quotes, content);
    out
}

/// The speakers named outside the catalogue and quoted at least [`SPEAKER_MIN_QUOTES`]
/// times, most quoted first (then carried by the most sources, then by name), each with
/// the titles and descriptions the sources give and their first quotation.
fn speaker_candidates(out: &mut String, corpus: &Corpus, quotes: &[annotate::quotes::Quote], content: &Path) {
    let named = NamedSpeakers::new(quotes);
    let mut speakers: Vec<_> = named.speakers.iter().filter(|s| s.quotes.len() >= SPEAKER_MIN_QUOTES).collect();
    speakers
        .sort_by(|a, b| (b.quotes.len(), b.sources).cmp(&(a.quotes.len(), a.sources)).then_with(|| a.key.cmp(&b.key)));
    let _ = writeln!(
        out,
        "\n{} speaker(s) quoted by name {SPEAKER_MIN_QUOTES} times or more that no entity matches, most quoted first:",
        speakers.len()
    );
    for speaker in speakers.iter().take(SPEAKERS_SHOWN) {
        let first = &quotes[speaker.quotes[0]].reports[0];
        let source = &corpus.sources[first.source];
        let path = content.join("sources").join(format!("{}.yaml", source.slug));
        let described: Vec<&str> =
            speaker.titles.iter().chain(&speaker.descriptions).map(|g| g.text.as_str()).collect();
        let described =
            if described.is_empty() { String::new() } else { format!(" ({})", shorten(&described.join("; "), 80)) };
        let _ = writeln!(
            out,
            "  {:>4} × {:<32} in {} source(s){}; e.g. {} ¶{}: “{}”",
            speaker.quotes.len(),
            speaker.name,
            speaker.sources,
            described,
            path.display(),
            first.parts[0].block + 1,
            shorten(crate::site::quote_texts::shown_text(&first.text(corpus)), 80)
        );
    }
    if speakers.len() > SPEAKERS_SHOWN {
        let _ = writeln!(out, "  … and {} more", speakers.len() - SPEAKERS_SHOWN);
    }
}

fn shorten(text: &str, limit: usize) -> String {
    if text.chars().count() <= limit {
        return text.to_string();
    }
    let cut: String = text.chars().take(limit).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixture::Fixture;
    use annotate::quotes::{NamedSpeaker, Quote};

    fn candidates(fixture: &Fixture, quotes: &[Quote]) -> Vec<String> {
        let mut out = String::new();
        speaker_candidates(&mut out, &fixture.corpus, quotes, &fixture.content);
        out.lines().map(str::to_string).collect()
    }

    #[test]
    fn a_named_speaker_quoted_twice_is_a_candidate_with_counts_titles_and_an_example() {
        let fixture = Fixture::nadler();
        let lines = candidates(&fixture, &fixture.annotations.quotations.quotes);
        let a = fixture.content.join("sources/a.yaml");
        assert_eq!(
            lines,
            [
                String::new(),
                "1 speaker(s) quoted by name 2 times or more that no entity matches, most quoted first:".to_string(),
                format!(
                    "     2 × {:<32} in 2 source(s) (Rep.; a Democrat from New York); e.g. {} ¶1: “The bill will pass the Senate before the end of the month”",
                    "Jerry Nadler",
                    a.display()
                ),
            ]
        );
    }

    #[test]
    fn speaker_candidates_are_the_most_quoted_first_then_the_most_carried_and_capped() {
        let fixture = Fixture::nadler();
        let template = &fixture.annotations.quotations.quotes[0];
        // Quotations of `name`, each carried by the sources given.
        let quoted = |name: &str, sources: &[usize]| {
            let named = NamedSpeaker { name: name.to_string(), title: None, description: None };
            let reports = sources
                .iter()
                .map(|&source| annotate::quotes::QuoteReport {
                    source,
                    named: Some(named.clone()),
                    ..template.reports[0].clone()
                })
                .collect();
            Quote { speaker: None, named: Some(named), reports, ..template.clone() }
        };
        let mut quotes = Vec::new();
        for n in 0..35 {
            quotes.extend([quoted(&format!("Speaker {n:02}"), &[0]), quoted(&format!("Speaker {n:02}"), &[0])]);
        }
        quotes.extend([quoted("Zed", &[0]), quoted("Zed", &[1])]);
        quotes.extend([quoted("Most", &[0]), quoted("Most", &[0]), quoted("Most", &[0])]);
        quotes.push(quoted("Once", &[0, 1]));
        let lines = candidates(&fixture, &quotes);
        assert!(lines[1].starts_with("37 speaker(s) quoted by name 2 times or more"), "{lines:?}");
        assert_eq!(lines.len(), 2 + SPEAKERS_SHOWN + 1, "{lines:?}");
        let names: Vec<&str> =
            lines[2..2 + SPEAKERS_SHOWN].iter().map(|l| l[9..l.find(" in ").unwrap()].trim()).collect();
        assert_eq!(&names[..4], ["Most", "Zed", "Speaker 00", "Speaker 01"], "{lines:?}");
        assert!(lines[2].starts_with("     3 × Most ") && lines[3].contains(" in 2 source(s); e.g. "), "{lines:?}");
        assert_eq!(lines.last().unwrap(), "  … and 7 more");
        assert!(!lines.iter().any(|l| l.contains("Once")), "quoted once: not a candidate");
    }
}
