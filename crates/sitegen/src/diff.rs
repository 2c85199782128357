//! Word-level differences between two wordings of a quotation, as HTML.

use crate::html::escape_into;

/// A word for comparison: letters and digits only, lower-cased, so that quote style and
/// apostrophes (’ or ') make no difference.
fn key(word: &str) -> String {
    word.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// True when the two texts have the same words, whatever their punctuation and quotes.
pub fn same_words(a: &str, b: &str) -> bool {
    let words = |t: &str| t.split_whitespace().map(key).filter(|k| !k.is_empty()).collect::<Vec<_>>();
    words(a) == words(b)
}

/// `variant` written out with the words it lacks from `base` in `<del>` and the words it
/// adds in `<ins>`.
pub fn word_diff_html(base: &str, variant: &str) -> String {
    let a: Vec<&str> = base.split_whitespace().collect();
    let b: Vec<&str> = variant.split_whitespace().collect();
    let (ka, kb): (Vec<String>, Vec<String>) = (a.iter().map(|w| key(w)).collect(), b.iter().map(|w| key(w)).collect());
    // Longest common subsequence table, from the end.
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if ka[i] == kb[j] { table[i + 1][j + 1] + 1 } else { table[i + 1][j].max(table[i][j + 1]) };
        }
    }
    let mut out = String::new();
    let (mut i, mut j) = (0, 0);
    let word = |out: &mut String, tag: Option<&str>, w: &str| {
        if !out.is_empty() {
            out.push(' ');
        }
        if let Some(tag) = tag {
            out.push_str(&format!("<{tag}>"));
        }
        escape_into(w, out);
        if let Some(tag) = tag {
            out.push_str(&format!("</{tag}>"));
        }
    };
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && ka[i] == kb[j] {
            word(&mut out, None, b[j]);
            i += 1;
            j += 1;
        } else if j < b.len() && (i == a.len() || table[i][j + 1] >= table[i + 1][j]) {
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
