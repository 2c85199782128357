//! Word-level differences between two wordings of a quotation, as HTML.

use crate::render::html::escape_into;

/// A word for comparison: letters and digits only, lower-cased, so that quote style and
/// apostrophes (’ or ') make no difference.
fn key(word: &str) -> String {
    word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// A text split into words, each with its comparison key.
pub struct Words<'t> {
    words: Vec<&'t str>,
    keys: Vec<String>,
}

impl<'t> Words<'t> {
    /// Splits `text` at white space.
    pub fn new(text: &'t str) -> Words<'t> {
        let words: Vec<&str> = text.split_whitespace().collect();
        let keys = words.iter().map(|w| key(w)).collect();
        Words { words, keys }
    }

    /// The words' comparison keys joined by spaces: equal for two texts exactly when they
    /// have the same words, whatever their punctuation and quotes, so wordings can be grouped
    /// by hashing.
    pub fn key(&self) -> String {
        self.keys.iter().filter(|k| !k.is_empty()).map(String::as_str).collect::<Vec<_>>().join(" ")
    }

    /// How many words the text has.
    pub fn word_count(&self) -> usize {
        self.words.len()
    }
}

/// `variant` written out with the words it lacks from `base` in `<del>` and the words it
/// adds in `<ins>`.
pub fn diff_words_html(base: &Words<'_>, variant: &Words<'_>) -> String {
    let (a, b) = (&base.words, &variant.words);
    let (ka, kb) = (&base.keys, &variant.keys);
    // Longest common subsequence table, from the end, in one row-major block.
    let width = b.len() + 1;
    let mut table = vec![0u32; (a.len() + 1) * width];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i * width + j] = if ka[i] == kb[j] {
                table[(i + 1) * width + j + 1] + 1
            } else {
                table[(i + 1) * width + j].max(table[i * width + j + 1])
            };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    let word = |out: &mut String, tag: Option<&str>, w: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        if let Some(tag) = tag {
            out.push('<');
            out.push_str(tag);
            out.push('>');
        }
        escape_into(w, out);
        if let Some(tag) = tag {
            out.push_str("</");
            out.push_str(tag);
            out.push('>');
        }
    };
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && ka[i] == kb[j] {
            word(&mut out, None, b[j]);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || table[i * width + j + 1] >= table[(i + 1) * width + j]) {
            word(&mut out, Some("ins"), b[j]);
            j += 1;
        } else {
            word(&mut out, Some("del"), a[i]);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_diff_html(base: &str, variant: &str) -> String {
        diff_words_html(&Words::new(base), &Words::new(variant))
    }

    fn same_words(a: &str, b: &str) -> bool {
        Words::new(a).key() == Words::new(b).key()
    }

    #[test]
    fn marks_changed_words_only() {
        let base = "If we cannot get to a solution, he warned <now>";
        let variant = "If we can't get to a solution, a US official said <now>";
        assert_eq!(
            word_diff_html(base, variant),
            "If we <ins>can&#39;t</ins> <del>cannot</del> get to a solution, <ins>a</ins> <ins>US</ins> <ins>official</ins> <ins>said</ins> <del>he</del> <del>warned</del> &lt;now&gt;"
        );
        assert!(same_words("who’s going", "who's going,"));
        assert!(!same_words("ISIS or Al-Nusra", "Islamic State or al-Nusra"));
    }
}
