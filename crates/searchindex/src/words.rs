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
    let mut at = 0;
    std::iter::from_fn(move || {
        loop {
            let (start, end, ascii) = next_run(text, at)?;
            at = end;
            let word = &text[start..end];
            let chars = if ascii { word.len() } else { word.chars().count() };
            if !(2..=MAX_WORD_CHARS).contains(&chars) {
                continue;
            }
            return Some(lowercase(word));
        }
    })
}

/// The next run of word characters at or after byte `at`: its start, its end, and whether it
/// is all ASCII. Bytes below 0x80 are tested as bytes, which is most of any text; other
/// characters are decoded.
fn next_run(text: &str, mut at: usize) -> Option<(usize, usize, bool)> {
    let bytes = text.as_bytes();
    // The character at `at`, whether it is a word character, and its length in bytes.
    let class = |at: usize| match bytes[at] {
        b if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
        _ => {
            let c = text[at..].chars().next().expect("`at` is on a character boundary");
            (is_word_char(c), c.len_utf8())
        }
    };
    loop {
        if at >= bytes.len() {
            return None;
        }
        let (word, len) = class(at);
        if word {
            break;
        }
        at += len;
    }
    let start = at;
    let mut ascii = true;
    while at < bytes.len() {
        let (word, len) = class(at);
        if !word {
            break;
        }
        ascii &= len == 1;
        at += len;
    }
    Some((start, at, ascii))
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

    /// `words` as first written: runs found with `str::find` and `char::is_alphanumeric`.
    fn words_by_chars(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find(is_word_char) {
            let tail = &rest[start..];
            let len = tail.find(|c: char| !is_word_char(c)).unwrap_or(tail.len());
            let word = &tail[..len];
            rest = &tail[len..];
            if (2..=MAX_WORD_CHARS).contains(&word.chars().count()) {
                out.push(lowercase(word).into_owned());
            }
        }
        out
    }

    /// The byte scanner cuts what the character scanner cuts, on text mixing ASCII, accented
    /// and other scripts' letters, digits of other scripts, marks and punctuation in every
    /// order (a fixed-seed walk).
    #[test]
    fn the_byte_scanner_cuts_words_as_characters_do() {
        let pieces = [
            "Kerry", "é", "Ünal", "٣", "二", "\u{301}", "’", "-", " ", "\u{a0}", "2016", "Σ", "ﬁ", "𝔘", "x", ".",
            "\u{2028}",
        ];
        let mut state = 0x9e37_79b9_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(state % 30) {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            assert_eq!(all(&text), words_by_chars(&text), "{text:?}");
        }
    }

    #[test]
    fn lowercase_words_are_borrowed() {
        assert!(matches!(words("talks").next(), Some(Cow::Borrowed(_))));
        assert!(matches!(words("genève").next(), Some(Cow::Borrowed(_))));
        assert!(matches!(words("Talks").next(), Some(Cow::Owned(_))));
    }
}
