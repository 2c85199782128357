//! Bylines: the reporters a story names, from a byline line ("By John Smith and Jane Doe",
//! "Von Max Mustermann", "Автор: Иван Петров"), a wire story's credits ("Reporting by X;
//! Editing by Y": the reporters, not the editors) or Bloomberg's contact block.
//!
//! A byline line is short, and every name in it is two to four capitalised words (in any
//! script), so "By the way, ..." and "By Christmas Eve, Russia had ..." are not bylines.

use corpus::{Cleaned, DropReason};

use super::agencies::credit;
use super::vocab;

/// Words that open a byline, in lower case, separated by `|`, each followed in the line by
/// a space or its colon.
const MARKERS: &str = "by|written by|reported by|story by|words by|von|text:|autor:|autorin:|par|\
     por|di|piše:|pišu:|пишува:|автор:|автор|текст:|του|της|yazan:|بقلم:|بقلم|كتب:";

/// Lower-case words inside names ("Ursula von der Leyen", "Bashar al-Assad" aside).
const PARTICLES: &[&str] = &[
    "de", "da", "das", "do", "dos", "del", "della", "di", "van", "von", "der", "den", "la", "le", "du", "al", "bin",
    "ibn",
];

/// Words of a byline's affiliation that may be lower-case ("Moscow correspondent").
const ROLE_WORDS: &str = "correspondent reporter writer editor staff bureau chief special senior news \
     contributor columnist analyst in of for the at and correspondant envoyé spécial à en em aus für korrespondent \
     corresponsal correspondente corrispondente dopisnik корреспондент дописник в из u iz";

/// Capitalised words that make a would-be name a role, an outlet or a heading in title case
/// ("Staff Writer", "By The Numbers").
const NOT_NAMES: &str = "Staff Writer Reporter Correspondent Editor Bureau Chief News Press Agency Media Times Post \
     Online Desk Team Updated Published The Of And In On For To A An At By With From Our Your This That How What Why \
     When Where Who Day Week Month Year Numbers Way";

/// Where "and" joins the last two names, in the languages of [`MARKERS`].
const AND: &[&str] = &[" and ", " & ", " und ", " et ", " e ", " y ", " i ", " и ", " و "];

/// A byline line read: its reporters, and the agency it credits if any.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Byline {
    /// The reporters, as the source file writes them.
    names: Vec<String>,
    /// The agency of an affiliation ("Associated Press") or of a byline that is one ("By Reuters").
    agency: Option<String>,
}

/// A name as the source file writes it: "JOHN SMITH" as "John Smith"; others as written.
fn name_case(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let mut out = String::new();
    let mut start = true;
    for c in name.chars() {
        if start {
            out.push(c)
        } else {
            out.extend(c.to_lowercase())
        }
        start = matches!(c, ' ' | '-' | '\'' | '’');
    }
    out
}

/// A person's name: two to four capitalised words, and particles between ("Mario de
/// Rossi"); in a script without capitals, two to four words of letters.
fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let named: Vec<&&str> = words.iter().filter(|w| !PARTICLES.contains(w)).collect();
    let word_ok = |w: &&&str| {
        let first = w.chars().next().unwrap_or(' ');
        !first.is_lowercase()
            && first.is_alphabetic()
            && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            && !NOT_NAMES.split_whitespace().any(|n| n == **w)
    };
    (2..=4).contains(&named.len())
        && words.len() <= 5
        && named.iter().all(word_ok)
        && words.first().is_some_and(|w| !PARTICLES.contains(w))
}

/// Names joined as the source file writes them: "A", "A and B", "A, B and C".
fn join(names: &[String]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(one.clone()),
        [init @ .., last] => Some(format!("{} and {last}", init.join(", "))),
    }
}

/// The text after a byline marker, cut where a date, a time or another field starts.
fn after_marker(line: &str) -> Option<&str> {
    let lower = line.to_lowercase();
    let marker = MARKERS
        .split('|')
        .find(|m| lower.starts_with(m) && (m.ends_with(':') || lower[m.len()..].starts_with(char::is_whitespace)))?;
    // Lower-casing keeps the length of these markers' letters, so `marker.len()` is a
    // boundary in `line` too; `get` makes sure.
    let rest = line.get(marker.len()..)?.trim_start();
    let mut end = rest.find(['|', '•', '·', '\t']).unwrap_or(rest.len());
    for dash in [" - ", " – ", " — "] {
        end = end.min(rest.find(dash).unwrap_or(end));
    }
    let mut at = 0;
    for word in rest[..end].split_inclusive(char::is_whitespace) {
        let bare: String = word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
        if word.starts_with(|c: char| c.is_ascii_digit()) || vocab::label(&bare).is_some() {
            end = at;
            break;
        }
        at += word.len();
    }
    Some(rest[..end].trim().trim_end_matches([',', '.', ';', ' ']))
}

