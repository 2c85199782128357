//! A line in pieces for reading dates: numbers in any script's digits, folded words, marks.

use super::vocab;

/// What a piece of a line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of digits (ASCII, Arabic-Indic, Persian, Devanagari or full-width), with its
    /// value and how many digits it has.
    Number(u32, usize),
    /// A run of letters, lower-case, without Arabic short vowels, and whether it began with a
    /// capital (`None` in a script without capitals). A Chinese character stands alone, as
    /// Chinese dates write "年" straight after the year's digits and before the month's.
    Word(String, Option<bool>),
    /// Any other character but white space.
    Mark(char),
}

/// One piece of a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    /// What it is.
    pub(super) kind: Kind,
    /// Whether white space (or the start of the line) stands before it: "15.07.2016" is one
    /// date, "15. 07. 2016" is not read as one.
    pub(super) spaced: bool,
    /// Where it starts in the line, in bytes.
    pub(super) at: usize,
}

impl Token {
    /// The folded word, if the token is one.
    pub(super) fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(word, _) => Some(word),
            _ => None,
        }
    }

    /// The number and its count of digits, if the token is one.
    pub(super) fn number(&self) -> Option<(u32, usize)> {
        match self.kind {
            Kind::Number(value, digits) => Some((value, digits)),
            _ => None,
        }
    }

    /// Whether the token is the mark `c`.
    pub(super) fn is(&self, c: char) -> bool {
        self.kind == Kind::Mark(c)
    }
}

/// The value of a digit in the scripts that news sites write dates in.
fn digit(c: char) -> Option<u32> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{660}'..='\u{669}' => '\u{660}',
        '\u{6F0}'..='\u{6F9}' => '\u{6F0}',
        '\u{966}'..='\u{96F}' => '\u{966}',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        _ => return None,
    };
    Some(u32::from(c) - u32::from(zero))
}

/// Arabic short vowels and the tatweel: dropped from words, as month names are written with
/// and without them.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{64B}'..='\u{65F}' | '\u{670}' | '\u{640}')
}

/// A Chinese character (the CJK Unified Ideographs and their first extension).
pub(super) fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// A letter of a word: Chinese characters stand alone, Arabic vowel marks belong to words.
fn is_letter(c: char) -> bool {
    (c.is_alphabetic() || is_arabic_mark(c)) && !is_han(c)
}

/// The pieces of `line`.
pub(super) fn tokens(line: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut spaced = true;
    let mut chars = line.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c.is_whitespace() {
            spaced = true;
            continue;
        }
        let kind = if let Some(first) = digit(c) {
            let (mut value, mut count) = (first, 1);
            while let Some(d) = chars.peek().and_then(|&(_, n)| digit(n)) {
                value = value.saturating_mul(10).saturating_add(d);
                count += 1;
                chars.next();
            }
            Kind::Number(value, count)
        } else if is_han(c) {
            Kind::Word(c.to_string(), None)
        } else if is_letter(c) {
            let capital = if c.is_uppercase() {
                Some(true)
            } else if c.is_lowercase() {
                Some(false)
            } else {
                None
            };
            let mut word = String::new();
            let mut push = |c: char| {
                if !is_arabic_mark(c) {
                    word.extend(c.to_lowercase().map(vocab::plain));
                }
            };
            push(c);
            while let Some(&(_, n)) = chars.peek().filter(|&&(_, n)| is_letter(n)) {
                push(n);
                chars.next();
            }
            Kind::Word(word, capital)
        } else {
            Kind::Mark(c)
        };
        out.push(Token { kind, spaced, at });
        spaced = false;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_lines_into_numbers_words_and_marks() {
        let kinds = |line: &str| tokens(line).into_iter().map(|t| (t.kind, t.spaced)).collect::<Vec<_>>();
        assert_eq!(tokens("ab  12").iter().map(|t| t.at).collect::<Vec<_>>(), [0, 4]);
        let word = |w: &str, capital| Kind::Word(w.to_string(), capital);
        assert_eq!(
            kinds("Tue, 15.07"),
            [
                (word("tue", Some(true)), true),
                (Kind::Mark(','), false),
                (Kind::Number(15, 2), true),
                (Kind::Mark('.'), false),
                (Kind::Number(7, 2), false)
            ]
        );
        assert_eq!(kinds("١٥ يُوليو ۲۰۱۶")[..2], [(Kind::Number(15, 2), true), (word("يوليو", None), true)]);
        assert_eq!(kinds("ΙΟΥΛΊΟΥ")[0].0, word("ιουλιου", Some(true)));
        assert_eq!(kinds("2016年7月")[1], (word("年", None), false));
        assert_eq!(kinds("99999999999")[0].0, Kind::Number(u32::MAX, 11));
    }
}
