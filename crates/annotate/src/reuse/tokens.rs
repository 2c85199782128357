//! Sentences as token sequences: lower-case words, blind to quote style, dashes and
//! punctuation (superfastmatch normalises the same way), with their quoted spans.

use std::ops::Range;

use corpus::WordHash;

/// Quotations shorter than this many words are phrases ("constructive"), not quotations.
pub const MIN_QUOTE_TOKENS: usize = 6;

/// The token of a word already lower-case: its [`WordHash`].
pub fn token(word: &str) -> u64 {
    WordHash::of_folded(word)
}

/// English function words: they carry a sentence's structure, not its content, so they
/// count for little when sentences are compared.
const FUNCTION_WORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before",
    "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "during", "each", "for", "from",
    "had", "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "just",
    "may", "me", "more", "most", "much", "must", "my", "no", "not", "now", "of", "on", "one", "only", "or", "other",
    "our", "out", "over", "own", "re", "s", "said", "says", "she", "should", "since", "so", "some", "such", "t",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to",
    "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "you", "your",
];

/// A small set of tokens, asked about every token of the corpus: a 4,096-bit filter turns
/// most tokens away in one step, and the sorted tokens answer the rest.
pub struct TokenSet {
    filter: [u64; 64],
    sorted: Vec<u64>,
}

impl TokenSet {
    /// The set of `tokens`.
    pub fn new(tokens: impl IntoIterator<Item = u64>) -> TokenSet {
        let mut sorted: Vec<u64> = tokens.into_iter().collect();
        sorted.sort_unstable();
        sorted.dedup();
        let mut filter = [0u64; 64];
        for &t in &sorted {
            filter[(t >> 6) as usize & 63] |= 1 << (t & 63);
        }
        TokenSet { filter, sorted }
    }

    /// True when `token` is in the set.
    pub fn contains(&self, token: u64) -> bool {
        self.filter[(token >> 6) as usize & 63] & (1 << (token & 63)) != 0 && self.sorted.binary_search(&token).is_ok()
    }
}

/// The tokens of [`FUNCTION_WORDS`].
fn function_words() -> &'static TokenSet {
    static SET: std::sync::OnceLock<TokenSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| TokenSet::new(FUNCTION_WORDS.iter().map(|w| token(w))))
}

/// The weight of a token in sentence similarity: a quarter for function words.
pub fn weight(token: u64) -> f32 {
    if function_words().contains(token) { 0.25 } else { 1.0 }
}

/// Hash of `n` consecutive tokens.
pub fn hash_gram(tokens: &[u64]) -> u64 {
    tokens.iter().fold(0x9e37_79b9_7f4a_7c15, |acc, &t| (acc ^ t).wrapping_mul(0x0100_0000_01b3).rotate_left(29))
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// Splits `text` into tokens: runs of letters and digits, lower-cased, each with the byte
/// offset where it starts. Quotation marks are reported as boundaries through `marks`:
/// `(token index, opening?)` for every double quotation mark.
pub(super) fn tokenize(text: &str) -> (Vec<u64>, Vec<(usize, bool)>) {
    let mut tokens = Vec::new();
    let mut marks = Vec::new();
    // Each word is hashed as it is read, without a copy of the word.
    let mut word: Option<WordHash> = None;
    let mut previous = ' ';
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // Most text is ASCII: no Unicode tables for it.
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric()) {
            word.get_or_insert_with(WordHash::default).push(c);
        } else {
            tokens.extend(word.take().map(WordHash::finish));
            let next = chars.peek().copied().unwrap_or(' ');
            let straight_double = c == '"';
            // Two straight single quotes stand for a closing double quote in some feeds.
            let doubled_single = c == '\'' && next == '\'';
            if is_open_quote(c) || is_close_quote(c) || straight_double || doubled_single {
                let opening = is_open_quote(c)
                    || (straight_double && (previous.is_whitespace() || previous == '(') && !next.is_whitespace());
                marks.push((tokens.len(), opening));
            }
        }
        previous = c;
    }
    tokens.extend(word.map(WordHash::finish));
    (tokens, marks)
}

/// Quoted token ranges from quotation marks. An opening mark without a closing one runs to
/// the end of the sentence, and a closing mark without an opening one starts at its
/// beginning: a quotation spanning sentences leaves such halves in each.
pub(super) fn quoted_ranges(marks: &[(usize, bool)], token_count: usize) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for (i, &(at, opening)) in marks.iter().enumerate() {
        match (open, opening) {
            (None, true) => open = Some(at),
            (None, false) if i == 0 => ranges.push(0..at),
            (Some(start), false) => {
                ranges.push(start..at);
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        ranges.push(start..token_count);
    }
    ranges.retain(|r| r.len() >= MIN_QUOTE_TOKENS);
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_ignore_case_quotes_and_punctuation() {
        let (a, _) = tokenize("“We’re here,” he said -- ISIS.");
        let (b, _) = tokenize("\"We're here,\" He said — Isis");
        assert_eq!(a, b);
        assert_eq!(a.len(), 6);
        // Each token is the hash of the word lower-cased.
        let words = ["we", "re", "here", "he", "said", "isis"];
        assert_eq!(a, words.map(token));
        let (c, _) = tokenize("Ünal İstanbul");
        assert_eq!(c, ["ünal", "i̇stanbul"].map(token));
    }

    #[test]
    fn finds_quotations_including_halves() {
        let (tokens, marks) = tokenize("“We are gradually heading in the right direction,” the president said.");
        assert_eq!(quoted_ranges(&marks, tokens.len()), vec![0..8]);
        let (tokens, marks) = tokenize("“Only the Syrian people define who is going to be the president.");
        assert_eq!(quoted_ranges(&marks, tokens.len()), vec![0..tokens.len()]);
        let (tokens, marks) = tokenize("They never said a single word regarding this,” he said.");
        assert_eq!(quoted_ranges(&marks, tokens.len()), vec![0..8]);
        let (tokens, marks) = tokenize("whose \"patience and determination'' in pushing");
        assert!(quoted_ranges(&marks, tokens.len()).is_empty(), "too short to count");
    }
}
