use super::*;
use crate::cli::import::find::normalize;

const ENGLISH: &str = "Top US diplomat John Kerry said on Friday that the talks with the Russian president were \
    serious and frank, and that he was looking forward to real progress in the weeks to come.";

const RUSSIAN: &str = "Президент России Владимир Путин встретился с госсекретарем США Джоном Керри в Кремле. \
    Стороны обсудили ситуацию в Сирии.";

/// The date `published_from` finds in a raw text, and in the raw lines alone.
fn found(raw: &str, url: Option<&str>) -> (Option<String>, Option<String>) {
    let lines: Vec<String> = raw.lines().map(normalize).collect();
    let title = title(&lines);
    let cleaned = corpus::clean(raw, title.as_deref().unwrap_or(""));
    let all = published_from(&cleaned, &lines, url).map(|(d, _)| d.to_string());
    (all, published_from(&corpus::Cleaned::default(), &lines, None).map(|(d, _)| d.to_string()))
}

#[test]
fn finds_the_date_line_the_cleaner_drops() {
    let raw =
        format!("US moving towards close cooperation with Russia in Syria\n\n4 min read\n15 July, 2016\n\n{ENGLISH}");
    let lines: Vec<String> = raw.lines().map(normalize).collect();
    let cleaned = corpus::clean(&raw, "US moving towards close cooperation with Russia in Syria");
    let (date, from) = published_from(&cleaned, &[], None).unwrap();
    assert_eq!((date.to_string().as_str(), from.as_str()), ("2016-07-15", "date line \"15 July, 2016\""));
    assert_eq!(published_from(&cleaned, &lines, None).map(|p| p.0), Some(date));
}

#[test]
fn finds_date_lines_in_other_languages_near_the_top() {
    let raw = format!("Путин и Керри обсудили Сирию\n\n15 июля 2016, 10:45\n\nМОСКВА, 15 июля. /ТАСС/. {RUSSIAN}");
    assert_eq!(found(&raw, None), (Some("2016-07-15".into()), Some("2016-07-15".into())));
    let raw = format!("Putin i Kerry o Siriji\nObjavljeno: 15. srpnja 2016. u 10:45\n\n{RUSSIAN}");
    assert_eq!(found(&raw, None).1.as_deref(), Some("2016-07-15"));
    let raw = format!("كيري يصل إلى موسكو\n\nالجمعة ١٥ تموز/يوليو ٢٠١٦\n\n{RUSSIAN}");
    assert_eq!(found(&raw, None).1.as_deref(), Some("2016-07-15"));
}

#[test]
fn published_wins_over_updated_and_labels_carry_to_the_next_line() {
    let raw = format!("Kerry in Moscow\n\nUpdated 16 July 2016\nPublished 15 July 2016\n\n{ENGLISH}");
    assert_eq!(found(&raw, None).0.as_deref(), Some("2016-07-15"));
    let raw = format!("Kerry in Moscow\n\nAktualisiert:\n16.07.2016\nVeröffentlicht:\n15.07.2016\n\n{RUSSIAN}");
    assert_eq!(found(&raw, None).1.as_deref(), Some("2016-07-15"));
    let raw = format!("Kerry in Moscow\n\nUpdated\n16 July 2016\n\n{ENGLISH}");
    assert_eq!(found(&raw, None).0.as_deref(), Some("2016-07-16"));
}

#[test]
fn dates_that_disagree_or_stand_in_running_text_give_no_date() {
    let raw = format!("Kerry in Moscow\n\n15 July 2016\n\n16 July 2016\n\n{ENGLISH}");
    assert_eq!(found(&raw, None), (None, None));
    let mut raw = format!("Kerry in Moscow\n\n{ENGLISH}\n\n");
    for _ in 0..15 {
        raw.push_str(&format!("{ENGLISH}\n\n"));
    }
    raw.push_str("On 15 July 2016, Kerry met Putin in Moscow.\n\nKerry met Putin on 15 July 2016\n");
    assert_eq!(found(&raw, None), (None, None));
    let url = Some("https://example.com/2016-07-14/kerry");
    assert_eq!(found(&raw, url).0.as_deref(), Some("2016-07-14"));
}

#[test]
fn slashed_dates_read_in_us_order_only_in_english_from_us_order_sites() {
    let raw = format!("Kerry in Moscow\n\n03/04/2016\n\n{ENGLISH}");
    assert_eq!(found(&raw, Some("https://example.com/kerry")).0.as_deref(), Some("2016-03-04"));
    assert_eq!(found(&raw, Some("https://example.co.uk/kerry")).0, None);
    let raw = format!("Путин и Керри\n\n03/04/2016\n\n{RUSSIAN}");
    assert_eq!(found(&raw, Some("https://example.com/kerry")).0, None);
}

#[test]
fn falls_back_to_the_url() {
    let raw = format!("Kerry in Moscow\n\n{ENGLISH}");
    let url = "https://x.com/2016/07/15/story";
    assert_eq!(found(&raw, Some(url)).0.as_deref(), Some("2016-07-15"));
    assert_eq!(date_in_url("https://x.com/a-2016-07-15-b").map(|d| d.to_string()).as_deref(), Some("2016-07-15"));
    assert_eq!(date_in_url("https://x.com/12016-07-15"), None);
    assert_eq!(date_in_url("https://x.com/docId=1376-OCUB7G6KLVRA01"), None);
}
