//! The list of content errors one load collects: every check adds to it instead of stopping,
//! so a user sees all that is wrong with the content folder at once.

use std::path::Path;

use serde_saphyr::Spanned;

use crate::ContentError;

/// Collects errors for one load; every check adds to it instead of stopping.
pub(crate) struct Errors(pub(crate) Vec<ContentError>);

impl Errors {
    /// Adds an error at the place in `path` where `spanned` was written, naming `field`. A
    /// value with no known place (a default) is reported at the start of the file.
    pub(crate) fn at(&mut self, path: &Path, spanned: &Spanned<impl Sized>, field: &str, message: impl Into<String>) {
        let location = spanned.referenced;
        let (line, column) = if location.line() == 0 { (1, 1) } else { (location.line(), location.column()) };
        self.0.push(ContentError::at(path, line, column, Some(field.to_string()), message));
    }
}
