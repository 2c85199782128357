//! The cleaner over any text. The first line is the headline, the rest the raw article.
//! Checks its contract: every word of the raw text is kept or recorded as dropped (as
//! multisets), blocks are single non-empty lines, and their sentence ranges slice them; and
//! cleaning what it kept, written out again, keeps all of it unchanged.

#![no_main]

use corpus::BlockKind;
use libfuzzer_sys::fuzz_target;
use sitegen_fuzz::{assert_sentences, visible, word_bag, written_out};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (title, raw) = text.split_once('\n').unwrap_or(("", &text));
    let cleaned = corpus::clean(raw, title);
    let mut kept: Vec<&str> = Vec::new();
    for block in &cleaned.blocks {
        assert!(!block.text.is_empty() && !block.text.contains('\n'), "block {:?}", block.text);
        assert_eq!(block.text, block.text.trim(), "block not trimmed");
        assert_sentences(&block.text, &block.sentences);
        if block.kind == BlockKind::Heading {
            assert!(
                matches!(block.sentences.as_slice(), [one] if *one == (0..block.text.len())),
                "a heading is one sentence"
            );
        }
        kept.push(&block.text);
        kept.extend(block.attribution.as_deref());
    }
    kept.extend(cleaned.dropped.iter().map(|d| d.text.as_str()));
    let visible_raw = visible(raw);
    assert_eq!(word_bag([visible_raw.as_str()]), word_bag(kept), "words lost or invented; raw {raw:?}");
    let again = corpus::clean(&written_out(&cleaned), title);
    assert_eq!(again.blocks, cleaned.blocks, "cleaning twice differs from once; raw {raw:?}");
    assert!(again.dropped.is_empty(), "cleaning twice drops {:?}; raw {raw:?}", again.dropped);
});
