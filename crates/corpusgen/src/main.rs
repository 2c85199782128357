//! The `corpusgen` command: generates a synthetic corpus and writes it as a content folder
//! (and, optionally, as a Hugo site).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use corpusgen::{Options, generate, read_seeds, summarize, write_content, write_hugo};

/// Generates N realistic news sources from the seed articles, deterministically.
#[derive(Parser)]
#[command(
    version,
    about,
    after_help = "Example:\n  cargo run --release -p corpusgen -- --sources 1000 --seed 42 --out /tmp/gen-1k --hugo /tmp/hugo-1k\n  cargo run --release -p sitegen -- --content /tmp/gen-1k --output /tmp/site-1k"
)]
struct Cli {
    /// How many sources to generate.
    #[arg(long)]
    sources: usize,
    /// The random seed; the same seed gives byte-identical output.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// The content folder to write (must not exist or be empty).
    #[arg(long)]
    out: PathBuf,
    /// Also write the sources as a Hugo site in this folder (must not exist or be empty).
    #[arg(long)]
    hugo: Option<PathBuf>,
    /// The folder of seed texts.
    #[arg(long, default_value = "content/texts")]
    texts: PathBuf,
    /// The content folder whose site.yaml, briefing.md and entities.yaml are copied.
    #[arg(long, default_value = "content")]
    template: PathBuf,
}

fn run(cli: &Cli) -> std::io::Result<()> {
    let started = Instant::now();
    let seeds = read_seeds(&cli.texts)?;
    let options = Options { sources: cli.sources, seed: cli.seed };
    let sources = generate(&seeds, &options);
    let generated = started.elapsed();
    write_content(&cli.out, &cli.template, &sources)?;
    if let Some(hugo) = &cli.hugo {
        write_hugo(hugo, &sources)?;
    }
    let summary = summarize(&sources);
    let histogram: Vec<String> =
        summary.versions.iter().map(|(versions, stories)| format!("{versions}: {stories}")).collect();
    println!(
        "generated {} sources in {} stories (versions per story, stories: {}); {} bytes of raw text",
        summary.sources,
        summary.stories,
        histogram.join(", "),
        summary.body_bytes
    );
    print!("wrote {}", cli.out.display());
    if let Some(hugo) = &cli.hugo {
        print!(" and {}", hugo.display());
    }
    println!(" in {:.2} s (generation {:.2} s)", started.elapsed().as_secs_f64(), generated.as_secs_f64());
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
