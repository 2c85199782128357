//! Finding an article's metadata in its raw text: URL, outlet, title, date, wire and byline.
//!
//! Every finder is conservative: it returns nothing rather than a guess. A field it cannot
//! find is left for the user to fill in.

/// Bylines and wire stories' reporter credits.
mod byline;
/// Dates written in a line, in many formats and languages.
mod dates;
/// The publication date of a whole text.
mod published;
/// A line in pieces, for reading dates.
mod tokens;
/// Month names, weekdays and date labels in many languages.
mod vocab;
/// Wire credits and the agencies they name.
mod wire;

use corpus::DropReason;

pub(super) use byline::byline_found;
pub(super) use dates::{first_date, today};
pub(super) use published::published_from;
pub(super) use wire::wire;

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

/// Whether text ends with a sentence's closing punctuation, quotes and brackets aside.
fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»']);
    trimmed.ends_with(['.', '!', '?', ':', ';', ',', '…'])
}

/// Words of text, each Chinese character counted as one: Chinese writes no spaces, and a
/// headline of fourteen characters is some seven words, not one.
fn words(text: &str) -> usize {
    let runs = text.split(|c: char| !c.is_alphanumeric() || tokens::is_han(c)).filter(|w| !w.is_empty()).count();
    runs + text.chars().filter(|&c| tokens::is_han(c)).count()
}

/// Text compared as the cleaner compares headlines: lower-case words separated by spaces.
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

/// A headline: one sentence of 3 to 25 words without closing punctuation, not boilerplate,
/// starting with a capital, a digit or a letter of a script without capitals.
fn headline_shaped(line: &str) -> bool {
    (3..=25).contains(&words(line))
        && line.chars().count() <= 200
        && line.chars().next().is_some_and(|c| c.is_alphanumeric() && !c.is_lowercase())
        && !ends_like_sentence(line)
        && corpus::sentences::split(line).len() == 1
        && shape(line).is_some()
        && !is_metadata(line)
}

/// A line that is metadata rather than a headline: a date line ("15 июля 2016", which the
/// cleaner does not read as one), a byline, a wire credit.
fn is_metadata(line: &str) -> bool {
    let reading = dates::Reading { today: dates::today(), us_order: false };
    dates::date_line(line, None, &reading).is_some() || byline::is_byline(line) || wire::credit(line).is_some()
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
    // A date line or byline under the headline is not a second heading.
    let next = rest.iter().find(|l| !is_metadata(l));
    let precedes_body = next.is_some_and(|next| shape(next) != Some(true));
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
    fn finds_headlines_but_not_section_headings() {
        let lines = |text: &str| text.lines().map(normalize).collect::<Vec<_>>();
        let headline = "US offers Russia closer cooperation to save Syria peace plan";
        assert_eq!(title(&lines(&format!("{headline}\n\nMOSCOW (AFP) - Kerry met Putin."))).as_deref(), Some(headline));
        assert_eq!(title(&lines("https://x.com/a\n20\nJoint Command\n\nGradual Change\n\nPutin said so.")), None);
        assert_eq!(title(&lines("15 July, 2016\n\nKerry met Putin.")), None);
        assert_eq!(title(&lines("Kerry met Putin. They talked\n\nMore text.")), None);
        for metadata in ["15 июля 2016 года", "By John Smith and Jane Doe", "AFP I PTI"] {
            assert_eq!(title(&lines(&format!("{metadata}\n\nKerry met Putin in Moscow today."))), None, "{metadata}");
        }
        for headline in [
            "Путин и Керри обсудили ситуацию в Сирии",
            "كيري يصل إلى موسكو لبحث الأزمة السورية",
            "克里抵达莫斯科讨论叙利亚问题",
        ] {
            let text = format!("{headline}\n15 июля 2016\nVon Max Mustermann\n\nKerry met Putin in Moscow today.");
            assert_eq!(title(&lines(&text)).as_deref(), Some(headline));
        }
        assert_eq!(
            title_hint("https://www.sott.net/article/327125-Bloomberg-interview-Putin-says-Russia").as_deref(),
            Some("Bloomberg interview Putin says Russia")
        );
        assert_eq!(title_hint("http://washpost.bloomberg.com/Story?docId=1376-OCUB7G6KLVRA01"), None);
    }
}
