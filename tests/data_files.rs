//! `--data` refuses what cannot be a dataset before reading it, with one clear line and exit
//! 1, and is a usage error where nothing reads a dataset.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use std::process::{Command, Output};

fn gnlc(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gnlc"));
    cmd.args(args).env_remove("GNLC_MAX_DATA_BYTES");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run gnlc")
}

fn one_line(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    err
}

#[test]
fn a_device_is_refused_at_once() {
    let out = gnlc(&["--data", "/dev/zero", "list"], &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = one_line(&out);
    assert!(
        err.contains("/dev/zero: is a device, not a dataset file"),
        "{err}"
    );
}

#[test]
fn a_file_over_the_limit_is_refused() {
    let out = gnlc(
        &["--data", common::FIXTURE_PATH, "list"],
        &[("GNLC_MAX_DATA_BYTES", "100")],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = one_line(&out);
    assert!(err.contains("larger than the limit of 100 bytes"), "{err}");
    // Under the default limit it loads.
    let out = gnlc(&["--data", common::FIXTURE_PATH, "list"], &[]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_fifo_is_read_only_up_to_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("endless");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    // A writer that never stops: only a capped read can end.
    let path = fifo.clone();
    std::thread::spawn(move || {
        use std::io::Write;
        let mut w = std::fs::OpenOptions::new().write(true).open(path).unwrap();
        let chunk = [b' '; 4096];
        while w.write_all(&chunk).is_ok() {}
    });
    let out = gnlc(
        &["--data", fifo.to_str().unwrap(), "list"],
        &[("GNLC_MAX_DATA_BYTES", "100000")],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = one_line(&out);
    assert!(
        err.contains("larger than the limit of 100000 bytes"),
        "{err}"
    );
}

#[test]
fn data_with_a_command_that_reads_no_dataset_is_a_usage_error() {
    for args in [
        &["--data", common::FIXTURE_PATH, "completions", "bash"][..],
        &["import", "--data", common::FIXTURE_PATH, "x.html"][..],
    ] {
        let out = gnlc(args, &[]);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = one_line(&out);
        assert!(err.contains("--data does not apply"), "{err}");
    }
}
