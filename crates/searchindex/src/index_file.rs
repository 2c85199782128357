//! What the index is written as: files in one folder of the site, in one version of the
//! format (see the crate's documentation).

/// The folder the index is written to, inside the site.
pub const FOLDER: &str = "search";

/// The version of the format, in `index.json`.
pub const VERSION: u32 = 1;

/// One file of the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexFile {
    /// Its path inside the search folder (`terms/3.json`).
    pub path: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}
