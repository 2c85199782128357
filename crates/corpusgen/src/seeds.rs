//! The seeds shape: stories of one to four versions, as the crate documentation describes.

use crate::boilerplate::{Frame, render};
use crate::date::Day;
use crate::generated_source::GeneratedSource;
use crate::mutate::{Article, base_article, insert_sentence, pick_quotation, republish, title_of, tweak_title};
use crate::options::Options;
use crate::rng::{Rng, hash};
use crate::vocab::{OUTLETS, WIRES};

/// Probability that a story has a single source.
const SINGLE_STORY: f64 = 0.4;
/// Probability that a story quotes a sentence of another story.
const SHARED_QUOTE: f64 = 0.05;
/// Probability that a story is wire copy.
const WIRE_COPY: f64 = 0.6;

/// Exactly `options.sources` sources from the sentence pool, story by story (not yet
/// shuffled or named).
pub fn generate(pool: &[String], options: &Options) -> Vec<GeneratedSource> {
    let n = options.sources;
    let mut bases: Vec<Article> = Vec::new();
    let mut out: Vec<GeneratedSource> = Vec::with_capacity(n);
    while out.len() < n {
        let story = bases.len();
        let salt = hash(&[options.seed, story as u64, 1]);
        let mut rng = Rng::new(hash(&[options.seed, story as u64, 2]));
        let versions = if rng.chance(SINGLE_STORY) { 1 } else { rng.range(2, 4) };
        let versions = versions.min(n - out.len());
        let mut base = base_article(pool, salt, &mut rng);
        if story > 0 && rng.chance(SHARED_QUOTE) {
            let other = rng.below(story);
            if let Some(quote) = pick_quotation(&bases[other], &mut rng) {
                insert_sentence(&mut base, quote, &mut rng);
            }
        }
        let wire = rng.chance(WIRE_COPY).then(|| *rng.pick(WIRES));
        let event = Day::START.plus(rng.below(Day::PERIOD));
        let outlets = rng.sample(OUTLETS.len(), versions);
        let origin_title = title_of(&base);
        for (version, &outlet) in outlets.iter().enumerate() {
            let (article, title, published) = if version == 0 {
                (base.clone(), origin_title.clone(), event)
            } else {
                let plain = rng.chance(0.5);
                let article = republish(&base, plain, &mut rng);
                let title = tweak_title(&origin_title, &mut rng);
                (article, title, event.plus(rng.range(0, 3)))
            };
            let frame = Frame {
                title: &title,
                outlet: OUTLETS[outlet],
                wire,
                published,
                event,
                story_salt: salt,
                origin: version == 0,
            };
            let (body, furniture) = render(&article, &frame, &mut rng);
            out.push(GeneratedSource {
                slug: String::new(),
                title,
                outlet: OUTLETS[outlet].to_string(),
                wire: wire.map(str::to_string),
                published: published.to_string(),
                story,
                version,
                body,
                furniture,
            });
        }
        bases.push(base);
    }
    out
}
