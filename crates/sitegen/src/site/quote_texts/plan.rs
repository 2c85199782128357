//! What a quotation's entry shows: its reports grouped by wording, how many of each group it
//! lists, and about how many bytes that takes, so pages of quotations can be cut by size.
//!
//! A quotation carried by 1,000 sources in the same words is one group of 1,000, listed
//! once; an entry stops listing at [`ENTRY_BUDGET`] bytes and counts the rest, so no entry
//! (and no page) grows without bound.

use std::collections::HashMap;

use annotate::quotes::Quote;
use corpus::Corpus;

use crate::render::diff::Words;

/// Bytes of wordings and links one entry lists at most (about 2,500 links); what is left
/// is counted, not listed. Every source page still links to the quotation.
const ENTRY_BUDGET: usize = 400 * 1024;
/// Markup around an entry (figure, caption, speaker): an upper bound, in bytes.
const ENTRY_MARKUP: usize = 1_000;
/// Markup around a group of reports (its paragraph, `<details>`, counts).
const GROUP_MARKUP: usize = 300;
/// Markup around one report's link (`<a href="../sources/….html#p12">… ¶12</a>, `).
const LINK_MARKUP: usize = 70;
/// The "(inferred)" note after an outlet whose name was inferred.
const INFERRED_MARKUP: usize = 45;
/// The link to a named speaker's page, around its slug (`<a class="speaker" href="../speakers/….html">`).
const NAMED_MARKUP: usize = 80;
/// `<ins>`/`<del>` around one word of a wording's differences, at most.
const DIFF_TAGS: usize = 12;

/// A quotation's entry, before any HTML is made.
pub(crate) struct Plan {
    /// Report indexes grouped by their words (whatever the punctuation and quote style): the
    /// first report's group first, then larger groups first, then by first report. Each
    /// group lists its reports in the quotation's order.
    pub(crate) groups: Vec<Vec<usize>>,
    /// How many groups the entry shows; the others are only counted.
    pub(crate) shown: usize,
    /// For each shown group, how many of its reports the entry links; the others are counted.
    pub(crate) listed: Vec<usize>,
    /// About how many bytes the entry takes on a page (an upper bound for the usual markup).
    pub(crate) weight: usize,
}

/// The bytes `text` takes once HTML-escaped as the templates escape it.
pub(crate) fn escaped_len(text: &str) -> usize {
    text.bytes()
        .map(|b| match b {
            b'&' | b'\'' => 5,
            b'<' | b'>' => 4,
            b'"' => 6,
            _ => 1,
        })
        .sum()
}

/// Plans the entry of `quote`, whose reports' words are `texts` (in report order).
pub(crate) fn plan(corpus: &Corpus, quote: &Quote, texts: &[String]) -> Plan {
    let words: Vec<Words<'_>> = texts.iter().map(|t| Words::new(t)).collect();
    let groups = group_by_words(&words);
    let base = &texts[groups[0][0]];
    let mut weight = ENTRY_MARKUP + escaped_len(base) + quote.speaker_text.as_deref().map_or(0, escaped_len);
    if let Some(named) = quote.named.as_ref().filter(|_| quote.speaker.is_none()) {
        // The speaker's title and name, and the link to their page (its slug is about as
        // long as the name, but for transliteration).
        let title = named.title.as_deref().map_or(0, escaped_len);
        weight += title + 2 * escaped_len(&named.name) + NAMED_MARKUP;
    }
    let mut listed = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        // A group other than the first shows its words with the differences marked.
        let first = group[0];
        let wording = if g == 0 {
            0
        } else {
            escaped_len(base)
                + escaped_len(&texts[first])
                + DIFF_TAGS * (words[groups[0][0]].word_count() + words[first].word_count())
        };
        if g > 0 && weight + GROUP_MARKUP + wording > ENTRY_BUDGET {
            break;
        }
        weight += GROUP_MARKUP + wording;
        let mut count = 0;
        for &r in group {
            let link = link_weight(corpus, quote.reports[r].source);
            // The first group always lists one report, so every entry links somewhere.
            if count > 0 && weight + link > ENTRY_BUDGET {
                break;
            }
            weight += link;
            count += 1;
        }
        listed.push(count);
    }
    Plan { shown: listed.len(), groups, listed, weight }
}

/// The bytes of one report's link to its source, at most.
fn link_weight(corpus: &Corpus, source: usize) -> usize {
    let source = &corpus.sources[source];
    let inferred = if source.meta.outlet_inferred { INFERRED_MARKUP } else { 0 };
    LINK_MARKUP + source.slug.len() + escaped_len(&source.meta.outlet) + inferred
}

/// Report indexes grouped by the same words, ordered as [`Plan::groups`] says.
fn group_by_words(words: &[Words<'_>]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for (r, w) in words.iter().enumerate() {
        let g = *group_of.entry(w.key()).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(r);
    }
    // Groups were made in order of first report: a stable sort by size keeps that order
    // among equals, and the first report's group stays first.
    groups[1..].sort_by_key(|g| std::cmp::Reverse(g.len()));
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_group_by_their_words_the_first_group_first_then_the_larger() {
        let texts = ["We will win.", "we will WIN", "We lost.", "We will lose.", "We will lose", "We lost"];
        let words: Vec<Words<'_>> = texts.iter().map(|t| Words::new(t)).collect();
        assert_eq!(group_by_words(&words), vec![vec![0, 1], vec![2, 5], vec![3, 4]]);
        let words: Vec<Words<'_>> = ["a b", "c", "c", "c"].iter().map(|t| Words::new(t)).collect();
        assert_eq!(group_by_words(&words), vec![vec![0], vec![1, 2, 3]], "the first report's words stay first");
    }

    #[test]
    fn escaping_is_counted_as_the_templates_escape() {
        assert_eq!(escaped_len("a&b<c>\"d'"), 4 + 5 + 4 + 4 + 6 + 5);
    }
}
