//! Finding an article's metadata in its raw text: URL, outlet, title, date, wire and byline.
//!
//! Every finder is conservative: it returns nothing rather than a guess. A field it cannot
//! find is left for the user to fill in.

/// What an article's address says.
mod address;
/// News agencies and the credits that name them.
mod agencies;
/// Bylines and wire stories' reporter credits.
mod byline;
/// Dates written in a line, in many formats and languages.
mod dates;
/// The headline of a raw text.
mod headline;
/// The publication date of a whole text.
mod published;
/// A line in pieces, for reading dates.
mod tokens;
/// Month names, weekdays and date labels in many languages.
mod vocab;
/// Wire stories' agencies: from tags, credit lines and bylines.
mod wire;

pub(super) use address::{outlet_of, title_hint, url_of};
pub(super) use byline::byline_found;
pub(super) use dates::{first_date, today};
pub(super) use headline::{normalize, title};
pub(super) use published::published_from;
pub(super) use wire::wire;
