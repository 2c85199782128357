//! `corpus::sentences::split` and `glue_points` over any text: never a panic, and ranges
//! and points that can be used to slice the text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sitegen_fuzz::assert_sentences;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    assert_sentences(&text, &corpus::sentences::split(&text));
    let points = corpus::sentences::glue_points(&text);
    assert!(points.windows(2).all(|w| w[0] < w[1]), "glue points out of order: {points:?}");
    for &point in &points {
        assert!(point > 0 && point < text.len() && text.is_char_boundary(point), "bad glue point {point} in {text:?}");
    }
});
