//! Wire-service tags that open or close a story's text: "(Bloomberg) -- ",
//! "MOSCOW (AFP) - ", "LONDON, July 14 (Reuters) - ", and a closing "– (Reuters)".

const DASHES: &[&str] = &["--", "—", "–", "-"];

/// An agency name in parentheses: one to four capitalised words ("(AFP)", "(Bloomberg)",
/// "(Thomson Reuters Foundation)"). Returns the byte length of the parenthesised group.
fn agency_len(text: &str) -> Option<usize> {
    let inner = text.strip_prefix('(')?;
    let close = inner.find(')')?;
    let name = &inner[..close];
    let words: Vec<&str> = name.split(' ').collect();
    let ok = (1..=4).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && name.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '&' | '-'));
    ok.then_some(close + 2)
}

/// A dateline place before the agency: capitals, spaces, commas, full stops, hyphens and an
/// optional date ("MOSCOW", "WASHINGTON/BEIRUT", "LONDON, July 14").
fn is_dateline_place(text: &str) -> bool {
    let (place, date) = match text.split_once(", ") {
        Some((place, date)) => (place, Some(date)),
        None => (text, None),
    };
    let place_ok = place.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && place.chars().all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '-' | '/' | '\''));
    let date_ok = date.is_none_or(|d| d.split(' ').count() <= 3 && d.chars().all(|c| c.is_alphanumeric() || c == ' '));
    place_ok && date_ok
}

/// Splits a leading wire tag off a paragraph: returns the tag and the text after it.
pub fn strip_leading(text: &str) -> Option<(&str, &str)> {
    let open = text.find('(')?;
    let place = text[..open].trim_end();
    if !place.is_empty() && !is_dateline_place(place) {
        return None;
    }
    let after_agency = open + agency_len(&text[open..])?;
    let rest = text[after_agency..].trim_start();
    let dash = DASHES.iter().find(|d| rest.starts_with(**d))?;
    let body = rest[dash.len()..].trim_start();
    let starts_text = body.chars().next().is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '‘'));
    if !starts_text {
        return None;
    }
    let tag_len = text.len() - body.len();
    Some((text[..tag_len].trim_end(), body))
}

/// Splits a closing wire tag off a paragraph ("... opposition body.– (Reuters)"): returns
/// the text before it and the tag.
pub fn strip_trailing(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_suffix(')')?;
    let open = inner.rfind('(')?;
    agency_len(&text[open..])?;
    let before = text[..open].trim_end();
    let dash = DASHES.iter().find(|d| before.ends_with(**d))?;
    let body = before[..before.len() - dash.len()].trim_end();
    (!body.is_empty()).then(|| (body, text[body.len()..].trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_opening_tags() {
        assert_eq!(
            strip_leading("(Bloomberg) -- Vladimir Putin said Russia"),
            Some(("(Bloomberg) --", "Vladimir Putin said Russia"))
        );
        assert_eq!(strip_leading("MOSCOW (AFP) - Top US envoy"), Some(("MOSCOW (AFP) -", "Top US envoy")));
        assert_eq!(
            strip_leading("LONDON, July 14 (Reuters) - Britain said"),
            Some(("LONDON, July 14 (Reuters) -", "Britain said"))
        );
    }

    #[test]
    fn leaves_ordinary_parentheses() {
        assert_eq!(strip_leading("Top US envoy John Kerry met Putin on Thursday (July 14) to offer him"), None);
        assert_eq!(strip_leading("Islamic State (ISIS) - the group"), None);
        assert_eq!(strip_leading("The talks (Geneva) - which failed - were long"), None);
    }

    #[test]
    fn strips_closing_tags() {
        assert_eq!(
            strip_trailing("the Syrian National Coalition opposition body.– (Reuters)"),
            Some(("the Syrian National Coalition opposition body.", "– (Reuters)"))
        );
        assert_eq!(strip_trailing("the militants (ISIS)"), None);
    }
}
