//! `speakers/<slug>.html`: a named speaker outside the catalogue ("Rep. Jerry Nadler"), with
//! the spellings, titles and descriptions the sources give them and every quotation of theirs
//! with the outlets that carried it; and how every page names a quotation's speaker.

use std::borrow::Cow;

use serde::Serialize;

use crate::pages::base::PageMeta;
use crate::pages::page::Page;
use crate::render::labels::first_words;
use crate::site::model::SiteModel;
use crate::site::speakers::Given;

/// Who said a quotation, as pages name and link them.
pub(crate) struct QuoteSpeaker<'a> {
    /// `entity` (a catalogue entity), `named` (a named speaker outside the catalogue),
    /// `described` (only words such as "a senior US official") or `unknown`.
    pub(crate) kind: &'static str,
    /// The entity's name, or the named speaker's title and name ("Rep. Jerry Nadler").
    pub(crate) name: Option<Cow<'a, str>>,
    /// The entity's page, or the named speaker's.
    pub(crate) href: Option<String>,
}

/// A named speaker, as their page shows them.
#[derive(Serialize)]
struct SpeakerView<'m> {
    /// The folded name that identifies them.
    key: &'m str,
    /// The name as most sources write it, the title most sources give, and both together.
    name: &'m str,
    title: Option<&'m str>,
    display_name: &'m str,
    /// The other spellings of the name.
    other_names: Vec<&'m Given>,
    titles: &'m [Given],
    descriptions: &'m [Given],
    quote_count: usize,
    /// Sources carrying their quotations.
    sources: usize,
    /// Their heading on the quotes pages.
    quotes_href: String,
}

impl<'a> SiteModel<'a> {
    /// The speaker of quotation `q` (from 0), linked from a page `root` away.
    pub(crate) fn quote_speaker(&self, q: usize, root: &str) -> QuoteSpeaker<'a> {
        let corpus: &'a corpus::Corpus = self.corpus;
        let quote = &self.annotations.quotations.quotes[q];
        if let Some(e) = quote.speaker {
            let entity = &corpus.entities[e];
            let href = format!("{root}entities/{}.html", entity.id);
            return QuoteSpeaker { kind: "entity", name: Some(Cow::Borrowed(&entity.name)), href: Some(href) };
        }
        if let Some(speaker) = self.speakers.of_quote(q) {
            let href = format!("{root}{}", speaker.path());
            return QuoteSpeaker { kind: "named", name: Some(Cow::Owned(speaker.display.clone())), href: Some(href) };
        }
        let kind = if quote.speaker_text.is_some() { "described" } else { "unknown" };
        QuoteSpeaker { kind, name: None, href: None }
    }

    /// How many named speakers have a page.
    pub fn speaker_page_count(&self) -> usize {
        self.speakers.speakers.len()
    }

    /// `speakers/<slug>.html` for named speaker `index` (in key order).
    pub fn speaker(&self, index: usize) -> Page<'_> {
        let root = "../";
        let speaker = &self.speakers.speakers[index];
        let quotes: Vec<_> = speaker.quotes.iter().map(|&q| self.quote_view(q, root)).collect();
        let view = SpeakerView {
            key: &speaker.key,
            name: &speaker.name,
            title: speaker.title.as_deref(),
            display_name: &speaker.display,
            other_names: speaker.names.iter().filter(|n| n.text != speaker.name).collect(),
            titles: &speaker.titles,
            descriptions: &speaker.descriptions,
            quote_count: speaker.quotes.len(),
            sources: speaker.sources,
            quotes_href: self.speaker_group_href(speaker.quotes[0], root),
        };
        let path = speaker.path();
        let count = speaker.quotes.len();
        // "Rep. Jerry Nadler, a Democrat from New York: 2 quotations in …"
        let described = speaker.descriptions.first().map(|d| format!(", {}", first_words(&d.text, 30)));
        let description = format!(
            "{}{}: {count} quotation{} in {}, with the outlets that carried {}.",
            speaker.display,
            described.unwrap_or_default(),
            if count == 1 { "" } else { "s" },
            self.corpus.site.title,
            if count == 1 { "it" } else { "them" },
        );
        let meta = PageMeta { title: &speaker.name, kind: "speaker", path: &path, description: &description };
        let mut context = self.base_context(root, meta);
        context.insert("speaker", view);
        context.insert("quotes", quotes);
        Page { path, template: "speaker.html", context }
    }
}

#[cfg(test)]
mod tests {
    use crate::test_fixture::{Fixture, theme};

