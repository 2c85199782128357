//! Dates written in a line, in the common formats of many languages: "September 02, 2016",
//! "15.07.2016", "2016-07-15T10:00:00Z", "15 de julho de 2016", "15. srpnja 2016.",
//! "15 تموز 2016", "2016年7月15日".
//!
//! A line counts only when it is a date line: its dates, labels ("Updated"), weekdays and
//! times, with at most a few capitalised words beside them (a place, a byline). A date in
//! running text is not the article's date.

use corpus::Date;

use super::agencies::credit;
use super::byline::is_byline;
use super::tokens::{Kind, Token, tokens};
use super::vocab;

/// What a reading of dates needs to know beyond the line.
#[derive(Debug, Clone, Copy)]
pub(super) struct Reading {
    /// Today: a date more than a day after it is a misreading (or a typo), not a publication date.
    pub(super) today: Date,
    /// Whether "03/04/2016" reads as March 4 (see [`Reads::Either`]).
    pub(super) us_order: bool,
}

/// The earliest year read: news on the web, and no misread "15.07.1916".
const FIRST_YEAR: u32 = 1990;

/// A date as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reads {
    /// One date.
    One(Date),
    /// A numeric date that is a valid date read day first and month first ("03/04/2016"):
    /// the day-first date, the month-first one, and whether it is written with slashes.
    ///
    /// Decided: a weekday in the line picks whichever falls on it. Otherwise slashes read in
    /// US order only when the text is otherwise English from a site not in a day-first
    /// country ([`Reading::us_order`]); hyphens ("03-04-2016") are not read, as both orders
    /// use them. `dd.mm.yyyy` is always day first and never gets here.
    Either(Date, Date, bool),
}

/// The date `year-month-day` when it is a real date from [`FIRST_YEAR`] to a day after today.
fn date(year: u32, month: u32, day: u32, reading: &Reading) -> Option<Date> {
    if !(FIRST_YEAR..=9999).contains(&year) || month > 12 || day > 31 {
        return None;
    }
    let date = Date::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()?;
    (date.days_since_epoch() <= reading.today.days_since_epoch() + 1).then_some(date)
}

/// The day of the week of a date, 0 being Monday.
fn weekday_of(date: Date) -> u8 {
    // 1970-01-01 was a Thursday.
    u8::try_from((date.days_since_epoch() + 3).rem_euclid(7)).unwrap_or(0)
}

/// `2016-07-15`, `2016/07/15`, `15.07.2016`, `15/07/2016`, `07/15/2016` at `i`, each number
/// joined to the next by the same mark, with no digits joined on either side.
fn numeric(t: &[Token], i: usize, reading: &Reading) -> Option<(Reads, usize)> {
    let [a, s1, b, s2, c] = t.get(i..i + 5)? else { return None };
    let ((a, an), (b, bn), (c, cn)) = (a.number()?, b.number()?, c.number()?);
    let sep = ['-', '/', '.'].into_iter().find(|&m| s1.is(m) && s2.is(m))?;
    if t[i + 1..i + 5].iter().any(|t| t.spaced) {
        return None;
    }
    // "1.15.07.2016" and "15.07.2016.1" are no dates: more numbers are joined on.
    let joined = |mark: &Token, number: &Token| {
        !mark.spaced && ['-', '/', '.', ':'].iter().any(|&c| mark.is(c)) && number.number().is_some()
    };
    let before = i >= 2 && !t[i].spaced && joined(&t[i - 1], &t[i - 2]);
    let after = matches!(t.get(i + 5..i + 7), Some([m, n]) if !n.spaced && joined(m, n));
    if before || after {
        return None;
    }
    let reads = if an == 4 && bn <= 2 && cn <= 2 {
        Reads::One(date(a, b, c, reading)?)
    } else if cn == 4 && an <= 2 && bn <= 2 {
        match (date(c, b, a, reading), date(c, a, b, reading)) {
            (Some(d), _) if sep == '.' => Reads::One(d),
            (Some(d), Some(m)) if d != m && sep != '.' => Reads::Either(d, m, sep == '/'),
            (Some(d), _) | (None, Some(d)) if sep != '.' => Reads::One(d),
            _ => return None,
        }
    } else {
        return None;
    };
    Some((reads, i + 5))
}

/// "2016年7月15日" (Chinese, Japanese) and "2016년 7월 15일" (Korean) at `i`.
fn east_asian(t: &[Token], i: usize, reading: &Reading) -> Option<(Reads, usize)> {
    let [y, yw, m, mw, d, dw] = t.get(i..i + 6)? else { return None };
    let ((year, 4), (month, _), (day, _)) = (y.number()?, m.number()?, d.number()?) else { return None };
    let marked = |token: &Token, marks: [&str; 2]| token.word().is_some_and(|w| marks.iter().any(|m| w.starts_with(m)));
    let ok = marked(yw, ["年", "년"]) && marked(mw, ["月", "월"]) && marked(dw, ["日", "일"]);
    ok.then(|| date(year, month, day, reading).map(|d| (Reads::One(d), i + 6))).flatten()
}

