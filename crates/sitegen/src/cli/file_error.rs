//! What `sitegen import` and `sitegen new` report about a file they could not read or write:
//! the file, and what went wrong with it, each kind of problem a variant of its own.

use std::io;
use std::path::PathBuf;

/// A file that could not be read or written, and why.
#[derive(Debug, thiserror::Error)]
#[error("error: {}: {problem}", path.display())]
pub struct FileError {
    /// The file (or folder) concerned.
    pub path: PathBuf,
    /// What went wrong.
    #[source]
    pub problem: FileProblem,
}

impl FileError {
    /// `problem` with `path`.
    pub fn new(path: impl Into<PathBuf>, problem: FileProblem) -> FileError {
        FileError { path: path.into(), problem }
    }
}

/// What went wrong with a file.
#[derive(Debug, thiserror::Error)]
pub enum FileProblem {
    /// The content folder is missing, or a file.
    #[error("the content folder does not exist or is not a folder")]
    NoContentFolder,
    /// A folder could not be made.
    #[error("cannot create the folder: {0}")]
    CreateFolder(#[source] io::Error),
    /// Something is already at the path: never overwritten.
    #[error("already exists; it was left as it was")]
    Exists,
    /// The file could not be created.
    #[error("cannot create: {0}")]
    Create(#[source] io::Error),
    /// The file could not be written.
    #[error("cannot write: {0}")]
    Write(#[source] io::Error),
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Read(#[source] io::Error),
    /// `sitegen new` was given a name the loader would refuse.
    #[error(
        "{slug:?} is not a valid slug: use lower-case letters, digits, - and _, starting with a letter or digit{}",
        if .slug.ends_with(".yaml") { "; give the slug without .yaml" } else { "" }
    )]
    BadSlug {
        /// The name given.
        slug: String,
    },
    /// A source with the slug exists under the other extension.
    #[error("a source with this slug already exists")]
    SlugTaken,
    /// Every numbered variant of an imported file's name is taken.
    #[error("every name is taken")]
    EveryNameTaken,
    /// The file, or what its gzip data unpacks to, is over the size limit.
    #[error("{what} {megabytes} MB or more: import takes files under that; nothing written")]
    TooLarge {
        /// "is" or "unpacks to".
        what: &'static str,
        /// The limit.
        megabytes: u64,
    },
    /// Gzip data that does not unpack.
    #[error("is gzip data that does not unpack: {0}; nothing written")]
    Gzip(#[source] io::Error),
    /// Binary data of a known kind (a PDF, an image…).
    #[error("is {0}, not a web page or article text; nothing written")]
    Binary(String),
    /// A control character in decoded text: binary data.
    #[error("line {line}, column {column}: a control character (binary data, not text); nothing written")]
    ControlCharacter {
        /// Its line, from 1.
        line: usize,
        /// Its column, from 1.
        column: usize,
    },
    /// Nothing but white space.
    #[error("is empty; nothing written")]
    Empty,
    /// A page declaring an encoding nobody knows.
    #[error(
        "line {line}, column {column}: declares the unknown encoding {label:?}; save the page as UTF-8 and import it again; nothing written"
    )]
    UnknownEncoding {
        /// The declaration's line, from 1.
        line: usize,
        /// Its column, from 1.
        column: usize,
        /// The encoding's name as declared.
        label: String,
    },
    /// Too many characters fail to decode in the declared encoding.
    #[error(
        "is not {encoding} as it declares ({from}): {replaced} of {total} characters do not decode; nothing written"
    )]
    Undecodable {
        /// The encoding declared.
        encoding: &'static str,
        /// Where the declaration is.
        from: String,
        /// The characters replaced.
        replaced: usize,
        /// All characters.
        total: usize,
    },
    /// Bytes that are not UTF-8, in a file declaring no encoding.
    #[error(
        "line {line}, column {column}: not UTF-8, and the file declares no encoding; save it as UTF-8 (or, for a page, keep its <meta charset>); nothing written"
    )]
    NotUtf8 {
        /// The first bad byte's line, from 1.
        line: usize,
        /// Its column, from 1.
        column: usize,
    },
    /// The extractor found no article body in a page.
    #[error("is not an article: no article body found in the page ({0}); nothing written")]
    NoArticleBody(String),
    /// The extractor panicked on a page.
    #[error("internal error: the article extractor failed on this page; nothing written")]
    ExtractorFailed,
    /// The cleaner left nothing of the text.
    #[error("has no article text: the cleaner found only boilerplate; nothing written")]
    OnlyBoilerplate,
    /// The source file written does not parse as YAML: a bug in the importer.
    #[error("internal error: bad YAML ({0})")]
    BadYaml(String),
    /// The source file written would not read back as meant: a bug in the importer.
    #[error("internal error: the YAML would not read back as written; nothing written")]
    ReadBack,
}
