//! `annotate::EntityMatcher` over any text, with a small fixed catalogue that has every kind
//! of alias: multi-word, nested, any-case, descriptive, `stands_for`, accented and Cyrillic.
//! Each line of the input is one block of a document, so descriptive aliases come into play
//! once an earlier line named their entity. Checks that every mention slices the text on
//! character boundaries, in order without overlap, as a whole word, and reads as an alias.

#![no_main]

use std::sync::LazyLock;

use annotate::EntityMatcher;
use corpus::{Entity, EntityKind};
use libfuzzer_sys::fuzz_target;
use sitegen_fuzz::assert_ranges;

fn entity(id: &str, name: &str, aliases: &[&str], any_case: &[&str]) -> Entity {
    Entity {
        id: id.into(),
        name: name.into(),
        kind: EntityKind::Person,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        aliases_any_case: any_case.iter().map(|a| a.to_string()).collect(),
        stands_for: None,
        description: None,
        wikidata: None,
    }
}

/// The catalogue of `crates/annotate/src/entities/tests.rs`, with a descriptive alias and an
/// any-case alias that starts and ends with punctuation.
static CATALOGUE: LazyLock<Vec<Entity>> = LazyLock::new(|| {
    let mut moscow = entity("moscow", "Moscow", &["Москва"], &[]);
    moscow.stands_for = Some(5);
    vec![
        entity("putin", "Vladimir Putin", &["Putin", "Russian President Vladimir Putin", "the Russian president"], &[]),
        entity("us", "United States", &["US", "U.S."], &[]),
        entity("iran", "Iran", &[], &[]),
        entity("nusra", "Nusra Front", &["al-Nusra"], &["(JFS)"]),
        moscow,
        entity("russia", "Russia", &[], &[]),
        entity("islamic-state", "Islamic State", &[], &["ISIS", "Daesh"]),
        entity("erdogan", "Recep Tayyip Erdoğan", &["Erdoğan"], &[]),
        entity("envoy", "Staffan de Mistura", &["UN Syria envoy Staffan de Mistura", "the UN envoy"], &[]),
        entity("un", "United Nations", &["UN"], &[]),
    ]
});

static MATCHER: LazyLock<EntityMatcher> = LazyLock::new(|| EntityMatcher::new(&CATALOGUE));

fn is_alias(words: &str) -> bool {
    CATALOGUE.iter().any(|e| {
        std::iter::once(&e.name).chain(&e.aliases).any(|a| a == words)
            || e.aliases_any_case.iter().any(|a| a.eq_ignore_ascii_case(words))
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut named = vec![false; CATALOGUE.len()];
    for block in text.split('\n') {
        let found = MATCHER.find(block, &mut named);
        let ranges: Vec<_> = found.iter().map(|m| m.range.clone()).collect();
        assert_ranges(block, &ranges);
        for m in &found {
            assert!(m.entity < CATALOGUE.len());
            let words = &block[m.range.clone()];
            assert!(is_alias(words), "{words:?} is no alias");
            let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            let inner = (words.chars().next(), words.chars().next_back());
            assert!(
                !(word(inner.0) && word(block[..m.range.start].chars().next_back())),
                "{words:?} starts inside a word of {block:?}"
            );
            assert!(
                !(word(inner.1) && word(block[m.range.end..].chars().next())),
                "{words:?} ends inside a word of {block:?}"
            );
        }
    }
});
