//! Text as lower-case ASCII words, any script transliterated: the words slugs are made of,
//! for imported sources' file names and speakers' pages alike.

/// Macedonian letters `any_ascii` writes as plain "g" and "k", which would make "Ѓорѓе"
/// "gorge"; Macedonian's own romanisation writes "gj" and "kj".
fn macedonian(c: char) -> Option<&'static str> {
    match c {
        'ѓ' => Some("gj"),
        'Ѓ' => Some("Gj"),
        'ќ' => Some("kj"),
        'Ќ' => Some("Kj"),
        _ => None,
    }
}

/// A Chinese character: transliterated as a word of its own ("莫斯科" is "mo-si-ke"), as
/// Chinese writes no spaces and a slug is cut between words.
fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2A6DF}')
}

/// The lower-case ASCII words of `text`, letters and digits of any script transliterated;
/// apostrophes join ("Kerry’s" is "kerrys"), other marks and symbols (emoji too) part words.
pub(crate) fn ascii_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = vec![String::new()];
    let push_ascii = |words: &mut Vec<String>, c: char| {
        let word = words.last_mut().expect("never empty");
        if c.is_ascii_alphanumeric() || c == '_' {
            word.push(c.to_ascii_lowercase());
        } else if c != '\'' && !word.is_empty() {
            words.push(String::new());
        }
    };
    for c in text.chars() {
        if c.is_ascii() || matches!(c, '’' | '‘' | 'ʼ') {
            push_ascii(&mut words, if c.is_ascii() { c } else { '\'' });
        } else if is_han(c) {
            push_ascii(&mut words, ' ');
            any_ascii::any_ascii_char(c).chars().for_each(|a| push_ascii(&mut words, a));
            push_ascii(&mut words, ' ');
        } else if c.is_alphanumeric() {
            let ascii = macedonian(c).unwrap_or_else(|| any_ascii::any_ascii_char(c));
            ascii.chars().for_each(|a| push_ascii(&mut words, a));
        } else if !any_ascii::any_ascii_char(c).is_empty() {
            // Combining accents have no ASCII form and stay inside their word.
            push_ascii(&mut words, ' ');
        }
    }
    words.iter().map(|w| w.trim_matches('_').to_string()).filter(|w| !w.is_empty()).collect()
}