/// The month named at `j`, by one word or a Levantine two, and where it ends.
fn one_month(t: &[Token], j: usize) -> Option<(u8, usize)> {
    let word = t.get(j)?.word()?;
    match t.get(j + 1).and_then(Token::word).and_then(|second| vocab::two_word_month(word, second)) {
        Some(month) => Some((month, j + 2)),
        None => Some((vocab::month(word)?, j + 1)),
    }
}

/// The month named at `j` and where it ends: one name, or two calendars' names of the same
/// month ("تموز/يوليو", as Arab sites write it).
fn month_at(t: &[Token], j: usize) -> Option<(u8, usize)> {
    let (month, end) = one_month(t, j)?;
    if t.get(end).is_some_and(|m| m.is('/') || m.is('-'))
        && let Some((other, after)) = one_month(t, end + 1)
    {
        return (other == month).then_some((month, after));
    }
    Some((month, end))
}

/// Past `j` when it holds `mark`.
fn skip_mark(t: &[Token], j: usize, mark: char) -> usize {
    if t.get(j).is_some_and(|m| m.is(mark)) { j + 1 } else { j }
}

/// Past `j` when it holds one of `words`.
fn skip_word(t: &[Token], j: usize, words: &[&str]) -> usize {
    if t.get(j).and_then(Token::word).is_some_and(|w| words.contains(&w)) { j + 1 } else { j }
}

/// Past an ordinal's ending joined to a day ("1st", "1er", "1º").
fn skip_ordinal(t: &[Token], j: usize) -> usize {
    const ENDINGS: &[&str] = &["st", "nd", "rd", "th", "er", "re", "e", "ème", "eme", "º", "ª", "o", "a"];
    if t.get(j).is_some_and(|w| !w.spaced) { skip_word(t, j, ENDINGS) } else { j }
}

/// A day of one or two digits at `i`, not the minutes of a time ("10:15 July" is no date).
fn day_at(t: &[Token], i: usize) -> Option<u32> {
    let (day, digits) = t.get(i)?.number()?;
    let minutes = i >= 2 && !t[i].spaced && t[i - 1].is(':');
    (digits <= 2 && !minutes).then_some(day)
}

/// A year of four digits at `j`.
fn year_at(t: &[Token], j: usize) -> Option<u32> {
    t.get(j)?.number().filter(|&(_, digits)| digits == 4).map(|(year, _)| year)
}

/// "15 July 2016", "15. Juli 2016", "15th of July, 2016", "15 de julho de 2016",
/// "15. srpnja 2016.", "15 июля 2016", "15 تموز/يوليو 2016" at `i`.
fn day_month_year(t: &[Token], i: usize, reading: &Reading) -> Option<(Reads, usize)> {
    let day = day_at(t, i)?;
    let j = skip_word(t, skip_mark(t, skip_ordinal(t, i + 1), '.'), &["of", "de", "del"]);
    let (month, j) = month_at(t, j)?;
    let j = skip_word(t, skip_mark(t, skip_mark(t, j, '.'), ','), &["de", "del"]);
    let year = year_at(t, j)?;
    Some((Reads::One(date(year, u32::from(month), day, reading)?), j + 1))
}

/// "July 15, 2016", "Dec. 15 2015", "Sept. 1st, 2016" at `i`.
fn month_day_year(t: &[Token], i: usize, reading: &Reading) -> Option<(Reads, usize)> {
    let (month, j) = month_at(t, i)?;
    let j = skip_mark(t, j, '.');
    let day = day_at(t, j)?;
    let j = skip_mark(t, skip_ordinal(t, j + 1), ',');
    let year = year_at(t, j)?;
    Some((Reads::One(date(year, u32::from(month), day, reading)?), j + 1))
}

/// The dates of a date line, each with whether a label before it ("Updated", "Mis à jour")
/// makes it an update; `carried` is the label of a line of its own just before. Nothing
/// when the line is not a date line.
pub(super) fn date_line(line: &str, carried: Option<bool>, reading: &Reading) -> Option<Vec<(Date, bool)>> {
    if line.chars().count() > 200 {
        return None;
    }
    let t = tokens(line);
    let (written, used) = scan(&t, carried, reading);
    if written.is_empty() || !shaped_like_date_line(line, &t, &used) {
        return None;
    }
    let dates = resolve(&t, written, reading);
    (!dates.is_empty()).then_some(dates)
}

/// The first date written in `text`, wherever it stands and whatever stands around it, in
/// any of the formats and languages of [`date_line`]: for text known to hold the article's
/// date, such as what a page shows by its headline. A slashed date that reads both ways is
/// not read.
pub(in crate::cli::import) fn first_date(text: &str) -> Option<Date> {
    let reading = Reading { today: today(), us_order: false };
    let t = tokens(text);
    let (written, _) = scan(&t, None, &reading);
    resolve(&t, written.into_iter().take(1).collect(), &reading).first().map(|d| d.0)
}

