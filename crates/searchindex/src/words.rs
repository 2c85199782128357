//! Words as the index and the search script both cut them. The two must agree exactly, so the
//! rule is one a browser can apply with a regular expression: a word is a maximal run of
//! Alphabetic or Numeric characters (`/[\p{Alphabetic}\p{N}]+/gu`), lowercased. Words of one
//! character, or of more than [`MAX_WORD_CHARS`], are not indexed: the first are mostly the
//! "s" of possessives and initials, the second are not words (a hostile source's 10 MB run of
//! letters would otherwise become one term).

use std::borrow::Cow;

/// The longest word indexed, in characters.
pub const MAX_WORD_CHARS: usize = 40;

/// The indexed words of `text`, in order, lowercased (borrowed when already lowercase).
pub fn words(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            let start = rest.find(is_word_char)?;
            let tail = &rest[start..];
            let len = tail.find(|c: char| !is_word_char(c)).unwrap_or(tail.len());
            let word = &tail[..len];
            rest = &tail[len..];
            let chars = if word.is_ascii() { word.len() } else { word.chars().count() };
            if !(2..=MAX_WORD_CHARS).contains(&chars) {
                continue;
            }
            return Some(lowercase(word));
        }
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// `word` lowercased as JavaScript's `toLowerCase` does it (Unicode's default mapping, with a
/// final sigma taken as the end of a word, as `str::to_lowercase` does).
fn lowercase(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        }
    } else if word.chars().any(|c| !c.is_lowercase() && c.to_lowercase().next() != Some(c)) {
        Cow::Owned(word.to_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        words(text).map(Cow::into_owned).collect()
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_lowercased() {
        assert_eq!(all("Kerry's talks in Geneva, 9 Sept. 2016"), ["kerry", "talks", "in", "geneva", "sept", "2016"]);
        assert_eq!(all("U.S.-Russian al-Nusra"), ["russian", "al", "nusra"]);
        assert_eq!(all("Genève ÉTATS-UNIS Москва ΟΔΟΣ"), ["genève", "états", "unis", "москва", "οδος"]);
        assert_eq!(all("  "), Vec::<String>::new());
        let long = "a".repeat(MAX_WORD_CHARS + 1);
        assert_eq!(all(&format!("{long} ok {}", "é".repeat(MAX_WORD_CHARS))), ["ok".to_string(), "é".repeat(40)]);
    }

    #[test]
    fn lowercase_words_are_borrowed() {
        assert!(matches!(words("talks").next(), Some(Cow::Borrowed(_))));
        assert!(matches!(words("genève").next(), Some(Cow::Borrowed(_))));
        assert!(matches!(words("Talks").next(), Some(Cow::Owned(_))));
    }
}
