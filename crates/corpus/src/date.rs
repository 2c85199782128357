//! Calendar dates as the content files write them (`YYYY-MM-DD`).

use std::fmt;

/// A calendar date, validated (months 1–12, days within the month, leap years honoured).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, 1000–9999.
    pub year: u16,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, 1–31.
    pub day: u8,
}

/// English month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The number (1–12) of a month written as a word, in any case: its full name, its first
/// three letters, or "Sept".
pub fn month_number(word: &str) -> Option<u8> {
    let word = word.to_lowercase();
    let word = if word == "sept" { "sep" } else { word.as_str() };
    let index = MONTH_NAMES.iter().position(|m| {
        let name = m.to_lowercase();
        name == word || (word.len() == 3 && name.starts_with(word))
    })?;
    u8::try_from(index + 1).ok()
}

/// Why a text is not a `YYYY-MM-DD` date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not shaped `YYYY-MM-DD`.
    #[error("invalid date {0:?}: expected YYYY-MM-DD")]
    Shape(String),
    /// A part that does not read as a number.
    #[error("invalid {part} in {text:?}")]
    Part {
        /// The text.
        text: String,
        /// "year", "month" or "day".
        part: &'static str,
    },
    /// A year before 1000.
    #[error("invalid date {0:?}: year before 1000")]
    TooEarly(String),
    /// A month outside 1 to 12.
    #[error("invalid date {text:?}: there is no month {month}")]
    NoMonth {
        /// The text.
        text: String,
        /// The month it gives.
        month: u8,
    },
    /// A day the month does not have.
    #[error("invalid date {text:?}: {} {year} has days 1 to {last}", MONTH_NAMES[usize::from(*month) - 1])]
    NoDay {
        /// The text.
        text: String,
        /// Its year.
        year: u16,
        /// Its month, 1 to 12.
        month: u8,
        /// The month's last day.
        last: u8,
    },
}

impl Date {
    /// Parses `YYYY-MM-DD`, rejecting other shapes and impossible dates, with an error that
    /// says what is wrong.
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bytes = text.as_bytes();
        let shaped = bytes.len() == 10
            && bytes[4] == b'-'
            && bytes[7] == b'-'
            && bytes.iter().enumerate().all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
        if !shaped {
            return Err(DateError::Shape(text.to_string()));
        }
        let part = |part| DateError::Part { text: text.to_string(), part };
        let year: u16 = text[0..4].parse().map_err(|_| part("year"))?;
        let month: u8 = text[5..7].parse().map_err(|_| part("month"))?;
        let day: u8 = text[8..10].parse().map_err(|_| part("day"))?;
        if year < 1000 {
            return Err(DateError::TooEarly(text.to_string()));
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::NoMonth { text: text.to_string(), month });
        }
        let last = days_in_month(year, month);
        if day == 0 || day > last {
            return Err(DateError::NoDay { text: text.to_string(), year, month, last });
        }
        Ok(Date { year, month, day })
    }

    /// The date as readers see it: "1 September 2016".
    pub fn label(&self) -> String {
        format!("{} {} {}", self.day, self.month_name(), self.year)
    }

    /// The English name of the month.
    pub fn month_name(&self) -> &'static str {
        MONTH_NAMES[usize::from(self.month) - 1]
    }

    /// Days since 1970-01-01, for measuring gaps between dates.
    pub fn days_since_epoch(&self) -> i64 {
        // Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar.
        let (y, m, d) = (i64::from(self.year), i64::from(self.month), i64::from(self.day));
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => 29,
        2 => 28,
        _ => 31,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let date = Date::parse("2016-09-01").unwrap();
        assert_eq!(date.to_string(), "2016-09-01");
        assert_eq!(date.label(), "1 September 2016");
    }

    #[test]
    fn rejects_impossible_dates() {
        for bad in ["2016-02-30", "2015-02-29", "2016-13-01", "2016-00-10", "2016-9-1", "16-09-01", "2016/09/01", ""] {
            assert!(Date::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(Date::parse("2016-02-29").is_ok());
    }

    #[test]
    fn reads_month_words() {
        for (word, number) in [("July", 7), ("jul", 7), ("SEPT", 9), ("sep", 9), ("december", 12), ("May", 5)] {
            assert_eq!(month_number(word), Some(number), "{word}");
        }
        for word in ["ju", "july2", "junee", "marc", ""] {
            assert_eq!(month_number(word), None, "{word}");
        }
    }

    #[test]
    fn counts_days_between_dates() {
        let a = Date::parse("2016-07-14").unwrap();
        let b = Date::parse("2016-09-01").unwrap();
        assert_eq!(b.days_since_epoch() - a.days_since_epoch(), 49);
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
    }
}
