//! Reading single values as pages write them: dates, language tags, escaped text.

use super::super::find::first_date;
use corpus::Date;

/// The calendar date of a date stamp as the page wrote it: ISO 8601 with or without a time
/// and zone ("2019-11-20T08:00:00.000Z", "2019/11/20"), "20191120", or words ("Nov 20,
/// 2019"). The zone is ignored: the date the outlet wrote is its own local date, which
/// converting to UTC would change.
pub(super) fn parse_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let b = text.as_bytes();
    let digits =
        |from: usize, to: usize| b.get(from..to).filter(|s| s.iter().all(u8::is_ascii_digit)).map(|_| &text[from..to]);
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    if let (Some(y), Some(m), Some(d)) = (digits(0, 4), digits(5, 7), digits(8, 10))
        && matches!(b[4], b'-' | b'/' | b'.')
        && b[7] == b[4]
        && !digit_at(10)
    {
        return Date::parse(&format!("{y}-{m}-{d}")).ok();
    }
    // "20191120", alone or before a time ("20191120T0800", "20191120083000").
    if let (Some(y), Some(m), Some(d)) = (digits(0, 4), digits(4, 6), digits(6, 8))
        && (b.len() == 8 || b[8] == b'T' || (b.len() == 14 && digits(0, 14).is_some()))
    {
        return Date::parse(&format!("{y}-{m}-{d}")).ok();
    }
    first_date(text)
}

/// Whether `shown`, the date a page shows, is the local date of the UTC time stamp `stamp`
/// whose date is `date`: one day off, in the direction the hour allows for the zones news
/// sites are in (UTC−10 to UTC+11). US sites stamp evening articles with the next day in UTC.
pub(super) fn local_date_of(stamp: &str, date: Date, shown: Date) -> bool {
    let s = stamp.trim();
    let b = s.as_bytes();
    let shaped = b.len() >= 16 && b[4] == b'-' && matches!(b[10], b'T' | b' ') && b[13] == b':';
    let Some(hour) = s.get(11..13).filter(|_| shaped).and_then(|h| h.parse::<u8>().ok()) else { return false };
    // A stamp with no zone is UTC on the sites that leave it out.
    let zone =
        s.get(16..).unwrap_or("").trim_start_matches(|c: char| c.is_ascii_digit() || c == ':' || c == '.').trim();
    let utc = matches!(zone, "" | "Z" | "+00:00" | "+0000" | "-00:00" | "UTC" | "GMT");
    match shown.days_since_epoch() - date.days_since_epoch() {
        -1 => utc && hour < 10,
        1 => utc && hour >= 13,
        _ => false,
    }
}

/// A BCP 47-shaped tag ("en", "pt-BR", "zh-Hant") from what pages write ("en_US", "EN-us",
/// "en-US,en"), or nothing when the primary subtag is not two or three letters.
pub(super) fn language_tag(text: &str) -> Option<String> {
    let text = text.split([',', ';']).next()?.trim().replace('_', "-");
    let mut parts = text.split('-').filter(|p| !p.is_empty());
    let primary = parts.next()?;
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = primary.to_ascii_lowercase();
    for part in parts.filter(|p| p.chars().all(|c| c.is_ascii_alphanumeric())) {
        tag.push('-');
        match part.len() {
            2 => tag.push_str(&part.to_ascii_uppercase()),
            4 => tag.push_str(&(part[..1].to_ascii_uppercase() + &part[1..].to_ascii_lowercase())),
            _ => tag.push_str(&part.to_ascii_lowercase()),
        }
    }
    Some(tag)
}

/// The text as a reader sees it: character references decoded and white space (no-break
/// spaces included) collapsed.
pub(super) fn clean(text: &str) -> String {
    crate::render::html::unescape(text)
        .split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