/// The dates written in `t` as they read, each with whether a label makes it an update, and
/// which tokens they take.
fn scan(t: &[Token], carried: Option<bool>, reading: &Reading) -> (Vec<(Reads, bool)>, Vec<bool>) {
    let mut used = vec![false; t.len()];
    let mut written: Vec<(Reads, bool)> = Vec::new();
    let mut updated = carried.unwrap_or(false);
    let mut i = 0;
    while i < t.len() {
        let found = east_asian(t, i, reading)
            .or_else(|| numeric(t, i, reading))
            .or_else(|| day_month_year(t, i, reading))
            .or_else(|| month_day_year(t, i, reading));
        if let Some((reads, end)) = found {
            used[i..end].fill(true);
            written.push((reads, updated));
            i = end;
            continue;
        }
        if let Some(label) = t[i].word().and_then(vocab::label) {
            updated = label;
        }
        i += 1;
    }
    (written, used)
}

/// The dates `written` in `t` are, checked against a weekday the text names when it writes
/// one date, and with a slashed date that reads both ways decided (see [`Reads::Either`]).
fn resolve(t: &[Token], written: Vec<(Reads, bool)>, reading: &Reading) -> Vec<(Date, bool)> {
    let weekdays: Vec<u8> = t.iter().filter_map(Token::word).filter_map(vocab::weekday).collect();
    let weekday = weekdays.first().copied().filter(|&w| weekdays.iter().all(|&o| o == w));
    let single = written.len() == 1;
    let on_weekday = |d: &Date| weekday.is_none_or(|w| !single || weekday_of(*d) == w);
    let read = |reads| match reads {
        Reads::One(d) => Some(d).filter(on_weekday),
        Reads::Either(d, m, slashes) => match (weekday.is_some() && single, on_weekday(&d), on_weekday(&m)) {
            (true, true, false) => Some(d),
            (true, false, true) => Some(m),
            (false, _, _) if slashes && reading.us_order => Some(m),
            _ => None,
        },
    };
    written.into_iter().filter_map(|(reads, updated)| read(reads).map(|d| (d, updated))).collect()
}

/// Whether a line with dates is a date line. Split at `|`, `•`, `·`, and dashes and slashes
/// between spaces, each part holds, besides dates, numbers and date words, no lower-case
/// word and at most one word in a script without capitals (a place): at most three
/// capitalised words (a place, a name) in a part with a date, six in one without ("World",
/// "Middle East"), where a byline or a wire credit may also stand. Running text has
/// lower-case words around its dates; "Related: Putin Meets Erdogan, June 28" has too many
/// capitals.
fn shaped_like_date_line(line: &str, t: &[Token], used: &[bool]) -> bool {
    const SEPARATORS: &[char] = &['|', '•', '·', '—', '–', '-', '/'];
    let separates =
        |at: usize| SEPARATORS.iter().any(|&s| t[at].is(s)) && t[at].spaced && t.get(at + 1).is_none_or(|n| n.spaced);
    if t.iter().filter(|t| t.word().is_some()).count() > 24 {
        return false;
    }
    let mut start = 0;
    for end in (0..=t.len()).filter(|&at| at == t.len() || separates(at)) {
        let part = start..end;
        start = end + 1;
        let dated = used[part.clone()].iter().any(|&u| u);
        let others: Vec<Option<bool>> = part
            .clone()
            .filter(|&at| !used[at])
            .filter_map(|at| match &t[at].kind {
                Kind::Word(word, capital) if !vocab::is_date_word(word) => Some(*capital),
                _ => None,
            })
            .collect();
        let caseless = others.iter().filter(|c| c.is_none()).count();
        let fits = caseless <= 1 && !others.contains(&Some(false)) && others.len() <= if dated { 3 } else { 6 };
        let text = || {
            let from = t.get(part.start).map_or(line.len(), |t| t.at);
            let to = t.get(part.end).map_or(line.len(), |t| t.at);
            line.get(from..to).unwrap_or("")
        };
        if !fits && (dated || !(is_byline(text()) || credit(text()).is_some())) {
            return false;
        }
    }
    true
}

/// A line of labels only ("Updated:", "Veröffentlicht am"): the label it puts on the next line.
pub(super) fn label_line(line: &str) -> Option<bool> {
    let t = tokens(line);
    let words: Vec<&str> = t.iter().filter_map(Token::word).collect();
    let only_words_and_marks = t.iter().all(|t| t.number().is_none());
    let label = words.iter().rev().find_map(|w| vocab::label(w))?;
    (only_words_and_marks && words.iter().all(|w| vocab::is_date_word(w))).then_some(label)
}

/// Today's date by the system clock, in UTC.
pub(in crate::cli::import) fn today() -> Date {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    // Howard Hinnant's civil_from_days, the inverse of Date::days_since_epoch.
    let z = i64::try_from(seconds / 86_400).unwrap_or(0) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::parse(&format!("{year:04}-{month:02}-{day:02}")).unwrap_or(Date { year: 9999, month: 12, day: 31 })
}

#[cfg(test)]
#[path = "dates_tests.rs"]
mod tests;