/// A byline line: a marker, the names, an affiliation after a comma ("By JOHN SMITH,
/// Associated Press").
fn parse(line: &str) -> Option<Byline> {
    let line = line.trim().trim_start_matches('(').trim_end_matches(')');
    if line.split_whitespace().count() > 16 || line.chars().count() > 160 {
        return None;
    }
    let rest = after_marker(line)?;
    let items: Vec<&str> = rest.split(", ").map(str::trim).collect();
    if let [only] = items.as_slice()
        && let Some(agency) = credit(only)
    {
        return Some(Byline { names: Vec::new(), agency: Some(agency) });
    }
    // The names end with the item that holds the "and", or with the first.
    let last_name = items.iter().position(|item| AND.iter().any(|a| item.contains(a))).unwrap_or(0);
    let mut names = Vec::new();
    for item in &items[..=last_name] {
        let mut parts = vec![*item];
        for and in AND {
            parts = parts.into_iter().flat_map(|p| p.split(and)).collect();
        }
        for part in parts {
            // "By Jane Doe in Washington": the place is not part of the name.
            let name = name_case(part.split(" in ").next().unwrap_or(part).trim());
            if !is_name(&name) {
                return None;
            }
            names.push(name);
        }
    }
    let mut agency = None;
    for item in &items[last_name + 1..] {
        let words: Vec<&str> = item.split_whitespace().collect();
        let role = |w: &str| ROLE_WORDS.split_whitespace().any(|r| r == w);
        let lower = |w: &&str| w.chars().next().is_some_and(char::is_lowercase) && !role(w);
        if words.len() > 5 || words.iter().any(lower) {
            return None;
        }
        agency = agency.or_else(|| credit(item));
    }
    Some(Byline { names, agency })
}

/// The reporters of a wire story's credits: "Reporting by Denis Dyomkin and Jack Stubbs in
/// Moscow; Additional reporting by ...; Editing by ..." (the editors are not reporters).
fn reporters(line: &str) -> Option<Vec<String>> {
    const REPORTING: &[&str] = &["reporting by", "additional reporting by", "writing by", "reported by"];
    const OTHER: &[&str] = &["editing by", "edited by", "compiled by", "graphics by", "photos by"];
    let line = line.trim().trim_start_matches(['(', '[']).trim_end_matches([')', ']', '.']);
    let lower = line.to_lowercase();
    if lower.len() != line.len() || !REPORTING.iter().any(|r| lower.starts_with(r)) {
        return None;
    }
    // Each credit: where its key starts, where its names start, and whether it names reporters.
    let mut credits: Vec<(usize, usize, bool)> = Vec::new();
    for (keys, reporting) in [(REPORTING, true), (OTHER, false)] {
        for key in keys {
            credits.extend(lower.match_indices(key).map(|(at, _)| (at, at + key.len(), reporting)));
        }
    }
    // "additional reporting by" holds "reporting by": one credit, from the longer key.
    credits.sort_unstable_by_key(|c| (c.1, c.0));
    credits.dedup_by_key(|c| c.1);
    let mut names = Vec::new();
    for (i, &(_, start, reporting)) in credits.iter().enumerate() {
        let end = credits.get(i + 1).map_or(line.len(), |next| next.0);
        if !reporting || start >= end {
            continue;
        }
        let list = line[start..end].trim().trim_end_matches([';', ',', '.', ' ']);
        for part in list.split(", ").flat_map(|p| p.split(" and ")).map(str::trim).filter(|p| !p.is_empty()) {
            let name = part.split(" in ").next().unwrap_or(part).trim();
            if !is_name(name) {
                return None;
            }
            if !names.iter().any(|n| n == name) {
                names.push(name.to_string());
            }
        }
    }
    (!names.is_empty()).then_some(names)
}

/// The reporters from a contact block: "To contact the reporters on this story: Henry Meyer
/// in Moscow at hmeyer4@example.net, Caroline Alexander in London at ...".
fn contact_block(text: &str) -> Option<Vec<String>> {
    let marker = ["to contact the reporters on this story:", "to contact the reporter on this story:"]
        .iter()
        .find_map(|m| text.to_lowercase().find(m).map(|at| at + m.len()))?;
    let rest = text.get(marker..)?;
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
    (!names.is_empty()).then_some(names)
}

/// The lines a byline or credit may stand in: the text the cleaner dropped (but captions,
/// headlines, copyright lines and URLs), and the first and last three paragraphs it kept.
pub(super) fn lines(cleaned: &Cleaned) -> Vec<&str> {
    let ignored = |reason| {
        matches!(
            reason,
            DropReason::Caption | DropReason::Title | DropReason::Copyright | DropReason::Url | DropReason::Identifier
        )
    };
    let dropped = cleaned.dropped.iter().filter(|d| !ignored(d.reason)).map(|d| d.text.as_str());
    let blocks = &cleaned.blocks;
    let edges = blocks.iter().enumerate().filter(|(i, _)| *i < 3 || i + 3 >= blocks.len());
    dropped.chain(edges.map(|(_, b)| b.text.as_str())).collect()
}

/// Whether a line is a byline or a wire story's credits.
pub(super) fn is_byline(line: &str) -> bool {
    parse(line).is_some() || reporters(line).is_some()
}

/// The agency a byline line credits ("By JOHN SMITH, Associated Press", "By Reuters"), and
/// the line.
pub(super) fn agency_of(line: &str) -> Option<(String, String)> {
    parse(line)?.agency.map(|agency| (agency, line.to_string()))
}

/// The reporters, and where they were found: a byline line, a wire story's "Reporting by"
/// credits, or a contact block.
pub(in crate::cli::import) fn byline_found(cleaned: &Cleaned) -> Option<(String, String)> {
    let lines = lines(cleaned);
    let by = lines.iter().find_map(|l| parse(l).and_then(|b| join(&b.names)).map(|n| (n, format!("byline {l:?}"))));
    by.or_else(|| lines.iter().find_map(|l| join(&reporters(l)?).map(|n| (n, format!("credits {l:?}"))))).or_else(
        || {
            cleaned
                .dropped
                .iter()
                .filter(|d| d.reason == DropReason::Contact)
                .find_map(|d| join(&contact_block(&d.text)?).map(|n| (n, "contact details".to_string())))
        },
    )
}

#[cfg(test)]
#[path = "byline_tests.rs"]
mod tests;
