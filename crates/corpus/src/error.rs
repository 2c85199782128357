//! Content errors: located, collected, reported together.

use std::fmt;
use std::path::PathBuf;

/// One problem in the content folder, located as precisely as the input allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    /// The file at fault, as the user named it (the content folder joined with the file).
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<u64>,
    /// 1-based column, when known.
    pub column: Option<u64>,
    /// The field at fault (`published`, `entities[3].id`), when there is one.
    pub field: Option<String>,
    /// What is wrong, in words.
    pub message: String,
}

impl ContentError {
    /// An error about a whole file (unreadable, missing, misnamed).
    pub fn file(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        ContentError { path: path.into(), line: None, column: None, field: None, message: message.into() }
    }

    /// An error at a known place in a file.
    pub fn at(
        path: impl Into<PathBuf>,
        line: u64,
        column: u64,
        field: Option<String>,
        message: impl Into<String>,
    ) -> Self {
        ContentError { path: path.into(), line: Some(line), column: Some(column), field, message: message.into() }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": ")?;
        if let Some(field) = &self.field {
            write!(f, "field `{field}`: ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// Every content error of one load, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "error: {error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}
