//! What the build writes besides pages: briefing.json, the Atom feeds and the search index's
//! documents, and the pretty JSON writer they share.

pub(crate) mod briefing;
pub(crate) mod feeds;
pub(crate) mod pretty_json;
pub(crate) mod search;
