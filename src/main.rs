//! The `gnlc` binary: parses the command line, runs it, and turns an error into one line on
//! stderr and an exit code (0 success, 1 runtime error, 2 usage error).

use clap::Parser;

/// mimalloc instead of the system allocator: loading and searching allocate many small
/// strings, and glibc's malloc was about 40% of a 100k-member load (PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::io::Write;

fn main() {
    // `gnlc` alone opens the explorer: no need for clap to build its whole command tree.
    let cli = if std::env::args_os().len() <= 1 {
        gnlc::cli::Cli::without_arguments()
    } else {
        match gnlc::cli::Cli::try_parse() {
            Ok(cli) => cli,
            Err(error) => usage_error(&error),
        }
    };
    // Not `stdout().lock()`: the explorer draws from its own thread, and this thread must be
    // able to write the terminal-restore sequences while that one is stuck.
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let mut err = std::io::stderr();
    let result = gnlc::cli::run(cli, &mut out, &mut err).and_then(|status| {
        out.flush()
            .map_err(|e| gnlc::error::Error::io("<stdout>", &e))
            .map(|()| status)
    });
    match result {
        Ok(0) => {}
        // The explorer ended by a signal: 128 + its number, as a shell reports it. Exiting
        // here also ends the explorer's thread if it was stuck.
        Ok(status) => std::process::exit(status),
        Err(error) => fail(&error, out, err),
    }
}

/// Reports an error as one line on stderr and exits with its code.
fn fail(error: &gnlc::error::Error, out: impl Write, mut err: std::io::Stderr) -> ! {
    // `gnlc list | head` closes the pipe early: that is the reader's choice, not an error.
    if let gnlc::error::Error::ClosedPipe { .. } = error {
        std::process::exit(0);
    }
    drop(out);
    let _ = writeln!(err, "gnlc: {error}");
    std::process::exit(error.exit_code());
}

/// `--help` and `--version` print as clap writes them; any other command-line error becomes
/// one line on stderr (what is wrong, the valid values if clap lists them, where to look) and
/// exit code 2, like every other gnlc error.
fn usage_error(error: &clap::Error) -> ! {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        error.exit();
    }
    let rendered = error.render().to_string();
    let parts: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .filter(|l| {
            !l.is_empty() && !l.starts_with("Usage:") && !l.starts_with("For more information")
        })
        .map(|l| l.strip_prefix("error: ").unwrap_or(l))
        .collect();
    let _ = writeln!(
        std::io::stderr(),
        "gnlc: {}; see `gnlc --help`",
        parts.join("; ").replace(":; ", ": ")
    );
    std::process::exit(2);
}
