//! The `gnlc` binary: parses the command line, runs it, and turns an error into one line on
//! stderr and an exit code (0 success, 1 runtime error, 2 usage error).

use clap::Parser;

/// mimalloc instead of the system allocator: loading and searching allocate many small
/// strings, and glibc's malloc was about 40% of a 100k-member load (PERFORMANCE.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::io::Write;

fn main() {
    let cli = gnlc::cli::Cli::parse();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut err = std::io::stderr();
    let result = gnlc::cli::run(cli, &mut out, &mut err).and_then(|()| {
        out.flush()
            .map_err(|e| gnlc::error::Error::io("<stdout>", &e))
    });
    if let Err(error) = result {
        // `gnlc list | head` closes the pipe early: that is the reader's choice, not an error.
        if let gnlc::error::Error::Io { message, .. } = &error
            && message.contains("Broken pipe")
        {
            std::process::exit(0);
        }
        drop(out);
        let _ = writeln!(err, "gnlc: {error}");
        std::process::exit(error.exit_code());
    }
}
