//! The publication date of a pasted article: from its date lines, else from its URL.

use corpus::{Cleaned, Date, DropReason};

use super::address::{host, url_of};
use super::dates::{Reading, date_line, label_line, today};
use super::headline::title;

/// How many lines from the top of the raw text may hold its date line.
const TOP_LINES: usize = 12;

/// How many of the cleaned article's first paragraphs may be a date line the cleaner kept
/// (one in a language it does not read).
const TOP_BLOCKS: usize = 3;

/// A date found, whether it is an update, and the line it was read in.
type Found = (Date, bool, String);

/// The publication date: from the date lines the cleaner dropped, the first paragraphs it
/// kept and the lines near the top of the raw text (`lines`, normalised; may be empty),
/// dates not labelled "updated" first, when they agree on one date; else from a date in
/// the URL. The `String` says where it was found ("date line \"15 July, 2016\"", "URL").
pub(in crate::cli::import) fn published_from(
    cleaned: &Cleaned,
    lines: &[String],
    url: Option<&str>,
) -> Option<(Date, String)> {
    let text = cleaned.blocks.iter().map(|b| b.text.as_str()).chain(lines.iter().map(String::as_str));
    let reading = Reading { today: today(), us_order: us_order(text, url) };
    let mut found: Vec<Found> = Vec::new();
    let dropped = cleaned.dropped.iter().filter(|d| may_hold_date(d.reason)).map(|d| d.text.as_str());
    let blocks = cleaned.blocks.iter().take(TOP_BLOCKS).map(|b| b.text.as_str());
    for line in dropped.chain(blocks) {
        found.extend(dated(line, None, &reading));
    }
    found.extend(top_lines(lines, &reading));
    choose(&found).or_else(|| url.and_then(date_in_url).map(|date| (date, "URL".to_string())))
}

/// Dropped text that may be a date line: not a caption (the day a photo was taken), a
/// headline, a copyright year or an editor's note. Reasons added to the cleaner later are
/// read, as their lines must still pass as date lines.
fn may_hold_date(reason: DropReason) -> bool {
    !matches!(
        reason,
        DropReason::Caption
            | DropReason::Title
            | DropReason::Copyright
            | DropReason::Contact
            | DropReason::EditorsNote
            | DropReason::Url
            | DropReason::Identifier
            | DropReason::ReadingTime
    )
}

/// The dates of a date line with the line they were read in.
fn dated(line: &str, carried: Option<bool>, reading: &Reading) -> Vec<Found> {
    let dates = date_line(line, carried, reading).unwrap_or_default();
    dates.into_iter().map(|(date, updated)| (date, updated, line.to_string())).collect()
}

/// The dates of the first lines of the raw text, but for URL lines and the headline (which
/// may well have a date in it); a line of labels only labels the next.
fn top_lines(lines: &[String], reading: &Reading) -> Vec<Found> {
    let headline = title(lines);
    let mut found = Vec::new();
    let mut carried = None;
    let content = lines.iter().filter(|l| !l.is_empty() && url_of(l).is_none());
    for line in content.filter(|l| Some(l.as_str()) != headline.as_deref()).take(TOP_LINES) {
        if let Some(label) = label_line(line) {
            carried = Some(label);
            continue;
        }
        found.extend(dated(line, carried.take(), reading));
    }
    found
}

/// The date the found dates agree on, the published ones if any, else the updated ones.
fn choose(found: &[Found]) -> Option<(Date, String)> {
    let published: Vec<&Found> = found.iter().filter(|f| !f.1).collect();
    let chosen = if published.is_empty() { found.iter().collect() } else { published };
    let first = chosen.first()?;
    chosen.iter().all(|f| f.0 == first.0).then(|| (first.0, format!("date line {:?}", first.2)))
}

/// Whether a slashed date that reads both ways reads in US order: when the text is English
/// and the URL is not of a site in a country that writes the day first.
fn us_order<'a>(text: impl Iterator<Item = &'a str>, url: Option<&str>) -> bool {
    const DAY_FIRST: &[&str] = &["uk", "ie", "au", "nz", "in", "za", "sg", "pk", "ng", "ke", "lk", "my", "hk", "mt"];
    let tld = url.map(host).and_then(|h| h.rsplit('.').next().map(str::to_string)).unwrap_or_default();
    english(text) && !DAY_FIRST.contains(&tld.as_str())
}

/// Whether a text is English: a fifth of its words or more (of the first 2,000) are the
/// commonest English words, where English news runs near a third and other languages near
/// none.
fn english<'a>(text: impl Iterator<Item = &'a str>) -> bool {
    const COMMON: &[&str] = &[
        "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "said", "was", "by", "as", "at", "from",
        "has", "have", "are", "it", "he", "his", "its", "be", "an", "will", "not", "were", "this", "who",
    ];
    let words = text.flat_map(|t| t.split(|c: char| !c.is_alphanumeric())).filter(|w| !w.is_empty()).take(2000);
    let (mut all, mut common) = (0usize, 0usize);
    for word in words {
        all += 1;
        common += usize::from(COMMON.iter().any(|c| c.eq_ignore_ascii_case(word)));
    }
    all >= 20 && common * 5 >= all
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` anywhere in a URL, between non-digits.
pub(super) fn date_in_url(url: &str) -> Option<Date> {
    let bytes = url.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let s = &url.get(i..i + 10)?;
        let sep = s.as_bytes()[4];
        let shaped = (sep == b'-' || sep == b'/') && s.as_bytes()[7] == sep;
        let bounded =
            (i == 0 || !bytes[i - 1].is_ascii_digit()) && bytes.get(i + 10).is_none_or(|b| !b.is_ascii_digit());
        (shaped && bounded).then(|| Date::parse(&s.replace('/', "-")).ok()).flatten()
    })
}

#[cfg(test)]
#[path = "published_tests.rs"]
mod tests;
