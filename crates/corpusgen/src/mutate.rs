//! Article text: the sentence pool from the seeds, a story's base article, and the edits
//! that turn it into a republication.

use std::collections::HashSet;

// A sentence's comparison key is the cleaner's: lower-case letters and digits, single spaces.
use corpus::{BlockKind, fold as key};

use crate::rng::Rng;
use crate::vocab::{change_words, pseudo_like, substitute, word_spans};

/// An article as paragraphs, each a list of sentences.
pub type Article = Vec<Vec<String>>;

/// Fewest and most sentences in a story's base article.
const SENTENCES: (usize, usize) = (12, 30);
/// Most sentences in one paragraph.
const MAX_PARAGRAPH: usize = 3;
/// Words kept in a title.
const TITLE_WORDS: usize = 10;

/// True for a sentence that can stand on its own in generated text: at least five words,
/// starting with a capital, a digit or an opening quote and ending with `.`, `!` or `?`.
fn usable(sentence: &str) -> bool {
    let starts =
        sentence.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"'));
    let ends = sentence.trim_end_matches(['"', '\'', '”', '’', ')']).ends_with(['.', '!', '?']);
    starts && ends && key(sentence).split(' ').count() >= 5
}

/// Every distinct usable sentence of the seeds' article text, in seed order. Each seed is
/// cleaned with [`corpus::clean`] (its first line taken as the headline) so boilerplate never
/// enters the pool, and its paragraphs are split into sentences by the cleaner's splitter.
pub fn sentence_pool(seeds: &[String]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut pool = Vec::new();
    for seed in seeds {
        let title = seed.lines().map(str::trim).find(|l| !l.is_empty());
        let cleaned = corpus::clean(seed, title.unwrap_or(""));
        for block in cleaned.blocks {
            if block.kind != BlockKind::Paragraph {
                continue;
            }
            for range in &block.sentences {
                let sentence = block.text[range.clone()].trim();
                if usable(sentence) && seen.insert(key(sentence)) {
                    pool.push(sentence.to_string());
                }
            }
        }
    }
    // A sentence another one repeats with words added ("... 280,000 dead by official UN
    // estimates.") would make the shorter look like a pull quote wherever both are drawn.
    let keys: Vec<String> = pool.iter().map(|s| format!(" {} ", key(s))).collect();
    let contained = |i: usize| {
        keys.iter().enumerate().any(|(j, other)| j != i && other.len() > keys[i].len() && other.contains(&keys[i]))
    };
    let keep: Vec<bool> = (0..pool.len()).map(|i| !contained(i)).collect();
    pool.into_iter().zip(keep).filter_map(|(s, keep)| keep.then_some(s)).collect()
}

/// Splits `sentences` into paragraphs of one to three sentences.
fn paragraphs(sentences: Vec<String>, rng: &mut Rng) -> Article {
    let mut article = Vec::new();
    let mut rest = sentences.into_iter().peekable();
    while rest.peek().is_some() {
        let size = rng.range(1, MAX_PARAGRAPH);
        article.push(rest.by_ref().take(size).collect());
    }
    article
}

/// A story's base article: 12–30 sentences sampled from the pool, rewritten with the
/// story's substitution (`salt`), in paragraphs of one to three sentences.
pub fn base_article(pool: &[String], salt: u64, rng: &mut Rng) -> Article {
    let count = rng.range(SENTENCES.0, SENTENCES.1);
    let sentences = rng.sample(pool.len(), count).into_iter().map(|i| substitute(&pool[i], salt)).collect();
    paragraphs(sentences, rng)
}

/// True for a sentence that carries a direct quotation.
fn is_quotation(sentence: &str) -> bool {
    sentence.contains(['“', '"']) && key(sentence).split(' ').count() >= 8
}

/// A quotation sentence of `article`, if it has one.
pub fn pick_quotation(article: &Article, rng: &mut Rng) -> Option<String> {
    let quotes: Vec<&String> = article.iter().flatten().filter(|s| is_quotation(s)).collect();
    (!quotes.is_empty()).then(|| rng.pick(&quotes).to_string())
}

/// Inserts `sentence` into `article`, as a paragraph of its own or at the end of one.
pub fn insert_sentence(article: &mut Article, sentence: String, rng: &mut Rng) {
    let at = rng.below(article.len() + 1);
    if at < article.len() && rng.chance(0.5) {
        article[at].push(sentence);
    } else {
        article.insert(at, vec![sentence]);
    }
}

/// "“ ” ‘ ’" as plain ASCII quotes, as many sites print them.
pub fn plain_quotes(text: &str) -> String {
    text.replace(['“', '”'], "\"").replace(['‘', '’'], "'")
}

