use super::*;

fn kinds_and_texts(cleaned: &Cleaned) -> Vec<(&'static str, &str)> {
    cleaned.blocks.iter().map(|b| (b.kind.as_str(), b.text.as_str())).collect()
}

fn reasons(cleaned: &Cleaned) -> Vec<&'static str> {
    cleaned.dropped.iter().map(|d| d.reason.as_str()).collect()
}

#[test]
fn drops_header_lines_and_wire_tag_and_keeps_headings_in_place() {
    let raw = "http://example.com/story?id=1\n20\n2\n(Bloomberg) -- Putin said Russia and the U.S. are close.\n\n\
               Putin praised Kerry.\n\nJoint Command\n\nThe U.S. proposed a group.\n\n\
               (Updates with Putin comments.)\n\n--With assistance from A B To contact the reporter: ab@example.com\n\n©2016 Bloomberg L.P.";
    let cleaned = clean(raw, "Putin says deal is close");
    assert_eq!(
        kinds_and_texts(&cleaned),
        [
            ("paragraph", "Putin said Russia and the U.S. are close."),
            ("paragraph", "Putin praised Kerry."),
            ("heading", "Joint Command"),
            ("paragraph", "The U.S. proposed a group."),
        ]
    );
    assert_eq!(
        reasons(&cleaned),
        ["url", "identifier", "identifier", "wire-tag", "editors-note", "contact", "copyright"]
    );
}

#[test]
fn splits_glued_paragraphs_and_drops_orphan_headings() {
    let raw = "Joint Command\n\nGradual Change\n\nPutin spoke of Islamic State.Putin, a critic, praised Kerry, he said.The U.S. and \"one.\"A softening followed.";
    let cleaned = clean(raw, "Title");
    assert_eq!(
        kinds_and_texts(&cleaned),
        [
            ("paragraph", "Putin spoke of Islamic State."),
            ("paragraph", "Putin, a critic, praised Kerry, he said."),
            ("paragraph", "The U.S. and \"one.\""),
            ("paragraph", "A softening followed."),
        ]
    );
    assert_eq!(reasons(&cleaned), ["orphan-heading", "orphan-heading"]);
}

#[test]
fn drops_doubled_captions_title_and_reading_lines() {
    let raw = "US moving towards cooperation\n\nUS moving towards cooperation\nKerry urged cooperation during a visit to Moscow.\n4 min read\n15 July, 2016\n\
               Kerry has urged closer cooperation with Russia in Syria [AFP]\n\n\
               Putin meets Kerry at the Kremlin, July 14, 2016.\nPutin meets Kerry at the Kremlin, July 14, 2016.PHOTO: REUTERS\n\n\
               MOSCOW (AFP) - Top US envoy John Kerry met Putin.";
    let cleaned = clean(raw, "US moving towards cooperation");
    assert_eq!(
        kinds_and_texts(&cleaned),
        [
            ("paragraph", "Kerry urged cooperation during a visit to Moscow."),
            ("paragraph", "Top US envoy John Kerry met Putin."),
        ]
    );
    assert_eq!(
        reasons(&cleaned),
        ["title", "title", "reading-time", "dateline", "caption", "caption", "caption", "wire-tag"]
    );
}

#[test]
fn recognises_pull_quotes() {
    let raw = "Kerry spoke. \"Nowhere is there a greater hotbed for terrorists than in Syria,\" Kerry said.\n\n\
               Nowhere is there a greater hotbed for terrorists than in Syria.\n- John Kerry\n\n\
               Lavrov listened.";
    let cleaned = clean(raw, "Title");
    assert_eq!(cleaned.blocks[1].kind, BlockKind::Pullquote);
    assert_eq!(cleaned.blocks[1].attribution.as_deref(), Some("John Kerry"));
    assert_eq!(cleaned.blocks[1].text, "Nowhere is there a greater hotbed for terrorists than in Syria.");
    assert_eq!(cleaned.blocks[2].kind, BlockKind::Paragraph);
}

#[test]
fn joins_hard_wrapped_lines_and_splits_sentences() {
    let raw = "The talks in Geneva were long and\ndifficult. Kerry and Lavrov met twice.\nA new line stands alone.";
    let cleaned = clean(raw, "Title");
    assert_eq!(
        kinds_and_texts(&cleaned),
        [
            ("paragraph", "The talks in Geneva were long and difficult. Kerry and Lavrov met twice."),
            ("paragraph", "A new line stands alone."),
        ]
    );
    let first = &cleaned.blocks[0];
    let sentences: Vec<&str> = first.sentences.iter().map(|r| &first.text[r.clone()]).collect();
    assert_eq!(sentences, ["The talks in Geneva were long and difficult.", "Kerry and Lavrov met twice."]);
}

#[test]
fn drops_trailing_wire_tag_and_furniture() {
    let raw = "Advertisement\n\nThe diplomat named Riad Hijab.\n\nShare this article\n\nREAD MORE: Kerry in Moscow\n\nHe named Ahmad Jarba.– (Reuters)";
    let cleaned = clean(raw, "Title");
    assert_eq!(
        kinds_and_texts(&cleaned),
        [("paragraph", "The diplomat named Riad Hijab."), ("paragraph", "He named Ahmad Jarba.")]
    );
    assert_eq!(reasons(&cleaned), ["furniture", "furniture", "furniture", "wire-tag"]);
}

#[test]
fn never_loses_a_word_of_kept_text() {
    let raw = "Putin said.\u{a0}He  smiled.\n\nKerry\u{200b} agreed.";
    let cleaned = clean(raw, "Title");
    let words: Vec<&str> = cleaned.blocks.iter().flat_map(|b| b.text.split(' ')).collect();
    assert_eq!(words, ["Putin", "said.", "He", "smiled.", "Kerry", "agreed."]);
    assert!(cleaned.dropped.is_empty());
}
