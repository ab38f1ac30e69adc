//! The `gnlc` binary: parses the command line, dispatches, and turns errors into one line on
//! stderr and an exit code.

fn main() {
    let data = gnlc::model::Dataset::bundled();
    println!("{}", data.members.len());
}
