//! `sitegen build` (and `sitegen` alone): build the site, print what was built or every
//! error, once.

use std::process::ExitCode;

use crate::build::pipeline::{BuildError, BuildOptions, build};

/// Builds the site as `options` say, printing the summary (with each phase's time when
/// `timings`) or the errors. Exits with 1 when the build fails.
pub(super) fn run(options: &BuildOptions, timings: bool) -> ExitCode {
    match build(options) {
        Ok(summary) => {
            eprintln!("built {}: {summary}", options.output.display());
            if timings {
                for (phase, time) in &summary.phases {
                    eprintln!("  {phase:<13} {:>8.3} s", time.as_secs_f64());
                }
            }
            ExitCode::SUCCESS
        }
        Err(error) => fail(&error),
    }
}

/// Prints a failed build's errors, then how many and that the previous site was kept.
pub(super) fn fail(error: &BuildError) -> ExitCode {
    eprintln!("{error}");
    if let BuildError::Content(errors) = error {
        eprintln!("build failed: {} content error(s); the previous site was left as it was", errors.0.len());
    } else {
        eprintln!("build failed; the previous site was left as it was");
    }
    ExitCode::FAILURE
}
