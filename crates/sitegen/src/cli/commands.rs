//! The command line: the arguments, parsed with clap, and the command they name run. What
//! each command prints, and its exit code, is in the command's own file.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use super::import::ImportOptions;
use super::serve::ServeOptions;
use crate::build::pipeline::BuildOptions;

/// Builds a folder of news sources into an annotated briefing site.
#[derive(Parser)]
#[command(
    version,
    about,
    after_help = "Examples:\n  sitegen                      build content/ into site/\n  sitegen --verbose            also list what the cleaner dropped\n  sitegen check                validate content/ without writing\n  sitegen serve                build, serve on 127.0.0.1:8000, rebuild on change\n  sitegen import saved/*.html  add saved pages or pasted texts as new sources\n  sitegen new my-source        write a documented source template"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    build: BuildArgs,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site (the default).
    #[command(after_help = "Example:\n  sitegen build --content content --output site")]
    Build(BuildArgs),
    /// Build, then serve the site on 127.0.0.1, rebuild when content or theme files change,
    /// and reload the open pages. A failed build shows its errors in the terminal and over the
    /// page, and the last good site stays served.
    #[command(
        after_help = "Examples:\n  sitegen serve                          serve content/ at http://127.0.0.1:8000/\n  sitegen serve --port 0                 any free port (the address is printed)\n  sitegen serve --bind 0.0.0.0           reachable from other machines (prints a warning)\n\nPrints `serving http://ADDRESS:PORT/` on standard output once the first build is done."
    )]
    Serve(ServeArgs),
    /// Validate the content folder, writing nothing: report every error, then the names in
    /// the sources that no entity matches and aliases that hide another entity.
    #[command(
        after_help = "Example:\n  sitegen check --content content\n\nExits with 1 on content errors; candidate names and warnings leave it at 0."
    )]
    Check {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
    /// Import saved web pages and pasted article texts as new sources: take the article's
    /// text from the page (or clean it of the page's furniture), find its title, outlet, date,
    /// URL, language, wire and reporters, and write a new content/sources/<slug>.yaml. Fields
    /// not found are left commented out, to fill in.
    #[command(
        after_help = "Examples:\n  sitegen import saved/*.html                  pages saved from a browser (.html, .htm, .gz too)\n  sitegen import raw/kerry-moscow.txt          a page's text pasted into a file\n  sitegen import --outlet \"The Irish Times\" --language en raw/*.txt\n\nNames each file by its date and title (or its file name), adding -2, -3 when taken; never\noverwrites a file. --outlet, --url, --published and --language fill in what a file does not\nsay; what a file says is kept. Exits with 1 if a file could not be imported."
    )]
    Import {
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
        /// The outlet, for files that do not name it.
        #[arg(long, value_name = "NAME")]
        outlet: Option<String>,
        /// The original's address (http or https), for files that do not give it.
        #[arg(long, value_name = "URL", value_parser = parse_url)]
        url: Option<String>,
        /// The publication date, for files that do not give it.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = corpus::Date::parse)]
        published: Option<corpus::Date>,
        /// The language tag (en, de, pt-BR), for files that do not give it.
        #[arg(long, value_name = "TAG", value_parser = parse_language)]
        language: Option<String>,
        /// Saved web pages (.html, .htm, gzip too) and article texts, boilerplate and all.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Write a new source file, content/sources/SLUG.yaml: a template documenting every
    /// field, the required ones marked. Never overwrites a file.
    #[command(
        after_help = "Example:\n  sitegen new 2016-07-15-new-arab-kerry-moscow\n\nThen fill in the file and run `sitegen check`."
    )]
    New {
        /// The source's slug: lower-case letters, digits, - and _; the page's URL.
        slug: String,
        /// The content folder.
        #[arg(long, default_value = "content")]
        content: PathBuf,
    },
}

#[derive(Args, Clone)]
struct ServeArgs {
    #[command(flatten)]
    build: BuildArgs,
    /// The port to listen on; 0 picks a free one.
    #[arg(long, default_value_t = 8000)]
    port: u16,
    /// The address to listen on. Only 127.0.0.1 (this machine) unless given: another address
    /// makes the site reachable from other machines.
    #[arg(long, default_value_t = crate::DEFAULT_BIND)]
    bind: std::net::IpAddr,
}

#[derive(Args, Clone)]
struct BuildArgs {
    /// The content folder.
    #[arg(long, default_value = "content")]
    content: PathBuf,
    /// The output folder; replaced only when the build succeeds.
    #[arg(long, default_value = "site")]
    output: PathBuf,
    /// A theme (a folder under themes/) overriding site.yaml's.
    #[arg(long)]
    theme: Option<String>,
    /// List what the cleaner dropped from each source, and why.
    #[arg(long, short)]
    verbose: bool,
    /// Print the wall time of each build phase.
    #[arg(long)]
    timings: bool,
}

/// Parses the command line and runs the command it names (a build when it names none).
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { content }) => super::check::run(&content),
        Some(Command::Build(args)) => build(args),
        Some(Command::Serve(args)) => super::serve::run(&ServeOptions {
            build: args.build.options(),
            bind: args.bind,
            port: args.port,
            timings: args.build.timings,
        }),
        Some(Command::Import { content, outlet, url, published, language, files }) => {
            super::import::run(&content, &files, &ImportOptions { outlet, url, published, language })
        }
        Some(Command::New { slug, content }) => super::new::run(&content, &slug),
        None => build(cli.build),
    }
}

fn build(args: BuildArgs) -> ExitCode {
    super::build::run(&args.options(), args.timings)
}

impl BuildArgs {
    fn options(&self) -> BuildOptions {
        BuildOptions {
            content: self.content.clone(),
            output: self.output.clone(),
            theme: self.theme.clone(),
            verbose: self.verbose,
        }
    }
}

/// A language tag that is not one.
#[derive(Debug, thiserror::Error)]
#[error("{0:?} is not a language tag such as en or pt-BR")]
struct NotLanguageTag(String);

/// The loader's rule: an address it would refuse in the written file is refused here.
fn parse_url(url: &str) -> Result<String, corpus::UrlError> {
    corpus::check_http_url(url).map(|()| url.to_string())
}

fn parse_language(tag: &str) -> Result<String, NotLanguageTag> {
    if corpus::is_language_tag(tag) { Ok(tag.to_string()) } else { Err(NotLanguageTag(tag.to_string())) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_addresses_the_loader_takes() {
        assert_eq!(parse_url("https://example.com/a").unwrap(), "https://example.com/a");
        for refused in ["https://", "ftp://example.com", "https://example.com/a b", "javascript:alert(1)"] {
            assert!(parse_url(refused).is_err(), "{refused}");
        }
        assert!(parse_language("pt-BR").is_ok());
        assert!(parse_language("e").is_err());
    }
}
