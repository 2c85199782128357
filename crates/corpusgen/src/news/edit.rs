//! How an outlet's copy of a wire story differs from the origin: most often not at all,
//! otherwise by a light edit or, less often, a heavier rewrite.

use crate::mutate::{Article, republish};
use crate::rng::Rng;
use crate::vocab::{change_words, is_long, word_spans};

/// Percentage of versions that carry the origin's text verbatim.
const VERBATIM: usize = 50;
/// Percentage of versions lightly edited; the rest are rewritten by [`republish`].
const LIGHT: usize = 30;

/// Words a copy editor slips in.
const INSERTED: &[&str] = &["also", "now", "still", "reportedly", "again", "already", "earlier"];

/// A republication of the `origin` article.
pub fn version(origin: &Article, rng: &mut Rng) -> Article {
    let roll = rng.below(100);
    if roll < VERBATIM {
        origin.clone()
    } else if roll < VERBATIM + LIGHT {
        light_edit(origin, rng)
    } else {
        republish(origin, rng.chance(0.3), rng)
    }
}

/// The origin with a paragraph or two dropped (never the lede), sometimes two paragraphs
/// merged, one to three sentences reworded, and sometimes the end trimmed: most of its
/// sentences stay as they were.
fn light_edit(origin: &Article, rng: &mut Rng) -> Article {
    let mut article = origin.clone();
    if rng.chance(0.6) {
        for _ in 0..rng.range(1, 2) {
            if article.len() > 3 {
                let at = 1 + rng.below(article.len() - 1);
                article.remove(at);
            }
        }
    }
    if article.len() > 2 && rng.chance(0.3) {
        let at = rng.below(article.len() - 1);
        let next = article.remove(at + 1);
        article[at].extend(next);
    }
    for _ in 0..rng.range(1, 3) {
        let paragraph = rng.below(article.len());
        let sentence = rng.below(article[paragraph].len());
        let text = &article[paragraph][sentence];
        article[paragraph][sentence] = match rng.below(3) {
            0 => change_words(text, 1, rng),
            1 => insert_word(text, rng),
            _ => drop_word(text, rng),
        };
    }
    // Sites cut wire copy to fit: the last paragraphs go, at most a third of them.
    if article.len() > 4 && rng.chance(0.25) {
        let cut = rng.range(1, article.len() / 3);
        article.truncate(article.len() - cut);
    }
    article
}

/// The byte ranges of the words of `sentence` that stand between spaces, the first word
/// aside: words an edit can touch without breaking the sentence's punctuation.
fn inner_words(sentence: &str) -> Vec<(usize, usize)> {
    word_spans(sentence)
        .into_iter()
        .skip(1)
        .filter(|&(s, e)| sentence[..s].ends_with(' ') && sentence[e..].starts_with(' '))
        .collect()
}

/// `sentence` with a word such as "also" inserted before one of its inner words.
fn insert_word(sentence: &str, rng: &mut Rng) -> String {
    let words = inner_words(sentence);
    if words.is_empty() {
        return sentence.to_string();
    }
    let (at, _) = words[rng.below(words.len())];
    format!("{}{} {}", &sentence[..at], rng.pick(INSERTED), &sentence[at..])
}

/// `sentence` with one of its inner words of four letters or more dropped.
fn drop_word(sentence: &str, rng: &mut Rng) -> String {
    let words: Vec<(usize, usize)> =
        inner_words(sentence).into_iter().filter(|&(s, e)| is_long(&sentence[s..e])).collect();
    if words.is_empty() {
        return sentence.to_string();
    }
    let (start, end) = words[rng.below(words.len())];
    format!("{}{}", &sentence[..start], &sentence[end + 1..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_edits_keep_the_sentence_shape() {
        let mut rng = Rng::new(8);
        let sentence = "“Kestavo said the talks would resume,” he told reporters in Geneva.";
        for _ in 0..50 {
            let inserted = insert_word(sentence, &mut rng);
            assert_eq!(inserted.split(' ').count(), sentence.split(' ').count() + 1, "{inserted}");
            let dropped = drop_word(sentence, &mut rng);
            assert_eq!(dropped.split(' ').count(), sentence.split(' ').count() - 1, "{dropped}");
            for edited in [inserted, dropped] {
                assert!(edited.starts_with("“Kestavo") && edited.ends_with("Geneva."), "{edited}");
                assert!(!edited.contains("  "), "{edited}");
            }
        }
        assert_eq!(drop_word("Talks resumed.", &mut rng), "Talks resumed.");
    }

    #[test]
    fn half_the_versions_are_verbatim_and_all_keep_most_sentences() {
        let mut rng = Rng::new(2);
        let origin: Article = (0..10)
            .map(|p| (0..2).map(|s| format!("Sentence number {p} {s} of the story goes on.")).collect())
            .collect();
        let sentences: std::collections::HashSet<&String> = origin.iter().flatten().collect();
        let (mut verbatim, mut kept) = (0, 0);
        for _ in 0..400 {
            let copy = version(&origin, &mut rng);
            verbatim += usize::from(copy == origin);
            let own = copy.iter().flatten().filter(|s| sentences.contains(s)).count();
            // A rewrite by `republish` drops up to 40% of the paragraphs, merges and moves
            // some, and edits a fifth of the sentences.
            assert!(own * 4 >= sentences.len(), "{own}");
            kept += own;
        }
        assert!((160..240).contains(&verbatim), "{verbatim}");
        assert!(kept as f64 / 400.0 > 0.8 * sentences.len() as f64, "{kept}");
    }
}
