//! Slugs for imported sources: the date and a few words of the title, in lower-case ASCII.

use corpus::Date;

use crate::new_source::is_slug;

/// Lower-case ASCII words of `text` joined by `-`, at most `max` bytes, cut at a word and
/// without a dangling "of", "to" or "the" at the end.
pub(super) fn slugify(text: &str, max: usize) -> String {
    const ACCENTS: &[(&str, &str)] = &[
        ("àáâãäåāăą", "a"),
        ("æ", "ae"),
        ("çćĉċč", "c"),
        ("ďđð", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("œ", "oe"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ß", "ss"),
        ("ţťŧț", "t"),
        ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("þ", "th"),
    ];
    const TRAILING: &[&str] =
        &["a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "over"];
    let mut words: Vec<String> = vec![String::new()];
    for c in text.chars().flat_map(char::to_lowercase) {
        let word = words.last_mut().expect("never empty");
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c);
        } else if let Some((_, base)) = ACCENTS.iter().find(|(from, _)| from.contains(c)) {
            word.push_str(base);
        } else if !matches!(c, '\'' | '’' | '‘') && !word.is_empty() {
            words.push(String::new());
        }
    }
    let words: Vec<&str> = words.iter().map(|w| w.trim_matches('_')).filter(|w| !w.is_empty()).collect();
    let mut slug = String::new();
    let mut kept = 0;
    for word in &words {
        let extra = if slug.is_empty() { word.len() } else { word.len() + 1 };
        if slug.len() + extra > max {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(word);
        kept += 1;
    }
    if kept == 0 {
        return words.first().map(|w| w[..w.len().min(max)].to_string()).unwrap_or_default();
    }
    while kept > 1 && TRAILING.contains(&words[kept - 1]) {
        kept -= 1;
        slug.truncate(slug.len() - words[kept].len() - 1);
    }
    slug
}

/// The slug for a source: the date and the title (or the file's name), such as
/// `2016-07-15-us-moving-towards-close-cooperation`.
pub(super) fn base_slug(title: Option<&str>, date: Option<Date>, stem: &str) -> String {
    let named = match title {
        Some(title) => slugify(title, 40),
        None => slugify(stem, 60),
    };
    let slug = match (date, named.is_empty()) {
        (Some(date), true) => date.to_string(),
        (Some(date), false) if !named.starts_with(&date.to_string()) => format!("{date}-{named}"),
        (_, true) => "source".to_string(),
        _ => named,
    };
    debug_assert!(is_slug(&slug), "{slug:?}");
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_from_titles_dates_and_file_names() {
        let date = Date::parse("2016-07-15").ok();
        let title = "US moving towards close cooperation with Russia in Syria";
        assert_eq!(base_slug(Some(title), date, "x"), "2016-07-15-us-moving-towards-close-cooperation");
        assert_eq!(base_slug(Some("Kerry’s talks: Erdoğan & Putin"), None, "x"), "kerrys-talks-erdogan-putin");
        assert_eq!(base_slug(None, None, "000_f27ec5287a0f3aad"), "000_f27ec5287a0f3aad");
        assert_eq!(base_slug(None, date, "Draft Notes"), "2016-07-15-draft-notes");
        assert_eq!(base_slug(Some("Москва"), None, "__"), "source");
        assert_eq!(slugify(&"a".repeat(80), 60).len(), 60);
    }
}
