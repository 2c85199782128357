//! A quotation as pages show it: its words, speaker and dates, and its reports grouped by
//! wording, each group with its count and links to the sources.

use std::borrow::Cow;

use serde::Serialize;

use annotate::quotes::Quote;

use crate::site::model::SiteModel;
use crate::site::quote_texts::quote_dates;
use crate::site::quote_texts::quote_page_href;

/// A group of reports lists its sources in a `<details>` beyond this many; a quotation whose
/// reports all share one wording and are no more than this lists them in its caption.
const INLINE_REPORTS: usize = 8;

#[derive(Serialize)]
struct ReportView<'a> {
    outlet: &'a str,
    outlet_inferred: bool,
    title: &'a str,
    published: String,
    published_label: String,
    number: usize,
    href: String,
    speaker_text: Option<&'a str>,
}

/// Reports of a quotation in the same words.
#[derive(Serialize)]
struct WordingView<'a> {
    /// For a wording other than the quotation's own (the first report's): its words with
    /// the differences marked (`<del>`, `<ins>`).
    wording_html: Option<String>,
    /// Reports in these words.
    count: usize,
    /// Links to them, but for the last `more` when the entry reached its size.
    reports: Vec<ReportView<'a>>,
    more: usize,
    /// Whether the links are many enough to fold away.
    folded: bool,
}

/// A quotation as pages show it.
#[derive(Serialize)]
pub struct QuoteView<'a> {
    id: String,
    href: String,
    text: String,
    /// `entity`, `named` (a named speaker outside the catalogue), `described` or `unknown`.
    speaker_kind: &'static str,
    /// The entity's name, or the named speaker's title and name, with their page.
    speaker_name: Option<Cow<'a, str>>,
    speaker_href: Option<String>,
    speaker_text: Option<&'a str>,
    dates: String,
    /// Reports (sources) carrying it, and in how many distinct wordings.
    report_count: usize,
    wording_count: usize,
    /// One wording and few reports: the caption lists them all.
    inline: bool,
    /// Its reports by wording, its own first.
    wordings: Vec<WordingView<'a>>,
    /// Wordings the entry left out for size, and the reports in them.
    more_wordings: usize,
    more_wording_reports: usize,
}

impl<'a> SiteModel<'a> {
    /// The link to quotation `index` (from 0) on its quotes page, from a page `root` away.
    pub(crate) fn quote_href(&self, index: usize, root: &str) -> String {
        quote_page_href(self.quote_texts[index].place.page, index, root)
    }

    /// The view of quotation `index`, linked from a page `root` away.
    pub(crate) fn quote_view(&self, index: usize, root: &str) -> QuoteView<'a> {
        let quote: &'a Quote = &self.annotations.quotations.quotes[index];
        let corpus = self.corpus;
        let texts = &self.quote_texts[index];
        let plan = &texts.plan;
        let report = |r: usize| {
            let r = &quote.reports[r];
            let source = &corpus.sources[r.source];
            let block = r.parts[0].block;
            ReportView {
                outlet: &source.meta.outlet,
                outlet_inferred: source.meta.outlet_inferred,
                title: &source.meta.title,
                published: source.meta.published.to_string(),
                published_label: source.meta.published.label(),
                number: block + 1,
                href: format!("{root}sources/{}.html#p{}", source.slug, block + 1),
                speaker_text: r.speaker_text.as_deref(),
            }
        };
        let wordings: Vec<WordingView<'a>> = plan.groups[..plan.shown]
            .iter()
            .zip(&plan.listed)
            .enumerate()
            .map(|(g, (group, &listed))| WordingView {
                wording_html: (g > 0).then(|| texts.wordings[g - 1].clone()),
                count: group.len(),
                reports: group[..listed].iter().map(|&r| report(r)).collect(),
                more: group.len() - listed,
                folded: group.len() > INLINE_REPORTS,
            })
            .collect();
        let left_out = &plan.groups[plan.shown..];
        let speaker = self.quote_speaker(index, root);
        QuoteView {
            id: format!("q{}", index + 1),
            href: self.quote_href(index, root),
            text: texts.text.clone(),
            speaker_kind: speaker.kind,
            speaker_name: speaker.name,
            speaker_href: speaker.href,
            speaker_text: quote.speaker_text.as_deref(),
            dates: quote_dates(corpus, quote),
            report_count: quote.reports.len(),
            wording_count: plan.groups.len(),
            inline: plan.groups.len() == 1
                && plan.listed[0] == quote.reports.len()
                && quote.reports.len() <= INLINE_REPORTS,
            wordings,
            more_wordings: left_out.len(),
            more_wording_reports: left_out.iter().map(Vec::len).sum(),
        }
    }

    /// The quotations whose speaker is `entity`.
    pub(crate) fn quotes_of(&self, entity: usize, root: &str) -> Vec<QuoteView<'a>> {
        let quotes = &self.annotations.quotations.quotes;
        (0..quotes.len()).filter(|&q| quotes[q].speaker == Some(entity)).map(|q| self.quote_view(q, root)).collect()
    }
}
