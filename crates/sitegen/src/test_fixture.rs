//! A small annotated corpus for unit tests of the pages, with a speaker named outside the
//! catalogue ("Rep. Jerry Nadler", then "Nadler" in another source). The named speakers are
//! set on the annotations here, whatever the attribution found, so the pages are tested
//! against the annotate API alone.

use std::fs;
use std::path::PathBuf;

use annotate::quotes::NamedSpeaker;
use annotate::{Annotations, EntityMatcher, annotate};
use corpus::Corpus;

use crate::render::theme::Theme;
use crate::site::model::SiteModel;

pub(crate) const SOURCE_A: &str = "title: Senate vote\noutlet: Outlet A\npublished: 2016-01-01\nbody: |\n  \u{201c}The bill will pass the Senate before the end of the month,\u{201d} said Rep. Jerry Nadler, a Democrat from New York.\n\n  \u{201c}We have the votes and we will use every one of them,\u{201d} a senior US official said.\n\n  \u{201c}We\u{2019}re gradually heading in the right direction, step by step,\u{201d} Putin said.\n";
pub(crate) const SOURCE_B: &str = "title: Hearings\noutlet: Outlet B\npublished: 2016-01-03\nbody: |\n  \u{201c}Nothing is agreed until everything is agreed in this whole process.\u{201d}\n\n  The committee met on Monday.\n\n  \u{201c}The committee will hold its hearings in public, every single one of them,\u{201d} Nadler said.\n";

/// A content folder, loaded and annotated.
pub(crate) struct Fixture {
    _dir: tempfile::TempDir,
    pub(crate) content: PathBuf,
    pub(crate) corpus: Corpus,
    pub(crate) annotations: Annotations,
    matcher: EntityMatcher,
}

impl Fixture {
    /// Two sources (`a`, `b`) and a catalogue of one entity (Vladimir Putin); Nadler's two
    /// quotations get him as their named speaker, with "Rep." and "a Democrat from New York"
    /// where the source (`a`) says so.
    pub(crate) fn nadler() -> Fixture {
        Fixture::new(&[("a", SOURCE_A), ("b", SOURCE_B)], |words| {
            let in_a = words.starts_with("The bill will pass");
            (in_a || words.starts_with("The committee will hold")).then(|| NamedSpeaker {
                name: "Jerry Nadler".into(),
                title: in_a.then(|| "Rep.".into()),
                description: in_a.then(|| "a Democrat from New York".into()),
            })
        })
    }

    /// `sources` as (slug, YAML); each report without a catalogue speaker gets
    /// `name(its quoted words)` as its named speaker, whatever the attribution found.
    pub(crate) fn new(sources: &[(&str, &str)], name: impl Fn(&str) -> Option<NamedSpeaker>) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let content = dir.path().join("content");
        fs::create_dir_all(content.join("sources")).unwrap();
        fs::write(content.join("site.yaml"), "title: Test briefing\n").unwrap();
        fs::write(content.join("briefing.md"), "# Overview\n\nTalks.\n").unwrap();
        let entities = "- id: putin\n  name: Vladimir Putin\n  kind: person\n  aliases: [Putin]\n";
        fs::write(content.join("entities.yaml"), entities).unwrap();
        for (slug, yaml) in sources {
            fs::write(content.join(format!("sources/{slug}.yaml")), yaml).unwrap();
        }
        let corpus = corpus::load(&content).unwrap_or_else(|e| panic!("{e}"));
        let matcher = EntityMatcher::new(&corpus.entities);
        let mut annotations = annotate(&corpus, &matcher);
        for quote in &mut annotations.quotations.quotes {
            for report in &mut quote.reports {
                report.named = if report.speaker.is_some() { None } else { name(&report.text(&corpus)) };
            }
            quote.named = quote.reports.iter().find_map(|r| r.named.clone());
        }
        Fixture { _dir: dir, content, corpus, annotations, matcher }
    }

    pub(crate) fn model(&self) -> SiteModel<'_> {
        SiteModel::new(&self.corpus, &self.annotations, &self.matcher).without_fingerprints()
    }

    /// The index of the quotation whose words start with `words`.
    pub(crate) fn quote(&self, words: &str) -> usize {
        let quotes = &self.annotations.quotations.quotes;
        (0..quotes.len())
            .find(|&q| quotes[q].reports[0].text(&self.corpus).starts_with(words))
            .unwrap_or_else(|| panic!("no quotation {words:?}"))
    }
}

/// The default theme, as built into the binary.
pub(crate) fn theme() -> Theme {
    Theme::load(std::path::Path::new("/nonexistent-themes"), "default").unwrap()
}