/// A republication of `origin`: 10–40% of paragraphs dropped, some adjacent paragraphs
/// merged, a few moved, one to three words changed in about a fifth of the sentences, and,
/// when `plain` is set, curly quotes printed as plain ones.
pub fn republish(origin: &Article, plain: bool, rng: &mut Rng) -> Article {
    let mut article: Article = origin.clone();
    // Drop paragraphs; the lede survives more often than not.
    let percent = rng.range(10, 40);
    let drop = (article.len() * percent).div_ceil(100).min(article.len() - 1);
    let keep_lede = rng.chance(0.8) && article.len() > drop;
    let candidates = if keep_lede { article.len() - 1 } else { article.len() };
    let offset = usize::from(keep_lede);
    let mut dropped: Vec<usize> = rng.sample(candidates, drop).into_iter().map(|i| i + offset).collect();
    dropped.sort_unstable();
    for i in dropped.into_iter().rev() {
        article.remove(i);
    }
    // Merge some neighbours.
    let mut i = 0;
    while i + 1 < article.len() {
        if rng.chance(0.15) {
            let next = article.remove(i + 1);
            article[i].extend(next);
        }
        i += 1;
    }
    // Move a few paragraphs.
    for _ in 0..rng.range(0, 2) {
        if article.len() > 2 {
            let from = rng.below(article.len());
            let paragraph = article.remove(from);
            let to = rng.below(article.len() + 1);
            article.insert(to, paragraph);
        }
    }
    // Light copy editing.
    for sentence in article.iter_mut().flatten() {
        if rng.chance(0.2) {
            let count = rng.range(1, 3);
            *sentence = change_words(sentence, count, rng);
        }
        if plain {
            *sentence = plain_quotes(sentence);
        }
    }
    article
}

/// A headline from the article's first sentence: its first words (at most ten, and fewer
/// than the sentence has, so the headline never equals a paragraph), without quotation marks
/// or trailing punctuation.
pub fn title_of(article: &Article) -> String {
    let first = article.first().and_then(|p| p.first()).map_or("", String::as_str);
    let unquoted: String = first.chars().filter(|c| !matches!(c, '“' | '”' | '"' | '‘')).collect();
    let words: Vec<&str> = unquoted.split_whitespace().collect();
    let take = TITLE_WORDS.min(words.len().saturating_sub(2)).max(3);
    let title = words[..take.min(words.len())].join(" ");
    let title = title.trim_end_matches(|c: char| !c.is_alphanumeric());
    if title.is_empty() { "Untitled report".to_string() } else { title.to_string() }
}

/// A version's headline: the origin's, sometimes with a word changed or the last word cut.
pub fn tweak_title(title: &str, rng: &mut Rng) -> String {
    if rng.chance(0.25) {
        let spans = word_spans(title);
        if let Some(&(s, e)) = spans.get(rng.below(spans.len().max(1))) {
            let word = &title[s..e];
            if crate::vocab::is_long(word) {
                return format!("{}{}{}", &title[..s], pseudo_like(word, rng.next_u64()), &title[e..]);
            }
        }
    } else if rng.chance(0.15)
        && let Some((rest, _)) = title.rsplit_once(' ')
        && rest.split(' ').count() >= 3
    {
        return rest.trim_end_matches(|c: char| !c.is_alphanumeric()).to_string();
    }
    title.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../content/texts");
        crate::read_seeds(std::path::Path::new(dir)).unwrap()
    }

    #[test]
    fn pool_holds_clean_sentences_only() {
        let pool = sentence_pool(&seeds());
        assert!(pool.len() > 80, "{}", pool.len());
        for sentence in &pool {
            assert!(!sentence.contains("PHOTO:") && !sentence.contains("http"), "{sentence}");
            assert!(!sentence.contains("(AFP)") && !sentence.contains("(Bloomberg)"));
        }
    }

    #[test]
    fn republication_keeps_most_paragraphs() {
        let pool = sentence_pool(&seeds());
        let mut rng = Rng::new(5);
        let origin = base_article(&pool, 11, &mut rng);
        let sentences = origin.iter().flatten().count();
        assert!((12..=30).contains(&sentences));
        assert!(origin.iter().all(|p| (1..=3).contains(&p.len())));
        let copy = republish(&origin, true, &mut rng);
        assert!(!copy.is_empty() && copy.len() <= origin.len());
        assert!(copy.iter().flatten().all(|s| !s.contains(['“', '”', '’'])));
    }

    #[test]
    fn titles_are_short_and_never_a_whole_sentence() {
        let article = vec![vec!["“We are close,” Putin said on Thursday in Moscow.".to_string()]];
        assert_eq!(title_of(&article), "We are close, Putin said on Thursday");
        let short = vec![vec!["Talks resumed.".to_string()]];
        assert_eq!(title_of(&short), "Talks resumed");
    }
}
