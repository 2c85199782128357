use super::pull_quotes::{PULL_QUOTE_MAX_WORDS, PULL_QUOTE_MIN_WORDS};
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

/// The definition `repeats_a_passage` implements, comparing every unit with every other.
fn repeats_by_definition(folded: &[String]) -> Vec<bool> {
    let words = |t: &str| t.split(' ').filter(|w| !w.is_empty()).count();
    (0..folded.len())
        .map(|i| {
            (PULL_QUOTE_MIN_WORDS..=PULL_QUOTE_MAX_WORDS).contains(&words(&folded[i]))
                && folded.iter().enumerate().any(|(j, other)| {
                    j != i
                        && other.len() > folded[i].len()
                        && format!(" {other} ").contains(&format!(" {} ", folded[i]))
                })
        })
        .collect()
}

#[test]
fn finds_repeated_passages_as_comparing_every_pair_does() {
    let units = [
        "nowhere is there a greater hotbed for terrorists than in syria",
        "kerry said nowhere is there a greater hotbed for terrorists than in syria on thursday",
        "nowhere is there a greater hotbed for terrorists than in syria",
        "is there a greater hotbed for terrorists",
        "there a greater hotbed for terror",
        "a greater hotbed for terrorists than in syria said kerry",
        "one two three four five",
        "one two three four five six",
        "zero one two three four five six seven",
        "two three four five six seven",
        "",
    ];
    let folded: Vec<String> = units.iter().map(|u| u.to_string()).collect();
    let expected = repeats_by_definition(&folded);
    assert_eq!(expected, [true, false, true, true, false, false, false, true, false, true, false]);
    assert_eq!(repeats_a_passage(&units), expected);
    // Every subset of a family of overlapping texts agrees too.
    let family: Vec<String> =
        (0..12).map(|n| (n..n + 6 + n % 4).map(|w| format!("w{}", w % 7)).collect::<Vec<_>>().join(" ")).collect();
    for mask in 0u32..(1 << family.len()) {
        let subset: Vec<String> =
            family.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, t)| t.clone()).collect();
        let texts: Vec<&str> = subset.iter().map(String::as_str).collect();
        assert_eq!(repeats_a_passage(&texts), repeats_by_definition(&subset), "{subset:?}");
    }
}

#[test]
fn many_one_line_paragraphs_are_cleaned_in_linear_time() {
    // Every line a paragraph of its own: comparing each with every longer one took 80 s for
    // these 20,000 lines in a debug build (and hours for 100,000); now it takes about 2 s.
    let raw: String = (0..20_000)
        .map(|i| format!("Line {i} says that the talks went on for {} hours and ended.\n\n", i % 97))
        .collect();
    let started = std::time::Instant::now();
    let cleaned = clean(&raw, "Title");
    assert_eq!(cleaned.blocks.len(), 20_000);
    assert!(started.elapsed() < std::time::Duration::from_secs(40), "{:?}", started.elapsed());
}

/// The cleaned article written out as raw text again, as `tests/clean_props.rs` does.
fn written_out(cleaned: &Cleaned) -> String {
    let text = |b: &Block| match &b.attribution {
        Some(name) => format!("{}\n- {name}", b.text),
        None => b.text.clone(),
    };
    cleaned.blocks.iter().map(text).collect::<Vec<_>>().join("\n\n")
}

/// Cleans `raw`, checks that cleaning the result again changes nothing, and returns it.
fn clean_stable(raw: &str, title: &str) -> Cleaned {
    let once = clean(raw, title);
    let twice = clean(&written_out(&once), title);
    assert_eq!(twice.blocks, once.blocks, "{raw:?}");
    assert!(twice.dropped.is_empty(), "{raw:?}: {:?}", twice.dropped);
    once
}

// The inputs below were found by the property tests (`tests/clean_props.rs`) and by fuzzing
// (`fuzz/fuzz_targets/clean.rs`): each was cleaned differently the second time.

