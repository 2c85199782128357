//! The news shape: a corpus like a feed of wire stories and the many outlets that carry them.
//!
//! - Story sizes are heavy-tailed ([`sizes`]): at 10,000 sources about 1,700 stories, half
//!   of them with one version, and the largest with several hundred.
//! - The versions of a story come from distinct outlets among thousands ([`outlets`]), each
//!   with its own page furniture ([`furniture`]), within three days of the event.
//! - Half the versions carry the origin's text verbatim; the others are lightly edited or
//!   rewritten ([`edit`]).
//! - Stories share stock sentences, the odd long background sentence, and the agencies'
//!   sign-offs ([`stock`]).

mod edit;
mod furniture;
mod outlets;
mod sizes;
mod stock;

use crate::date::Day;
use crate::generated_source::GeneratedSource;
use crate::mutate::{base_article, title_of, tweak_title};
use crate::options::Options;
use crate::rng::{Rng, hash};
use crate::vocab::WIRES;

use furniture::{Page, Style};
use sizes::Sizes;

/// Probability that a small story is wire copy.
const WIRE_COPY: f64 = 0.5;
/// A story with this many versions or more is always wire copy: nothing else gets carried
/// so widely.
const WIRE_SIZE: usize = 5;
/// Chances, in percent, that a republication appears zero, one, two or three days after the
/// event: most outlets carry a wire story the same day or the next.
const DAYS_AFTER: [usize; 4] = [45, 35, 12, 8];

/// The day of a republication, counted from the event.
fn days_after(rng: &mut Rng) -> usize {
    let mut roll = rng.below(100);
    for (days, &chance) in DAYS_AFTER.iter().enumerate() {
        if roll < chance {
            return days;
        }
        roll -= chance;
    }
    DAYS_AFTER.len() - 1
}

/// Exactly `options.sources` sources from the sentence pool, story by story (not yet
/// shuffled or named). Each story, and each version, draws from its own generator, so a
/// story does not depend on how the ones before it were edited.
pub fn generate(pool: &[String], options: &Options) -> Vec<GeneratedSource> {
    let n = options.sources;
    let mut sizes = Sizes::new(hash(&[options.seed, 10]));
    let mut out: Vec<GeneratedSource> = Vec::with_capacity(n);
    let mut story = 0;
    while out.len() < n {
        let versions = sizes.next(n - out.len(), outlets::COUNT);
        let salt = hash(&[options.seed, story as u64, 11]);
        let mut rng = Rng::new(hash(&[options.seed, story as u64, 12]));
        let mut base = base_article(pool, salt, &mut rng);
        stock::add_stock_sentences(&mut base, &mut rng);
        let wire = (versions >= WIRE_SIZE || rng.chance(WIRE_COPY)).then(|| *rng.pick(WIRES));
        let sign_off = wire.and_then(|agency| stock::sign_off(agency, &mut rng));
        let event = Day::START.plus(rng.below(Day::PERIOD));
        let origin_title = title_of(&base);
        for (version, outlet) in rng.sample(outlets::COUNT, versions).into_iter().enumerate() {
            let mut rng = Rng::new(hash(&[options.seed, story as u64, version as u64, 13]));
            let (article, title, published) = if version == 0 {
                (base.clone(), origin_title.clone(), event)
            } else {
                let article = edit::version(&base, &mut rng);
                (article, tweak_title(&origin_title, &mut rng), event.plus(days_after(&mut rng)))
            };
            let name = outlets::name(outlet);
            let page = Page { title: &title, outlet: &name, wire, sign_off: sign_off.as_deref(), published, event };
            let (body, furniture) = furniture::render(&article, &page, &Style::of(outlet), pool, &mut rng);
            out.push(GeneratedSource {
                slug: String::new(),
                title,
                outlet: name,
                wire: wire.map(str::to_string),
                published: published.to_string(),
                story,
                version,
                body,
                furniture,
            });
        }
        story += 1;
    }
    out
}
