//! Calendar days for publication dates.

use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    /// The year.
    pub year: u16,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Day {
    /// The first day of the generated period, 2015-01-01.
    pub const START: Day = Day { year: 2015, month: 1, day: 1 };

    /// Days in the generated period, 2015-01-01 to 2016-12-31.
    pub const PERIOD: usize = 731;

    /// The day `days` after this one.
    pub fn plus(self, days: usize) -> Day {
        let mut d = self;
        for _ in 0..days {
            if d.day < days_in_month(d.year, d.month) {
                d.day += 1;
            } else if d.month < 12 {
                d.month += 1;
                d.day = 1;
            } else {
                d = Day { year: d.year + 1, month: 1, day: 1 };
            }
        }
        d
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_days_across_months_and_leap_years() {
        assert_eq!(Day::START.plus(0).to_string(), "2015-01-01");
        assert_eq!(Day::START.plus(58).to_string(), "2015-02-28");
        assert_eq!(Day::START.plus(365 + 59).to_string(), "2016-02-29");
        assert_eq!(Day::START.plus(Day::PERIOD - 1).to_string(), "2016-12-31");
        assert_eq!(Day::START.plus(Day::PERIOD + 2).to_string(), "2017-01-03");
    }
}
