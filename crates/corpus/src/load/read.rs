//! Reading one content file as bytes, UTF-8 text or YAML, adding any failure to the load's
//! errors instead of stopping.

use std::fs;
use std::path::Path;

use super::errors::Errors;
use crate::ContentError;
use crate::yaml::{decode_utf8, parse};

fn read_bytes(path: &Path, errors: &mut Errors) -> Option<Vec<u8>> {
    match fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            errors.0.push(ContentError::file(path, "file not found"));
            None
        }
        Err(error) => {
            errors.0.push(ContentError::file(path, format!("cannot read: {error}")));
            None
        }
    }
}

/// The text of `path`, which must be UTF-8.
pub(crate) fn read_text(path: &Path, errors: &mut Errors) -> Option<String> {
    let bytes = read_bytes(path, errors)?;
    decode_utf8(path, bytes).map_err(|e| errors.0.push(e)).ok()
}

/// The YAML file `path`, parsed into `T` with its errors located.
pub(crate) fn read_yaml<T: serde::de::DeserializeOwned>(path: &Path, errors: &mut Errors) -> Option<T> {
    let text = read_text(path, errors)?;
    parse(path, &text).map_err(|e| errors.0.push(e)).ok()
}