    #[test]
    fn a_named_speaker_has_a_page_with_what_the_sources_call_them_and_every_quotation() {
        let fixture = Fixture::nadler();
        let model = fixture.model();
        assert_eq!(model.speaker_page_count(), 1);
        let page = model.speaker(0);
        assert_eq!(page.path, "speakers/jerry-nadler.html");
        let html = page.render(&theme()).unwrap();
        assert!(html.contains("<h1>Jerry Nadler</h1>"), "{html}");
        assert!(html.contains("<title>Jerry Nadler — Test briefing</title>"));
        assert!(
            html.contains(r#"content="Rep. Jerry Nadler, a Democrat from New York: 2 quotations in Test briefing"#)
        );
        assert!(html.contains(r#"<body class="page-speaker">"#));
        assert!(html.contains("2 quotations carried by 2 sources"), "{html}");
        assert!(html.contains(r#"<li>Rep. <span class="count">1 source</span></li>"#), "{html}");
        assert!(html.contains(r#"<li>a Democrat from New York <span class="count">1 source</span></li>"#));
        // Both quotations, each with the outlet that carried it, linked to its paragraph.
        assert!(html.contains("The bill will pass the Senate before the end of the month"));
        assert!(html.contains("The committee will hold its hearings in public"));
        assert!(html.contains(r#"<a href="../sources/a.html#p1">Outlet A ¶1</a>"#), "{html}");
        assert!(html.contains(r#"<a href="../sources/b.html#p3">Outlet B ¶3</a>"#), "{html}");
        // The kicker leads to the speaker's group on the quotes page.
        let group = model.speaker_group_href(fixture.quote("The bill will pass"), "../");
        assert!(html.contains(&format!(r#"<p class="kicker"><a href="{group}">Speaker</a></p>"#)), "{group}");
        assert!(!html.contains("Also written as"), "one spelling");
    }

    #[test]
    fn every_page_naming_a_quotation_s_speaker_names_and_links_the_named_speaker() {
        let fixture = Fixture::nadler();
        let model = fixture.model();
        let theme = theme();
        let source = model.source(0).render(&theme).unwrap();
        assert!(
            source.contains(r#"<a class="speaker" href="../speakers/jerry-nadler.html">Rep. Jerry Nadler</a>"#),
            "{source}"
        );
        assert!(source.contains(r#"class="quote" title="Rep. Jerry Nadler">The bill"#), "{source}");
        let b = model.source(1).render(&theme).unwrap();
        assert!(b.contains(r#"<a class="speaker" href="../speakers/jerry-nadler.html">Rep. Jerry Nadler</a>"#));
        let quotes = model.quotes_page().render(&theme).unwrap();
        let headings: Vec<&str> =
            quotes.split("<h2 id=\"speaker-").skip(1).map(|h| &h[..h.find("</h2>").unwrap()]).collect();
        assert_eq!(
            headings,
            [
                r#"1"><a href="entities/putin.html">Vladimir Putin</a>"#,
                r#"2"><a href="speakers/jerry-nadler.html">Rep. Jerry Nadler</a>"#,
                r#"3">a senior US official"#,
                r#"4">Speaker unknown"#,
            ],
            "catalogue, named, described, unknown"
        );
        let q = fixture.quote("The committee will hold");
        assert_eq!(model.speaker_group_href(q, ""), "quotes.html#speaker-2");
    }

    #[test]
    fn names_titles_and_descriptions_are_escaped_and_slugs_stay_plain() {
        let source = "title: T\noutlet: O\npublished: 2016-01-01\nbody: |\n  \u{201c}The bill will pass the Senate before the end of the month,\u{201d} said Mr. X.\n";
        let fixture = Fixture::new(&[("a", source)], |_| {
            Some(annotate::quotes::NamedSpeaker {
                name: "<script>alert(1)</script> Ö'Brien & Co".into(),
                title: Some("<b>Sen.</b>".into()),
                description: Some("a \"quoted\" <i>man</i>".into()),
            })
        });
        let model = fixture.model();
        let page = model.speaker(0);
        assert_eq!(page.path, "speakers/script-alert-1-script-obrien-co.html");
        let theme = theme();
        for html in [
            page.render(&theme).unwrap(),
            model.quotes_page().render(&theme).unwrap(),
            model.source(0).render(&theme).unwrap(),
        ] {
            assert!(!html.contains("<script>") && !html.contains("<b>") && !html.contains("<i>"), "{html}");
            assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; Ö&#39;Brien &amp; Co"), "{html}");
        }
    }
}
