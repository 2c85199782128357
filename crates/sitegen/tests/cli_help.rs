//! The guide's command-line chapter (`docs/src/command-line.md`) shows `sitegen --help` and
//! `sitegen <command> --help` for every command, verbatim, in fenced code blocks. This test runs
//! the binary and fails, naming the command, when a help text no longer matches its block: so
//! the chapter cannot drift from the code, and a new command cannot be left out of it (the
//! commands are read from the `Commands:` section of `sitegen --help`, not listed here).
//!
//! The help is read as a pipe gets it: no terminal, so no colours and no wrapping to a
//! terminal's width. To update the chapter, paste the output of
//! `target/release/sitegen <command> --help | cat` (or `cargo run -q -p sitegen -- <command>
//! --help | cat`) into the command's block.

use std::path::Path;
use std::process::Command;

const CHAPTER: &str = "docs/src/command-line.md";

/// Trailing whitespace of each line and trailing blank lines do not count: editors strip them.
fn normalize(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim_end_matches('\n').to_string()
}

/// `sitegen ARGS --help`, as a pipe gets it.
fn help(args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_sitegen"))
        .args(args)
        .arg("--help")
        // The output must not depend on the shell the tests run from: no forced colours, no
        // width taken from the environment should clap ever wrap to one.
        .env_remove("CLICOLOR_FORCE")
        .env_remove("COLUMNS")
        .env_remove("LINES")
        .env("NO_COLOR", "1")
        .output()
        .expect("the sitegen binary runs");
    let name = command_line(args);
    assert!(
        output.status.success(),
        "`{name}` failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    normalize(&String::from_utf8(output.stdout).unwrap_or_else(|e| panic!("`{name}` printed non-UTF-8: {e}")))
}

fn command_line(args: &[&str]) -> String {
    let mut words = vec!["sitegen"];
    words.extend_from_slice(args);
    words.push("--help");
    words.join(" ")
}

/// The commands listed under `Commands:` in the top-level help, `help` left out. A command's
/// line is indented by two spaces; a line indented further continues the one before.
fn commands(top_help: &str) -> Vec<String> {
    top_help
        .lines()
        .skip_while(|line| line.trim_end() != "Commands:")
        .skip(1)
        .take_while(|line| line.starts_with(' '))
        .filter(|line| line.starts_with("  ") && !line[2..].starts_with(' '))
        .filter_map(|line| line.split_whitespace().next())
        .map(|name| name.trim_end_matches(',').to_string())
        .filter(|name| name != "help")
        .collect()
}

/// The contents of the chapter's fenced code blocks (``` or ~~~), normalized.
fn fenced_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut open: Option<(&str, Vec<&str>)> = None;
    for line in markdown.lines() {
        let fence = line.trim_start();
        match &mut open {
            None => {
                if let Some(marker) = ["```", "~~~"].into_iter().find(|m| fence.starts_with(m)) {
                    open = Some((marker, Vec::new()));
                }
            }
            Some((marker, body)) => {
                if fence.starts_with(*marker) && fence.trim_start_matches(*marker).trim().is_empty() {
                    blocks.push(normalize(&body.join("\n")));
                    open = None;
                } else {
                    body.push(line);
                }
            }
        }
    }
    blocks
}

#[test]
fn commands_are_read_from_the_help() {
    let top = concat!(
        "Usage: sitegen [OPTIONS] [COMMAND]\n",
        "\n",
        "Commands:\n",
        "  build   Build the site\n",
        "  serve   Build, then\n",
        "          serve it\n",
        "  help    Print this message\n",
        "\n",
        "Options:\n",
        "  -h, --help  Print help\n",
    );
    assert_eq!(commands(top), ["build", "serve"]);
}

#[test]
fn the_command_line_chapter_shows_every_help_text_verbatim() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(CHAPTER);
    let chapter = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{CHAPTER}: {e}"));
    let blocks = fenced_blocks(&chapter);

    let top = help(&[]);
    let names = commands(&top);
    assert!(!names.is_empty(), "no command found under `Commands:` in `sitegen --help`:\n{top}");

    let mut drifted = Vec::new();
    let mut check = |args: &[&str], text: String| {
        if !blocks.contains(&text) {
            drifted.push(format!(
                "`{}` drifted: {CHAPTER} has no fenced block equal to its output. Put this in the \
                 command's block (a new command gets a section of its own):\n```text\n{text}\n```",
                command_line(args)
            ));
        }
    };
    check(&[], top.clone());
    for name in &names {
        check(&[name.as_str()], help(&[name.as_str()]));
    }
    assert!(
        drifted.is_empty(),
        "{} of {} help texts differ from {CHAPTER}:\n\n{}",
        drifted.len(),
        names.len() + 1,
        drifted.join("\n\n")
    );
}
