//! The sitegen command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Builds a folder of news sources into an annotated briefing site.
#[derive(Parser)]
#[command(
    version,
    about,
    after_help = "Examples:\n  sitegen                      build content/ into site/\n  sitegen --verbose            also list what the cleaner dropped\n  sitegen check                validate content/ without writing"
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { content }) => match sitegen::check(&content) {
            Ok(corpus) => {
                print!("{}", sitegen::curation_report(&corpus, &content));
                ExitCode::SUCCESS
            }
            Err(error) => fail(&error),
        },
        Some(Command::Build(args)) => build(args),
        None => build(cli.build),
    }
}

fn build(args: BuildArgs) -> ExitCode {
    let options = sitegen::BuildOptions {
        content: args.content,
        output: args.output.clone(),
        theme: args.theme,
        verbose: args.verbose,
    };
    match sitegen::build(&options) {
        Ok(summary) => {
            eprintln!("built {}: {summary}", args.output.display());
            if args.timings {
                for (phase, time) in &summary.phases {
                    eprintln!("  {phase:<13} {:>8.3} s", time.as_secs_f64());
                }
            }
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

fn fail(error: &sitegen::BuildError) -> ExitCode {
    eprintln!("{error}");
    if let sitegen::BuildError::Content(errors) = error {
        eprintln!("build failed: {} content error(s); the previous site was left as it was", errors.0.len());
    } else {
        eprintln!("build failed; the previous site was left as it was");
    }
    ExitCode::FAILURE
}
