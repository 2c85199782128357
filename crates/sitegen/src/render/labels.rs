//! Short labels made from text and dates: a text's first words, a range of dates.

use corpus::Date;

/// The first `count` words of `text`, with an ellipsis when cut.
pub(crate) fn first_words(text: &str, count: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() <= count { text.to_string() } else { format!("{}…", words[..count].join(" ")) }
}

/// "1 September 2016", "14–15 July 2016", "30 June – 2 July 2016", "30 December 2015 – 2 January 2016".
pub(crate) fn date_range_label(start: Date, end: Date) -> String {
    if start == end {
        start.label()
    } else if (start.year, start.month) == (end.year, end.month) {
        format!("{}–{} {} {}", start.day, end.day, end.month_name(), end.year)
    } else if start.year == end.year {
        format!("{} {} – {}", start.day, start.month_name(), end.label())
    } else {
        format!("{} – {}", start.label(), end.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn labels_date_ranges() {
        assert_eq!(date_range_label(date("2016-07-14"), date("2016-07-15")), "14–15 July 2016");
        assert_eq!(date_range_label(date("2016-06-30"), date("2016-07-02")), "30 June – 2 July 2016");
        assert_eq!(date_range_label(date("2015-12-30"), date("2016-01-02")), "30 December 2015 – 2 January 2016");
        assert_eq!(date_range_label(date("2016-09-01"), date("2016-09-01")), "1 September 2016");
    }
}
