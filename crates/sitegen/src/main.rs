//! The sitegen binary: the command line is [`sitegen::cli::run`].

use std::process::ExitCode;

/// Builds allocate many small strings and vectors on every core; mimalloc does that
/// faster than glibc's malloc (see the guide's performance chapter).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    sitegen::cli::run()
}
