//! The `corpusgen` command: generates a synthetic corpus and writes it as a content folder
//! (and, optionally, as a Hugo site).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;
use corpusgen::{Options, Shape, generate, read_seeds, summarize, write_content, write_hugo, write_truth};

/// Generates N realistic news sources from the seed articles, deterministically.
#[derive(Parser)]
#[command(
    version,
    about,
    after_help = "Example:\n  cargo run --release -p corpusgen -- --sources 1000 --seed 42 --out /tmp/gen-1k --hugo /tmp/hugo-1k\n  cargo run --release -p sitegen -- --content /tmp/gen-1k --output /tmp/site-1k\n  cargo run --release -p corpusgen -- --sources 10000 --shape news --out /tmp/news-10k --truth /tmp/news-10k.tsv"
)]
struct Cli {
    /// How many sources to generate.
    #[arg(long)]
    sources: usize,
    /// The random seed; the same seed gives byte-identical output.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// The shape of the corpus.
    #[arg(long, value_enum, default_value_t = Shape::Seeds)]
    shape: Shape,
    /// The content folder to write (must not exist or be empty).
    #[arg(long)]
    out: PathBuf,
    /// Also write the sources as a Hugo site in this folder (must not exist or be empty).
    #[arg(long)]
    hugo: Option<PathBuf>,
    /// Also write the true stories to this file: one line `slug<TAB>story<TAB>version` per
    /// source, sorted by slug.
    #[arg(long)]
    truth: Option<PathBuf>,
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
    let options = Options { sources: cli.sources, seed: cli.seed, shape: cli.shape };
    let sources = generate(&seeds, &options);
    let generated = started.elapsed();
    write_content(&cli.out, &cli.template, &sources)?;
    if let Some(hugo) = &cli.hugo {
        write_hugo(hugo, &sources)?;
    }
    if let Some(truth) = &cli.truth {
        write_truth(truth, &sources)?;
    }
    let summary = summarize(&sources);
    println!(
        "generated {} sources in {} stories ({}); {} bytes of raw text",
        summary.sources,
        summary.stories,
        summary.sizes(),
        summary.body_bytes
    );
    print!("wrote {}", cli.out.display());
    for extra in [&cli.hugo, &cli.truth].into_iter().flatten() {
        print!(" and {}", extra.display());
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
