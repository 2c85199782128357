//! The order of quotations on the quotes pages (by speaker) and where the pages are cut: after
//! [`QUOTES_PER_PAGE`] quotations, or sooner once a page's entries reach [`PAGE_BUDGET`]
//! bytes, so that no page passes 2 MB however widely its quotations were carried.

use annotate::quotes::Quote;
use corpus::Corpus;

use crate::site::speakers::named_key;

/// Quotations one page lists at most.
pub const QUOTES_PER_PAGE: usize = 100;
/// Estimated bytes of entries one page holds at most (a quotation heavier than this has a
/// page of its own). Half the 2 MB a page must stay under: the rest is the page's own markup
/// and the estimate's slack.
pub(crate) const PAGE_BUDGET: usize = 1024 * 1024;

/// Where a quotation stands on the quotes pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Place {
    /// Its page, from 1.
    pub(crate) page: usize,
    /// Its speaker's position among all speakers, from 1 (the speaker's anchor).
    pub(crate) speaker: usize,
    /// Whether it is its speaker's first quotation (else its speaker's heading on this page,
    /// if it opens the page, says "continued").
    pub(crate) opens_speaker: bool,
}

/// The order of speakers: catalogued speakers by name, then named speakers outside the
/// catalogue by name (their key: one group however each source writes the name), then
/// speakers as written (whatever their case), then unknown ones.
pub(crate) fn speaker_key(corpus: &Corpus, quote: &Quote) -> (u8, String) {
    if let Some(e) = quote.speaker {
        return (0, corpus.entities[e].name.clone());
    }
    match (named_key(quote), &quote.speaker_text) {
        (Some(key), _) => (1, key),
        (None, Some(text)) => (2, text.to_lowercase()),
        (None, None) => (3, String::new()),
    }
}

/// The place of every quotation, given each one's speaker key ([`speaker_key`]) and its
/// entry's weight in bytes ([`super::plan::Plan::weight`]).
pub(crate) fn places(keys: &[(u8, String)], weights: &[usize]) -> Vec<Place> {
    // By speaker, then in the quotations' own order (by date).
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
    let mut places = vec![Place::default(); keys.len()];
    let (mut page, mut on_page, mut bytes, mut speaker) = (1, 0, 0, 0);
    for (i, &q) in order.iter().enumerate() {
        if on_page > 0 && (on_page == QUOTES_PER_PAGE || bytes + weights[q] > PAGE_BUDGET) {
            (page, on_page, bytes) = (page + 1, 0, 0);
        }
        let opens_speaker = i == 0 || keys[order[i - 1]] != keys[q];
        speaker += usize::from(opens_speaker);
        places[q] = Place { page, speaker, opens_speaker };
        on_page += 1;
        bytes += weights[q];
    }
    places
}

/// The path of quotes page `number`: `quotes.html`, then `quotes/2.html`, `quotes/3.html`…
pub(crate) fn page_path(number: usize) -> String {
    if number == 1 { "quotes.html".to_string() } else { format!("quotes/{number}.html") }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(name: &str) -> (u8, String) {
        (0, name.to_string())
    }

    #[test]
    fn pages_hold_runs_of_the_speaker_order_cut_by_count() {
        // 250 quotations of two speakers, given in date order, alternating.
        let keys: Vec<(u8, String)> = (0..250).map(|q| key(if q % 2 == 0 { "Lavrov" } else { "Kerry" })).collect();
        let places = places(&keys, &vec![1_000; 250]);
        let pages: Vec<usize> = places.iter().map(|p| p.page).collect();
        assert_eq!((1..=3).map(|n| pages.iter().filter(|&&p| p == n).count()).collect::<Vec<_>>(), [100, 100, 50]);
        // Kerry's 125 first: quotation 1 is Kerry's first, on page 1; Lavrov's start on page 2.
        assert_eq!(places[1], Place { page: 1, speaker: 1, opens_speaker: true });
        assert_eq!(places[3], Place { page: 1, speaker: 1, opens_speaker: false });
        assert_eq!(places[0], Place { page: 2, speaker: 2, opens_speaker: true });
        assert_eq!(places[249].page, 2, "Kerry's last (his 125th) is on page 2");
        assert_eq!(places[248].page, 3, "Lavrov's last is on the last page");
    }

    #[test]
    fn pages_are_cut_by_size_and_a_heavy_entry_has_a_page_of_its_own() {
        let keys: Vec<(u8, String)> = (0..5).map(|_| key("Putin")).collect();
        let weights = [PAGE_BUDGET / 2, PAGE_BUDGET / 2, 1, 3 * PAGE_BUDGET, 1];
        let pages: Vec<usize> = places(&keys, &weights).iter().map(|p| p.page).collect();
        assert_eq!(pages, [1, 1, 2, 3, 4]);
    }

    #[test]
    fn no_quotations_no_places() {
        assert!(places(&[], &[]).is_empty());
    }
}