#[test]
fn drops_a_paragraph_repeated_whatever_its_line_breaks_or_tags() {
    // Hard-wrapped, so no raw line repeated the one before it.
    let cleaned = clean_stable("The\nthe the.\nThe\nthe the.\n", "Joint Command");
    assert_eq!(kinds_and_texts(&cleaned), [("paragraph", "The the the.")]);
    assert_eq!(reasons(&cleaned), ["repeated"]);
    // Boilerplate between the copies, a wire tag on one, a copy glued to the other.
    for raw in [
        "Putin spoke.\nAdvertisement\nPutin spoke.",
        "MOSCOW (AFP) - Putin spoke.\nPutin spoke.",
        "Putin spoke.Putin spoke.",
    ] {
        let cleaned = clean_stable(raw, "Title");
        assert_eq!(kinds_and_texts(&cleaned), [("paragraph", "Putin spoke.")], "{raw:?}");
    }
    // An attribution under the copy goes to the first copy.
    let cleaned = clean_stable(
        "Nowhere is there a greater hotbed\nfor terrorists.\nNowhere is there a greater hotbed\nfor terrorists.\n- John Kerry",
        "Title",
    );
    assert_eq!(cleaned.blocks.len(), 1);
    assert_eq!(cleaned.blocks[0].attribution.as_deref(), Some("John Kerry"));
    // An attribution printed again after boilerplate.
    let cleaned = clean_stable("Putin spoke of peace.\n- John Kerry\n\nShare this article\n\n- John Kerry", "Title");
    assert_eq!(kinds_and_texts(&cleaned), [("pullquote", "Putin spoke of peace.")]);
}

#[test]
fn drops_boilerplate_that_joining_splitting_or_cutting_reshaped() {
    // A wrapped headline, furniture glued to a sentence (with the attribution under it), and
    // furniture behind a wire tag.
    let raw = "Putin spoke.\n\nUS moving\ntowards cooperation\n\nKerry listened, he said.Advertisement\n- John Kerry\n\n\
               MOSCOW (AFP) - Advertisement";
    let cleaned = clean_stable(raw, "US moving towards cooperation");
    assert_eq!(kinds_and_texts(&cleaned), [("paragraph", "Putin spoke."), ("paragraph", "Kerry listened, he said.")]);
    assert_eq!(reasons(&cleaned), ["title", "furniture", "furniture", "wire-tag", "furniture"]);
}

#[test]
fn a_hard_wrapped_heading_is_a_heading() {
    let cleaned = clean_stable("Putin spoke.\n\nGood\nvs bad terrorists\n\nKerry spoke.", "Title");
    assert_eq!(kinds_and_texts(&cleaned)[1], ("heading", "Good vs bad terrorists"));
}

#[test]
fn cuts_every_wire_tag_at_either_end() {
    let cleaned = clean_stable("(Bloomberg) -- MOSCOW (AFP) - Top US envoy met Putin. – (Reuters) – (AFP)", "Title");
    assert_eq!(kinds_and_texts(&cleaned), [("paragraph", "Top US envoy met Putin.")]);
    let tags: Vec<&str> = cleaned.dropped.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(tags, ["(Bloomberg) --", "MOSCOW (AFP) -", "– (Reuters)", "– (AFP)"]);
}

#[test]
fn an_orphan_heading_makes_no_pull_quote() {
    // The paragraph's words stand in the last line, a heading with no section after it.
    let cleaned =
        clean_stable("Kerry met Lavrov in Geneva today.\n\nKerry met Lavrov in Geneva today and more", "Title");
    assert_eq!(kinds_and_texts(&cleaned), [("paragraph", "Kerry met Lavrov in Geneva today.")]);
    assert_eq!(reasons(&cleaned), ["orphan-heading"]);
}

#[test]
fn splits_every_glued_sentence_the_first_time() {
    let cleaned = clean_stable("njjwow.A2j.A2j?AA", "Title");
    assert_eq!(kinds_and_texts(&cleaned), [("paragraph", "njjwow."), ("paragraph", "A2j."), ("paragraph", "A2j?")]);
}
