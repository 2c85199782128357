//! Wire credits: the agency a story is from, as its tags and credit lines say ("MOSCOW
//! (Reuters) -", "(أ ف ب)", "AFP I PTI", "— РИА Новости."), mapped to one name per agency.
//!
//! A credit counts where credits stand: a wire tag the cleaner cut, a line of its own, the
//! opening of the first paragraph or the close of the last. An agency named in running text
//! ("Reuters reported that") is a source, not a credit.

use corpus::{Cleaned, DropReason};

use super::agencies::credit;
use super::byline;
use super::vocab;

/// Whether text before a credit is a dateline place: a few capitalised words or a
/// word in a script without capitals, with an optional date ("MOSCOW", "Berlin",
/// "ZAGREB, 15. srpnja 2016.", "Madrid, 15 jul", "موسكو").
fn is_place(text: &str) -> bool {
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let fits = |w: &&str| {
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        !lower || vocab::month(&w.to_lowercase()).is_some() || matches!(*w, "de" | "del")
    };
    words.len() <= 7 && words.iter().all(fits) && !text.contains(['!', '?', '"', '“', '”'])
}

/// A credit opening a paragraph: "MOSCOW (Reuters) -", "Berlin (dpa) -", "(ANSA) - ROMA",
/// "موسكو (أ ف ب) -", "МОСКВА, 15 июля. /ТАСС/.", "МОСКВА, 15 июл — РИА Новости.",
/// "新华社莫斯科7月15日电".
/// Returns the agencies and the credit as written.
fn opening(text: &str) -> Option<(String, String)> {
    let head: String = text.chars().take(100).collect();
    // Chinese agencies open with their name, the place, the date and "电" (cable):
    // "新华社莫斯科7月15日电".
    let cable: String = head.chars().take(24).collect();
    if let Some(at) = cable.find('电')
        && let Some(names) = credit(&cable.chars().take(3).collect::<String>())
    {
        return Some((names, cable[..at + '电'.len_utf8()].to_string()));
    }
    for (open, close) in [('(', ')'), ('[', ']'), ('/', '/')] {
        let Some(at) = head.find(open) else { continue };
        let Some(end) = head[at + 1..].find(close).map(|e| at + 1 + e) else { continue };
        let place = head[..at].trim().trim_end_matches([',', '.', ' ']);
        // "The AP (Associated Press) reported" is running text: a tag is followed by a dash,
        // a stop or the body's first capital.
        let body_follows = !head[end + 1..].trim_start().starts_with(char::is_lowercase);
        if (place.is_empty() || is_place(place))
            && body_follows
            && let Some(names) = credit(&head[at..=end])
        {
            return Some((names, head[..=end].trim().to_string()));
        }
    }
    let (at, dash) = ["—", "–", " - "].iter().filter_map(|d| head.find(d).map(|at| (at, *d))).min()?;
    let place = head[..at].trim();
    if let Some(names) = credit(place) {
        return Some((names, head[..at + dash.len()].trim().to_string()));
    }
    let name = head[at + dash.len()..].split(['.', ':']).next()?;
    let names = credit(name).filter(|_| is_place(place))?;
    Some((names, head[..at + dash.len() + name.len()].trim().to_string()))
}

/// A credit closing a paragraph: "... body.– (Reuters)", "... gesagt. (dpa)", "... said. —AP".
fn closing(text: &str) -> Option<(String, String)> {
    let trimmed = text.trim_end();
    let cut = if trimmed.ends_with([')', ']', '/']) {
        let open = match trimmed.chars().next_back()? {
            ')' => '(',
            ']' => '[',
            _ => '/',
        };
        trimmed[..trimmed.len() - 1].rfind(open)?
    } else {
        ["—", "–", " - "].iter().filter_map(|d| trimmed.rfind(d)).max()?
    };
    let tag = &trimmed[cut..];
    let names = credit(tag)?;
    let body = trimmed[..cut].trim_end().trim_end_matches(['-', '–', '—']).trim_end();
    let ends_sentence = body.ends_with(['.', '!', '?', '"', '”', '»', '…', '\'', '’']);
    ends_sentence.then(|| (names, tag.to_string()))
}

/// The agencies credited in one piece of text standing on its own, as a whole or at either end.
fn credited(text: &str) -> Option<(String, String)> {
    credit(text).map(|names| (names, text.to_string())).or_else(|| opening(text)).or_else(|| closing(text))
}

/// The wire agency credited, and the credit as written: from a wire tag the cleaner cut
/// ("MOSCOW (AFP) -", "– (Reuters)"), the opening of the first paragraph or the close of the
/// last, a credit line the cleaner dropped, a byline's agency ("By JOHN SMITH, Associated
/// Press"); failing those, an agency credited in brackets after a caption ("[AFP]").
pub(in crate::cli::import) fn wire(cleaned: &Cleaned) -> Option<(String, String)> {
    let tag = cleaned.dropped.iter().filter(|d| d.reason == DropReason::WireTag).find_map(|d| {
        let names = credited(&d.text).map(|(names, _)| names).or_else(|| {
            // An agency the cleaner knows by shape only ("(Thomson Reuters Foundation)").
            let inner = d.text.split_once('(')?.1.split_once(')')?.0.trim();
            (!inner.is_empty()).then(|| inner.to_string())
        });
        names.map(|names| (names, d.text.clone()))
    });
    let whole = |text: &str| credit(text).map(|names| (names, text.to_string()));
    let blocks = &cleaned.blocks;
    // A standfirst may stand before the paragraph a tag opens, a line of links after the
    // one it closes.
    let opens = || blocks.iter().take(2).find_map(|b| whole(&b.text).or_else(|| opening(&b.text)));
    let closes = || blocks.iter().rev().take(2).find_map(|b| whole(&b.text).or_else(|| closing(&b.text)));
    let ignored = |reason| {
        matches!(reason, DropReason::Caption | DropReason::Contact | DropReason::Copyright | DropReason::Title)
    };
    let short = |d: &&corpus::Dropped| !ignored(d.reason) && d.text.chars().count() <= 120;
    tag.or_else(opens)
        .or_else(closes)
        .or_else(|| cleaned.dropped.iter().filter(short).find_map(|d| credited(&d.text)))
        .or_else(|| byline::lines(cleaned).into_iter().find_map(byline::agency_of))
        .or_else(|| {
            cleaned.dropped.iter().filter(|d| d.reason == DropReason::Caption).find_map(|d| {
                let inner = d.text.strip_suffix(']')?.rsplit_once('[')?.1.trim();
                Some((credit(inner)?, format!("[{inner}]")))
            })
        })
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
