//! What an article's address says: the URL on a line of its own, the outlet its domain
//! names, and the title its last path segment spells.

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

/// `http(s)://host/...`: the whole line, one word, with a host, as the loader takes a
/// source's `url`.
pub(in crate::cli::import) fn url_of(line: &str) -> Option<String> {
    corpus::check_http_url(line).ok().map(|()| line.to_string())
}

/// The URL's host, lower-case, without user, port or a leading `www.`.
pub(super) fn host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("").split(':').next().unwrap_or("");
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    host.strip_prefix("www.").map_or(host.clone(), str::to_string)
}

/// The outlet named by a URL's domain: a known site's name (and `true`), otherwise the
/// domain itself (and `false`).
pub(in crate::cli::import) fn outlet_of(url: &str) -> Option<(String, bool)> {
    let host = host(url);
    let known = OUTLETS.iter().find(|(domain, _)| host == *domain || host.ends_with(&format!(".{domain}")));
    match known {
        Some((_, name)) => Some(((*name).to_string(), true)),
        None => (!host.is_empty()).then_some((host, false)),
    }
}

/// "327125-Bloomberg-interview-Putin-says-Russia" as "Bloomberg interview Putin says Russia":
/// the URL's last path segment in words, when it has at least four.
pub(in crate::cli::import) fn title_hint(url: &str) -> Option<String> {
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
        assert_eq!(
            title_hint("https://www.sott.net/article/327125-Bloomberg-interview-Putin-says-Russia").as_deref(),
            Some("Bloomberg interview Putin says Russia")
        );
        assert_eq!(title_hint("http://washpost.bloomberg.com/Story?docId=1376-OCUB7G6KLVRA01"), None);
    }
}
