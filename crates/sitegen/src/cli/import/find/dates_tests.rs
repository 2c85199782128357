use super::*;

fn reading(us_order: bool) -> Reading {
    Reading { today: Date::parse("2025-06-01").unwrap(), us_order }
}

/// The dates of a date line, as text, each with "updated" after it when labelled so.
fn read(line: &str, us_order: bool) -> Vec<String> {
    let dates = date_line(line, None, &reading(us_order)).unwrap_or_default();
    dates.into_iter().map(|(d, updated)| if updated { format!("{d} updated") } else { d.to_string() }).collect()
}

fn one(line: &str) -> Option<String> {
    match read(line, false).as_slice() {
        [date] => Some(date.clone()),
        _ => None,
    }
}

#[test]
fn reads_english_and_numeric_formats() {
    for (line, date) in [
        ("September 02, 2016 10:45 pm", "2016-09-02"),
        ("Tue Dec 15, 2015 3:23 pm", "2015-12-15"),
        ("Tuesday 15 December 2015 10:32 GMT", "2015-12-15"),
        ("15 July, 2016", "2016-07-15"),
        ("July 15, 2016", "2016-07-15"),
        ("Sept. 1st, 2016", "2016-09-01"),
        ("15th of July 2016", "2016-07-15"),
        ("Published: 14 Jul 2016", "2016-07-14"),
        ("Published on 2016-07-15", "2016-07-15"),
        ("2016-07-15T10:00:00Z", "2016-07-15"),
        ("2016/07/15", "2016-07-15"),
        ("15.07.2016", "2016-07-15"),
        ("15.07.2016. 10:45", "2016-07-15"),
        ("15/07/2016", "2016-07-15"),
        ("07/15/2016", "2016-07-15"),
        ("MOSCOW, July 15, 2016", "2016-07-15"),
        ("By John Smith | July 15, 2016", "2016-07-15"),
        ("By John Smith and Jane Doe | July 15, 2016", "2016-07-15"),
        ("World | Middle East | July 15, 2016", "2016-07-15"),
        ("Updated 3:23 PM ET Tue, Dec 15, 2015", "2015-12-15 updated"),
    ] {
        assert_eq!(one(line).as_deref(), Some(date), "{line}");
    }
}

#[test]
fn reads_dates_in_other_languages() {
    for (line, date) in [
        ("15 июля 2016", "2016-07-15"),
        ("15 июля 2016 года, 10:45", "2016-07-15"),
        ("Опубликовано: 15.07.2016 10:45", "2016-07-15"),
        ("15. Juli 2016", "2016-07-15"),
        ("Freitag, 15. Juli 2016, 10:45 Uhr", "2016-07-15"),
        ("15 juillet 2016", "2016-07-15"),
        ("Publié le 15 juillet 2016 à 10h45", "2016-07-15"),
        ("15 de julho de 2016", "2016-07-15"),
        ("15 de julio de 2016", "2016-07-15"),
        ("15 luglio 2016", "2016-07-15"),
        ("15. srpnja 2016.", "2016-07-15"),
        ("Objavljeno: 15. srpnja 2016. u 10:45", "2016-07-15"),
        ("15 јули 2016", "2016-07-15"),
        ("Παρασκευή 15 Ιουλίου 2016", "2016-07-15"),
        ("15 ΙΟΥΛΙΟΥ 2016", "2016-07-15"),
        ("15 Temmuz 2016", "2016-07-15"),
        ("15 يوليو 2016", "2016-07-15"),
        ("15 تموز 2016", "2016-07-15"),
        ("الجمعة 15 تموز/يوليو 2016", "2016-07-15"),
        ("١٥ يوليو ٢٠١٦", "2016-07-15"),
        ("15 كانون الثاني 2016", "2016-01-15"),
        ("2016年7月15日", "2016-07-15"),
        ("2016년 7월 15일", "2016-07-15"),
    ] {
        assert_eq!(one(line).as_deref(), Some(date), "{line}");
    }
}

#[test]
fn published_is_told_from_updated_in_many_languages() {
    assert_eq!(read("Published July 1, 2016 Updated July 2, 2016", false), ["2016-07-01", "2016-07-02 updated"]);
    for line in [
        "Aktualisiert am 16.07.2016",
        "Mis à jour le 16 juillet 2016",
        "Обновлено 16 июля 2016",
        "Atualizado em 16/07/2016",
        "Aggiornato il 16 luglio 2016",
        "Last updated: 16 July 2016",
    ] {
        assert_eq!(read(line, false), ["2016-07-16 updated"], "{line}");
    }
    assert_eq!(read("Veröffentlicht 15.07.2016, aktualisiert 16.07.2016", false), ["2016-07-15", "2016-07-16 updated"]);
    assert_eq!(
        date_line("15 July 2016", Some(true), &reading(false)),
        Some(vec![(Date::parse("2016-07-15").unwrap(), true)])
    );
    assert_eq!(label_line("Updated:"), Some(true));
    assert_eq!(label_line("Veröffentlicht am"), Some(false));
    assert_eq!(label_line("Kerry"), None);
}

#[test]
fn ambiguous_numeric_dates_are_read_only_when_something_decides() {
    assert_eq!(read("03/04/2016", true), ["2016-03-04"]);
    assert!(read("03/04/2016", false).is_empty());
    assert!(read("03-04-2016", true).is_empty());
    assert_eq!(read("03.04.2016", true), ["2016-04-03"]);
    // 2016-03-04 was a Friday, 2016-04-03 a Sunday.
    assert_eq!(read("Fri 03/04/2016", false), ["2016-03-04"]);
    assert_eq!(read("Sunday, 03/04/2016", true), ["2016-04-03"]);
    assert_eq!(read("04/04/2016", false), ["2016-04-04"]);
}

#[test]
fn never_guesses() {
    for line in [
        "30 February 2016",
        "15 July 1989",
        "15 July 2099",
        "3 June 2025",
        "07.15.2016",
        "Monday 15 December 2015",
        "15.07.16",
        "10.15.07.2016",
        "10:15 July 2016",
        "May 2016 was a turning point for the talks",
        "Kerry met Putin on 15 July 2016 in Moscow.",
        "On 15 July 2016, Kerry met Putin",
        "US Secretary of State John Kerry waves before getting into a car on his arrival in Moscow on July 14, 2016.",
        "وقال الرئيس الروسي في 15 يوليو 2016",
        "Путин встретился с Керри 15 июля 2016 года",
        "MOSCOW, July 14 (Reuters)",
        "Related: Putin Meets Erdogan, June 28, 2016",
        "Putin meets Erdogan - June 28, 2016",
    ] {
        assert_eq!(read(line, true), Vec::<String>::new(), "{line}");
    }
    assert_eq!(read("2 June 2025", false), ["2025-06-02"]);
}

#[test]
fn today_is_a_real_recent_date() {
    let today = today();
    assert!(today.year >= 2025, "{today}");
    assert_eq!(weekday_of(Date::parse("2016-07-15").unwrap()), 4);
}

#[test]
fn finds_the_first_date_in_any_text() {
    let first = |text: &str| first_date(text).map(|d| d.to_string());
    assert_eq!(
        first("Von Max Mustermann, 15. Juli 2016, 10:45 Uhr. Berlin (dpa) - Die Regierung...").as_deref(),
        Some("2016-07-15")
    );
    assert_eq!(first("Kerry met Putin on 14 July 2016 and again on 15 July 2016").as_deref(), Some("2016-07-14"));
    assert_eq!(first("Posted 03/04/2016"), None);
    assert_eq!(first("No date here, only 2016"), None);
}
