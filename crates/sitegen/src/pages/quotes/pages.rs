//! The quotes pages themselves: quotes.html, then quotes/2.html, quotes/3.html… each listing
//! its quotations grouped by speaker, with a pager between them as entity pages have.

use serde::Serialize;

use super::view::QuoteView;
use crate::pages::base::PageMeta;
use crate::pages::mentions::{PageLink, page_links};
use crate::pages::page::Page;
use crate::site::model::SiteModel;
use crate::site::quote_texts::layout::page_path;

/// Quotations of one speaker on a quotes page.
#[derive(Serialize)]
struct SpeakerGroup<'a> {
    /// The heading's anchor, the same on every page: `speaker-3` is the third speaker.
    id: String,
    /// As a quotation's `speaker_kind`: `entity`, `named`, `described` or `unknown`.
    kind: &'static str,
    /// The entity's name, the named speaker's title and name, or the words naming them.
    name: String,
    /// The entity's page or the named speaker's.
    href: Option<String>,
    /// Whether the speaker's quotations began on an earlier page.
    continued: bool,
    quotes: Vec<QuoteView<'a>>,
}

/// Where a quotes page stands among the others.
#[derive(Serialize)]
struct QuotePages {
    /// This page's number, from 1, and how many there are.
    number: usize,
    count: usize,
    /// The quotations listed here, as positions among all (from 1), and how many there are.
    first: usize,
    last: usize,
    quotes: usize,
    previous: Option<String>,
    next: Option<String>,
    /// As on pages of an entity's mentions: the first, the last and the near pages.
    links: Vec<PageLink>,
}

impl<'a> SiteModel<'a> {
    /// How many quotes pages there are (at least one, which may list none).
    pub fn quote_page_count(&self) -> usize {
        self.quote_texts.iter().map(|t| t.place.page).max().unwrap_or(1)
    }

    /// The heading of the speaker of quotation `q` (from 0) on the quotes page holding `q`,
    /// from a page `root` away: for a speaker's first quotation, where their group begins.
    pub(crate) fn speaker_group_href(&self, q: usize, root: &str) -> String {
        let place = self.quote_texts[q].place;
        format!("{root}{}#speaker-{}", page_path(place.page), place.speaker)
    }

    /// quotes.html: the first page of quotations.
    pub fn quotes_page(&self) -> Page<'_> {
        self.quotes_page_number(1)
    }

    /// Quotes page `number` (from 1): `quotes.html`, then `quotes/<number>.html`.
    pub fn quotes_page_number(&self, number: usize) -> Page<'_> {
        let root = if number == 1 { "" } else { "../" };
        let quotes = &self.annotations.quotations.quotes;
        let texts = &self.quote_texts;
        // Every page holds a run of the speaker order: its quotations, put back in that order.
        let mut here: Vec<usize> = (0..quotes.len()).filter(|&q| texts[q].place.page == number).collect();
        here.sort_by_key(|&q| (texts[q].place.speaker, q));
        let first = (0..quotes.len()).filter(|&q| texts[q].place.page < number).count();
        let mut groups: Vec<SpeakerGroup<'a>> = Vec::new();
        for &q in &here {
            let place = texts[q].place;
            let id = format!("speaker-{}", place.speaker);
            if groups.last().is_none_or(|g| g.id != id) {
                let quote = &quotes[q];
                let speaker = self.quote_speaker(q, root);
                let (name, href) = match (speaker.name, &quote.speaker_text) {
                    (Some(name), _) => (name.into_owned(), speaker.href),
                    (None, Some(text)) => (text.clone(), None),
                    (None, None) => ("Speaker unknown".to_string(), None),
                };
                groups.push(SpeakerGroup {
                    id,
                    kind: speaker.kind,
                    name,
                    href,
                    continued: !place.opens_speaker,
                    quotes: Vec::new(),
                });
            }
            groups.last_mut().expect("a group was pushed").quotes.push(self.quote_view(q, root));
        }
        let count = self.quote_page_count();
        let href = |n: usize| format!("{root}{}", page_path(n));
        let pages = QuotePages {
            number,
            count,
            first: first + 1,
            last: first + here.len(),
            quotes: quotes.len(),
            previous: (number > 1).then(|| href(number - 1)),
            next: (number < count).then(|| href(number + 1)),
            links: page_links(number, count, &href),
        };
        let path = page_path(number);
        let (title, description) = if number == 1 {
            let description = format!(
                "{} direct quotations in {}, by speaker, with the outlets that carried them.",
                quotes.len(),
                self.corpus.site.title
            );
            ("Quotes".to_string(), description)
        } else {
            let speakers = match (groups.first(), groups.last()) {
                (Some(a), Some(b)) if a.id != b.id => format!(", {} to {}", a.name, b.name),
                (Some(a), _) => format!(", {}", a.name),
                _ => String::new(),
            };
            let description = format!(
                "Direct quotations {} to {} of {} in {}{speakers}, with the outlets that carried them.",
                pages.first, pages.last, pages.quotes, self.corpus.site.title
            );
            (format!("Quotes, page {number}"), description)
        };
        let meta = PageMeta { title: &title, kind: "quotes", path: &path, description: &description };
        let mut context = self.base_context(root, meta);
        context.insert("speakers", groups);
        context.insert("quote_count", quotes.len());
        context.insert("quote_pages", pages);
        Page { path, template: "quotes.html", context }
    }
}
