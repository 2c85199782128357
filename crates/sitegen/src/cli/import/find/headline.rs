//! The headline of a raw text: its first line, when shaped like one and not metadata.

use corpus::DropReason;

use super::address::url_of;
use super::agencies;
use super::byline;
use super::dates;
use super::tokens;

/// One line with its white space collapsed and control characters removed.
pub(in crate::cli::import) fn normalize(line: &str) -> String {
    let kept: String = line.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    kept.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether text ends with a sentence's closing punctuation, quotes and brackets aside.
fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(corpus::sentences::is_closer);
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
    dates::date_line(line, None, &reading).is_some() || byline::is_byline(line) || agencies::credit(line).is_some()
}

/// The headline: the first line after any URL and identifier lines, when it is shaped like
/// one and the text repeats it or goes on with something other than another short heading
/// (which would make it a section heading cut off from its section).
pub(in crate::cli::import) fn title(lines: &[String]) -> Option<String> {
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

#[cfg(test)]
mod tests {
    use super::*;

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
    }
}
