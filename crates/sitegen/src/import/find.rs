//! Finding an article's metadata in its raw text: URL, outlet, title, date, wire and byline.
//!
//! Every finder is conservative: it returns nothing rather than a guess. A field it cannot
//! find is left for the user to fill in.

use corpus::{Cleaned, Date, DropReason};

/// Known news sites: a domain (matching it and its subdomains) and the outlet's name.
const OUTLETS: &[(&str, &str)] = &[
    ("bloomberg.com", "Bloomberg"),
    ("sott.net", "SOTT.net"),
    ("irishtimes.com", "The Irish Times"),
    ("straitstimes.com", "The Straits Times"),
    ("newarab.com", "The New Arab"),
    ("alaraby.co.uk", "The New Arab"),
    ("reuters.com", "Reuters"),
    ("apnews.com", "AP"),
    ("afp.com", "AFP"),
    ("theguardian.com", "The Guardian"),
    ("nytimes.com", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("wsj.com", "The Wall Street Journal"),
    ("ft.com", "Financial Times"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("aljazeera.com", "Al Jazeera"),
    ("cnn.com", "CNN"),
    ("independent.co.uk", "The Independent"),
    ("telegraph.co.uk", "The Telegraph"),
    ("economist.com", "The Economist"),
    ("france24.com", "France 24"),
    ("dw.com", "DW"),
    ("rt.com", "RT"),
    ("tass.com", "TASS"),
    ("middleeasteye.net", "Middle East Eye"),
    ("thenationalnews.com", "The National"),
];

/// News agencies a bracketed photo credit may name ("... in Syria [AFP]").
const AGENCIES: &[&str] =
    &["AFP", "Reuters", "AP", "Bloomberg", "DPA", "EFE", "ANSA", "Xinhua", "TASS", "Anadolu", "UPI", "Kyodo", "Yonhap"];

/// One line with its white space collapsed and control characters removed.
pub(super) fn normalize(line: &str) -> String {
    let kept: String = line.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `http(s)://host/...`: the whole line, one word, with a host.
pub(super) fn url_of(line: &str) -> Option<String> {
    let lower = line.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (!host.is_empty() && !line.chars().any(char::is_whitespace)).then(|| line.to_string())
}

/// The URL's host, lower-case, without user, port or a leading `www.`.
fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("").split(':').next().unwrap_or("");
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host.strip_prefix("www.").map_or(host.clone(), str::to_string)
}

/// The outlet named by a URL's domain: a known site's name (and `true`), otherwise the
/// domain itself (and `false`).
pub(super) fn outlet_of(url: &str) -> Option<(String, bool)> {
    let host = host(url);
    let known = OUTLETS.iter().find(|(domain, _)| host == *domain || host.ends_with(&format!(".{domain}")));
    match known {
        Some((_, name)) => Some(((*name).to_string(), true)),
        None => (!host.is_empty()).then_some((host, false)),
    }
}

fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', ':', ';', ',', '…'])
}

fn words(text: &str) -> usize {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count()
}

fn fold(text: &str) -> String {
    let lower = text.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// What the cleaner makes of a line standing alone: `Some(true)` when it is a short
/// heading-shaped line, `Some(false)` for running text, `None` for boilerplate.
fn shape(line: &str) -> Option<bool> {
    let cleaned = corpus::clean(line, "");
    match cleaned.dropped.as_slice() {
        [] => Some(false),
        [only] if only.reason == DropReason::OrphanHeading => Some(true),
        _ => None,
    }
}

/// A headline: one sentence of 3 to 25 words without closing punctuation, not boilerplate.
fn headline_shaped(line: &str) -> bool {
    (3..=25).contains(&words(line))
        && line.chars().count() <= 200
        && line.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !ends_like_sentence(line)
        && corpus::sentences::split(line).len() == 1
        && shape(line).is_some()
}

/// The headline: the first line after any URL and identifier lines, when it is shaped like
/// one and the text repeats it or goes on with something other than another short heading
/// (which would make it a section heading cut off from its section).
pub(super) fn title(lines: &[String]) -> Option<String> {
    let content: Vec<&String> = lines.iter().filter(|l| !l.is_empty()).collect();
    let skip = content.iter().take_while(|l| url_of(l).is_some() || l.bytes().all(|b| b.is_ascii_digit())).count();
    let candidate = content.get(skip)?;
    if !headline_shaped(candidate) {
        return None;
    }
    let rest = &content[skip + 1..];
    let repeated = rest.iter().any(|l| fold(l) == fold(candidate));
    let precedes_body = rest.first().is_some_and(|next| shape(next) != Some(true));
    (repeated || precedes_body).then(|| candidate.to_string())
}

/// "327125-Bloomberg-interview-Putin-says-Russia" as "Bloomberg interview Putin says Russia":
/// the URL's last path segment in words, when it has at least four.
pub(super) fn title_hint(url: &str) -> Option<String> {
    let path = url.split_once("://")?.1.split(['?', '#']).next()?;
    let segment = path.trim_end_matches('/').rsplit('/').next().filter(|s| s.contains('-'))?;
    let segment = segment.rsplit_once('.').filter(|(_, ext)| ext.len() <= 4).map_or(segment, |(stem, _)| stem);
    let parts: Vec<&str> = segment.split(['-', '_']).filter(|w| !w.is_empty()).collect();
    let is_word = |w: &&str| w.chars().all(|c| c.is_ascii_alphabetic());
    let start = parts.iter().position(is_word)?;
    let end = parts.iter().rposition(is_word)? + 1;
    let words = &parts[start..end];
    (words.len() >= 4 && words.iter().all(is_word)).then(|| words.join(" "))
}

fn date(year: u32, month: u8, day: u32) -> Option<Date> {
    Date::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
}

/// The dates in a date line ("15 July, 2016", "Tuesday 15 December 2015 10:32 GMT",
/// "Published on 2016-07-15"), each with whether a word like "updated" labels it.
fn dates_in(line: &str) -> Vec<(Date, bool)> {
    let folded = fold(line);
    let words: Vec<&str> = folded.split(' ').collect();
    let number = |w: &str| w.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']).parse::<u32>().ok();
    let mut found = Vec::new();
    let mut updated = false;
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        updated |= matches!(w, "updated" | "modified");
        updated &= !matches!(w, "published" | "posted");
        let year_first = (w.len() == 4).then(|| w.parse::<u32>().ok()).flatten().and_then(|year| {
            let m = words.get(i + 1).filter(|m| m.len() == 2).and_then(|m| m.parse::<u8>().ok())?;
            let d = words.get(i + 2).filter(|d| d.len() == 2).and_then(|d| d.parse::<u32>().ok())?;
            date(year, m, d)
        });
        // "15 July 2016" or "July 15 2016" (commas are gone after folding).
        let named = |a: usize, b: usize, y: usize| {
            let m = corpus::month_number(words.get(a)?)?;
            let d = number(words.get(b)?)?;
            let year = words.get(y).filter(|y| y.len() == 4)?.parse::<u32>().ok()?;
            date(year, m, d)
        };
        if let Some(d) = year_first {
            found.push((d, updated));
            i += 3;
        } else if let Some(d) = named(i + 1, i, i + 2).or_else(|| named(i, i + 1, i + 2)) {
            found.push((d, updated));
            i += 3;
        } else {
            i += 1;
        }
    }
    found
}

/// `YYYY-MM-DD` or `YYYY/MM/DD` anywhere in a URL, between non-digits.
fn date_in_url(url: &str) -> Option<Date> {
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

/// The publication date: from the date lines the cleaner dropped (those not labelled
/// "updated" first), when they agree on one date; else from a date in the URL.
pub(super) fn published(cleaned: &Cleaned, url: Option<&str>) -> Option<(Date, String)> {
    let mut dates: Vec<(Date, bool, &str)> = Vec::new();
    for dropped in cleaned.dropped.iter().filter(|d| d.reason == DropReason::Dateline) {
        dates.extend(dates_in(&dropped.text).into_iter().map(|(date, updated)| (date, updated, dropped.text.as_str())));
    }
    let published: Vec<_> = dates.iter().filter(|d| !d.1).collect();
    let chosen = if published.is_empty() { dates.iter().collect() } else { published };
    if let Some(first) = chosen.first() {
        return chosen.iter().all(|d| d.0 == first.0).then(|| (first.0, format!("date line {:?}", first.2)));
    }
    url.and_then(date_in_url).map(|date| (date, "URL".to_string()))
}

/// The agency of an opening or closing wire tag the cleaner cut off ("MOSCOW (AFP) -",
/// "– (Reuters)"); failing that, a known agency credited in brackets after a caption ("[AFP]").
pub(super) fn wire(cleaned: &Cleaned) -> Option<(String, String)> {
    let tag = cleaned.dropped.iter().filter(|d| d.reason == DropReason::WireTag).find_map(|d| {
        let inner = d.text.split_once('(')?.1.split_once(')')?.0.trim();
        (!inner.is_empty()).then(|| (inner.to_string(), d.text.clone()))
    });
    tag.or_else(|| {
        cleaned.dropped.iter().filter(|d| d.reason == DropReason::Caption).find_map(|d| {
            let inner = d.text.strip_suffix(']')?.rsplit_once('[')?.1.trim();
            let agency = AGENCIES.iter().find(|a| a.eq_ignore_ascii_case(inner))?;
            Some(((*agency).to_string(), format!("[{inner}]")))
        })
    })
}

/// A person's name: two to four capitalised words.
fn is_name(text: &str) -> bool {
    let parts: Vec<&str> = text.split(' ').collect();
    (2..=4).contains(&parts.len())
        && parts.iter().all(|p| {
            p.chars().next().is_some_and(char::is_uppercase)
                && p.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        })
}

/// The reporters, from a contact block: "To contact the reporters on this story: Henry Meyer
/// in Moscow at hmeyer4@example.net, Caroline Alexander in London at ...".
pub(super) fn byline(cleaned: &Cleaned) -> Option<String> {
    cleaned.dropped.iter().filter(|d| d.reason == DropReason::Contact).find_map(|d| {
        let marker = ["to contact the reporters on this story:", "to contact the reporter on this story:"]
            .iter()
            .find_map(|m| d.text.to_lowercase().find(m).map(|at| at + m.len()))?;
        let rest = d.text.get(marker..)?;
        let list = rest.split("To contact").next()?.trim().trim_end_matches('.');
        let mut names = Vec::new();
        for item in list.split(", ") {
            let item = item.trim().strip_prefix("and ").unwrap_or(item.trim());
            let name = item.split(" in ").next()?.split(" at ").next()?.trim();
            if !is_name(name) {
                return None;
            }
            names.push(name.to_string());
        }
        match names.as_slice() {
            [] => None,
            [one] => Some(one.clone()),
            [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_outlets_by_domain() {
        let name = outlet_of;
        assert_eq!(name("http://washpost.bloomberg.com/Story?docId=1"), Some(("Bloomberg".into(), true)));
        assert_eq!(name("https://www.sott.net/article/1"), Some(("SOTT.net".into(), true)));
        assert_eq!(name("https://user@www.example.org:8080/a"), Some(("example.org".into(), false)));
        assert_eq!(name("https://notbbc.com/a"), Some(("notbbc.com".into(), false)));
    }

    #[test]
    fn reads_date_lines_and_urls() {
        let first = |line: &str| dates_in(line).first().map(|d| d.0.to_string());
        assert_eq!(first("15 July, 2016").as_deref(), Some("2016-07-15"));
        assert_eq!(first("July 15, 2016").as_deref(), Some("2016-07-15"));
        assert_eq!(first("Tuesday 15 December 2015 10:32 GMT").as_deref(), Some("2015-12-15"));
        assert_eq!(first("Published on 2016-07-15").as_deref(), Some("2016-07-15"));
        assert_eq!(first("Sept. 1st, 2016").as_deref(), Some("2016-09-01"));
        assert_eq!(first("30 February 2016"), None);
        assert_eq!(dates_in("Published July 1, 2016 Updated July 2, 2016"), {
            let d = |s| Date::parse(s).unwrap();
            vec![(d("2016-07-01"), false), (d("2016-07-02"), true)]
        });
        assert_eq!(date_in_url("https://x.com/2016/07/15/story").map(|d| d.to_string()).as_deref(), Some("2016-07-15"));
        assert_eq!(date_in_url("https://x.com/a-2016-07-15-b").map(|d| d.to_string()).as_deref(), Some("2016-07-15"));
        assert_eq!(date_in_url("https://x.com/12016-07-15"), None);
        assert_eq!(date_in_url("https://x.com/docId=1376-OCUB7G6KLVRA01"), None);
    }

    #[test]
    fn finds_headlines_but_not_section_headings() {
        let lines = |text: &str| text.lines().map(normalize).collect::<Vec<_>>();
        let headline = "US offers Russia closer cooperation to save Syria peace plan";
        assert_eq!(title(&lines(&format!("{headline}\n\nMOSCOW (AFP) - Kerry met Putin."))).as_deref(), Some(headline));
        assert_eq!(title(&lines("https://x.com/a\n20\nJoint Command\n\nGradual Change\n\nPutin said so.")), None);
        assert_eq!(title(&lines("15 July, 2016\n\nKerry met Putin.")), None);
        assert_eq!(title(&lines("Kerry met Putin. They talked\n\nMore text.")), None);
        assert_eq!(
            title_hint("https://www.sott.net/article/327125-Bloomberg-interview-Putin-says-Russia").as_deref(),
            Some("Bloomberg interview Putin says Russia")
        );
        assert_eq!(title_hint("http://washpost.bloomberg.com/Story?docId=1376-OCUB7G6KLVRA01"), None);
    }
}
