//! Annotation kept between runs (`sitegen serve`) gives what a fresh run gives.

mod common;

use annotate::{AnnotationCache, Annotations, EntityMatcher, annotate, annotate_cached};
use common::seeds;

/// Everything the annotations hold, in a form that compares whole.
fn parts(annotations: &Annotations) -> String {
    format!(
        "{:#?}\n{:#?}\n{:#?}\n{:#?}\n{:#?}",
        annotations.mentions,
        annotations.reuse,
        annotations.stories,
        annotations.quotations.quotes,
        annotations.quotations.phrases
    )
}

fn check(corpus: &corpus::Corpus, cache: &mut AnnotationCache) {
    let matcher = EntityMatcher::new(&corpus.entities);
    let cached = annotate_cached(corpus, &matcher, cache);
    assert_eq!(parts(&cached), parts(&annotate(corpus, &matcher)));
}

/// After an edit, after the first source is removed (every other source is numbered anew),
/// and after the catalogue changes, the kept findings give a fresh run's annotations; the
/// sources that did not change are not read again.
#[test]
fn cached_annotations_are_those_of_a_fresh_run() {
    let mut cache = AnnotationCache::default();
    let corpus = seeds();
    let count = corpus.sources.len();
    check(&corpus, &mut cache);
    assert_eq!(cache.reused_sources(), 0);
    check(&corpus, &mut cache);
    assert_eq!(cache.reused_sources(), count);

    let mut edited = corpus.clone();
    let block = edited.sources[2].blocks.iter_mut().find(|b| b.sentences.len() > 1).expect("a paragraph");
    block.text = format!("Vladimir Putin said: “We will see.” {}", block.text);
    block.sentences = corpus::sentences::split(&block.text);
    check(&edited, &mut cache);
    assert_eq!(cache.reused_sources(), count - 1);

    edited.sources.remove(0);
    check(&edited, &mut cache);
    assert_eq!(cache.reused_sources(), count - 1);

    edited.entities.pop();
    check(&edited, &mut cache);
    assert_eq!(cache.reused_sources(), 0, "a new catalogue finds every source's mentions again");
}
