//! The load cache (`gnlc::cache`): a snapshot is used only when it is this program's, of
//! this very file, and whole; anything else (a changed file, even one changed back to the
//! same size and time; a cut, damaged or foreign snapshot) is ignored and the file loaded
//! as if there were no cache, with the same answers and the same located errors.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::cache::{Cache, MIN_SIZE};
use gnlc::model::Dataset;
use gnlc::query::{Engine, Query};
use std::path::{Path, PathBuf};
use std::process::Command;

/// A valid dataset of more than [`MIN_SIZE`] bytes: the bundled members, copied under new
/// names until the file is large enough to be cached.
fn large_dataset_json() -> String {
    let bundled: serde_json::Value =
        serde_json::from_str(gnlc::model::BUNDLED_JSON).expect("bundled JSON");
    let members = bundled["members"].as_array().expect("members").clone();
    let mut all = Vec::new();
    let mut copy = 0;
    loop {
        for m in &members {
            let mut m = m.clone();
            // Ids are derived from city and country, so a new name is a new member.
            let city = m["city"].as_str().expect("city").to_string();
            m["city"] = format!("{city} {copy}").into();
            all.push(m);
        }
        copy += 1;
        let mut dataset = bundled.clone();
        dataset["members"] = all.clone().into();
        let text = serde_json::to_string_pretty(&dataset).expect("serializes");
        if text.len() as u64 > MIN_SIZE + 4096 {
            return text;
        }
    }
}

struct Setup {
    _dir: tempfile::TempDir,
    data: PathBuf,
    cache_dir: PathBuf,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("big.json");
        std::fs::write(&data, large_dataset_json()).expect("writes");
        let cache_dir = dir.path().join("cache");
        Setup {
            _dir: dir,
            data,
            cache_dir,
        }
    }

    fn path(&self) -> &str {
        self.data.to_str().expect("UTF-8 path")
    }

    fn cache(&self) -> Cache {
        Cache::at(&self.cache_dir)
    }

    /// Loads through the cache; true when the snapshot was used (nothing left to write).
    fn load(&self) -> (Engine, bool) {
        let (engine, pending) = self.cache().load(self.path()).expect("loads");
        let hit = pending.is_none();
        if let Some(pending) = pending {
            pending.write(&engine).expect("writes the snapshot");
        }
        (engine, hit)
    }

    fn snapshots(&self) -> Vec<PathBuf> {
        let Ok(entries) = std::fs::read_dir(&self.cache_dir) else {
            return Vec::new();
        };
        let mut found: Vec<PathBuf> = entries
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "snapshot"))
            .collect();
        found.sort();
        found
    }

    /// The only snapshot file.
    fn snapshot(&self) -> PathBuf {
        let found = self.snapshots();
        assert_eq!(found.len(), 1, "{found:?}");
        found[0].clone()
    }
}

/// Gives the file at `path` the modification time `time`.
fn set_modified(path: &Path, time: std::time::SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(time))
        .expect("sets the modification time");
}

/// `seconds` after the Unix epoch: a modification time no file here had.
fn long_ago(seconds: u64) -> std::time::SystemTime {
    std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(seconds)
}

/// Replaces the first character of the first `key` value in the file at `path` by `c`
/// (an ASCII letter for an ASCII one), keeping the file's size and modification time: only
/// its content tells the change.
fn rewrite_keeping_size_and_time(path: &Path, key: &str, c: char) {
    let meta = std::fs::metadata(path).expect("metadata");
    let mut text = std::fs::read_to_string(path).expect("reads");
    let marker = format!("\"{key}\": \"");
    let at = text.find(&marker).expect("the key is there") + marker.len();
    let old = text[at..].chars().next().expect("a first character");
    text.replace_range(at..at + old.len_utf8(), c.encode_utf8(&mut [0; 4]));
    assert_eq!(text.len() as u64, meta.len(), "same size");
    std::fs::write(path, &text).expect("writes");
    set_modified(path, meta.modified().expect("mtime"));
}

/// The dataset parsed from the file, without any cache.
fn parsed(path: &str) -> Dataset {
    gnlc::model::load::from_path(path).expect("parses")
}

/// What two engines answer to a few queries must be equal: hits, scores, facet counts.
fn assert_same_answers(a: &Engine, b: &Engine) {
    assert_eq!(a.dataset(), b.dataset());
    let region = gnlc::facet::REGION;
    for query in [
        Query::text(""),
        Query::text("ko"),
        Query::text("'san !1"),
        Query::text("a").with(region, [gnlc::model::Region::Africa]),
    ] {
        assert_eq!(a.run(&query), b.run(&query), "{query:?}");
    }
}

#[test]
fn a_second_load_reads_the_snapshot_and_answers_as_the_file_does() {
    let s = Setup::new();
    let (first, hit) = s.load();
    assert!(!hit, "nothing cached yet");
    s.snapshot();
    let (second, hit) = s.load();
    assert!(hit, "the snapshot just written is used");
    assert_eq!(second.dataset(), &parsed(s.path()));
    assert_same_answers(&first, &second);
}

#[test]
fn a_file_changed_to_the_same_size_and_time_is_read_again() {
    let s = Setup::new();
    s.load();
    let meta = std::fs::metadata(&s.data).expect("metadata");
    // One letter of one city, same length: only the content hash can tell.
    rewrite_keeping_size_and_time(&s.data, "city", 'Q');
    let after = std::fs::metadata(&s.data).expect("metadata");
    assert_eq!(after.len(), meta.len());
    assert_eq!(after.modified().ok(), meta.modified().ok());

    let (engine, hit) = s.load();
    assert!(!hit, "the content changed: the snapshot must not be used");
    assert_eq!(engine.dataset(), &parsed(s.path()));
    assert!(engine.dataset().members[0].city.starts_with('Q'));
    // And the new snapshot is of the new content.
    let (again, hit) = s.load();
    assert!(hit);
    assert_eq!(again.dataset(), engine.dataset());
}

#[test]
fn a_touched_file_is_read_again() {
    let s = Setup::new();
    s.load();
    set_modified(&s.data, long_ago(1));
    let (_, hit) = s.load();
    assert!(!hit, "another modification time: read the file");
    assert_eq!(
        s.snapshots().len(),
        1,
        "the snapshot is replaced, not added to"
    );
}

#[test]
fn a_damaged_cut_or_foreign_snapshot_is_ignored_and_replaced() {
    let s = Setup::new();
    s.load();
    let snapshot = s.snapshot();
    let good = std::fs::read(&snapshot).expect("reads");
    let expected = parsed(s.path());
    let mut damaged_header = good.clone();
    damaged_header[9] ^= 1;
    let mut damaged_middle = good.clone();
    let middle = good.len() / 2;
    damaged_middle[middle] ^= 0x20;
    let mut damaged_end = good.clone();
    let last = good.len() - 1;
    damaged_end[last] ^= 1;
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", Vec::new()),
        ("cut in the header", good[..20].to_vec()),
        ("cut in the middle", good[..middle].to_vec()),
        ("one byte short", good[..last].to_vec()),
        ("one byte more", [good.as_slice(), &[0]].concat()),
        ("a header bit", damaged_header),
        ("a member byte", damaged_middle),
        ("the trailing hash", damaged_end),
        ("not a snapshot", b"{\"members\": []}".to_vec()),
    ];
    for (what, bytes) in cases {
        std::fs::write(&snapshot, &bytes).expect("writes");
        let (engine, hit) = s.load();
        assert!(!hit, "{what}: must not be used");
        assert_eq!(engine.dataset(), &expected, "{what}");
        // Replaced by a good one.
        let (_, hit) = s.load();
        assert!(hit, "{what}: a good snapshot is written again");
    }
}

#[test]
fn a_file_made_invalid_reports_the_located_error_not_the_snapshot() {
    let s = Setup::new();
    s.load();
    // Same length, same time, but the first region is unknown.
    rewrite_keeping_size_and_time(&s.data, "region", 'X');
    let cached = s.cache().load(s.path()).map(|_| ()).expect_err("invalid");
    let plain = gnlc::model::load::from_path(s.path()).expect_err("invalid");
    assert_eq!(cached.to_string(), plain.to_string());
    assert!(plain.to_string().contains("region"), "{plain}");
}

#[test]
fn each_file_has_its_own_snapshot_and_small_files_none() {
    let s = Setup::new();
    s.load();
    let other = s.data.with_file_name("copy.json");
    std::fs::copy(&s.data, &other).expect("copies");
    let (engine, pending) = s
        .cache()
        .load(other.to_str().expect("UTF-8"))
        .expect("loads");
    pending
        .expect("another path: not cached yet")
        .write(&engine)
        .expect("writes");
    assert_eq!(s.snapshots().len(), 2);

    let small = s.data.with_file_name("small.json");
    std::fs::write(&small, gnlc::model::BUNDLED_JSON).expect("writes");
    let (_, pending) = s
        .cache()
        .load(small.to_str().expect("UTF-8"))
        .expect("loads");
    assert!(pending.is_none(), "a small file is not cached");
    assert_eq!(s.snapshots().len(), 2);
}

/// Runs the binary with `env`, in a temporary home.
fn gnlc(args: &[&str], env: &[(&str, &Path)], no_cache: bool) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_gnlc"));
    command
        .args(args)
        .env_remove("GNLC_NO_CACHE")
        .env_remove("GNLC_CACHE_DIR");
    for (key, value) in env {
        command.env(key, value);
    }
    if no_cache {
        command.env("GNLC_NO_CACHE", "1");
    }
    command.output().expect("runs gnlc")
}

#[test]
fn the_command_line_writes_and_reads_snapshots_and_can_be_told_not_to() {
    let s = Setup::new();
    let args = [
        "--data",
        s.path(),
        "list",
        "--search",
        "ko",
        "--format",
        "csv",
    ];
    let env = [("GNLC_CACHE_DIR", s.cache_dir.as_path())];
    let off = gnlc(&args, &env, true);
    assert!(off.status.success(), "{off:?}");
    assert!(s.snapshots().is_empty(), "GNLC_NO_CACHE=1 writes nothing");
    let first = gnlc(&args, &env, false);
    assert!(first.status.success(), "{first:?}");
    s.snapshot();
    let second = gnlc(&args, &env, false);
    assert!(second.status.success(), "{second:?}");
    assert_eq!(first.stdout, off.stdout);
    assert_eq!(second.stdout, off.stdout);
    assert!(!off.stdout.is_empty());

    // XDG_CACHE_HOME is used when GNLC_CACHE_DIR is not set.
    let xdg = s.cache_dir.with_file_name("xdg");
    let out = gnlc(&args, &[("XDG_CACHE_HOME", xdg.as_path())], false);
    assert!(out.status.success());
    assert_eq!(
        std::fs::read_dir(xdg.join("gnlc"))
            .expect("made gnlc/ under XDG_CACHE_HOME")
            .count(),
        1
    );
}

#[test]
fn a_file_over_the_size_limit_is_refused_even_with_a_snapshot() {
    let s = Setup::new();
    let args = ["--data", s.path(), "list", "--format", "csv"];
    let env = [("GNLC_CACHE_DIR", s.cache_dir.as_path())];
    assert!(gnlc(&args, &env, false).status.success());
    s.snapshot();
    let limited = |no_cache: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_gnlc"));
        command
            .args(args)
            .env("GNLC_CACHE_DIR", &s.cache_dir)
            .env("GNLC_MAX_DATA_BYTES", "1000");
        if no_cache {
            command.env("GNLC_NO_CACHE", "1");
        } else {
            command.env_remove("GNLC_NO_CACHE");
        }
        command.output().expect("runs gnlc")
    };
    let (cached, plain) = (limited(false), limited(true));
    assert_eq!(cached.status.code(), Some(1));
    assert_eq!(cached.stderr, plain.stderr);
    assert!(
        String::from_utf8_lossy(&cached.stderr).contains("limit of 1000 bytes"),
        "{}",
        String::from_utf8_lossy(&cached.stderr)
    );
}

#[test]
fn a_cache_that_cannot_be_written_is_no_error() {
    let s = Setup::new();
    // A file where the cache directory should be.
    std::fs::write(&s.cache_dir, "not a directory").expect("writes");
    let args = ["--data", s.path(), "list", "--format", "csv"];
    let out = gnlc(&args, &[("GNLC_CACHE_DIR", s.cache_dir.as_path())], false);
    assert!(out.status.success(), "{out:?}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (engine, pending) = s.cache().load(s.path()).expect("loads all the same");
    assert!(pending.expect("nothing cached").write(&engine).is_err());
}

mod common;

/// The explorer on a large file: the first run writes the snapshot while it shows its
/// first frames (quitting waits for the write), the second opens on it, alike.
#[test]
fn the_explorer_writes_the_snapshot_and_opens_on_it_alike() {
    let s = Setup::new();
    let home = s.cache_dir.with_file_name("home");
    let home = home.to_str().expect("UTF-8");
    let cache_dir = s.cache_dir.to_str().expect("UTF-8");
    let env = [
        ("GNLC_CACHE_DIR", cache_dir),
        ("XDG_DATA_HOME", home),
        ("XDG_CONFIG_HOME", home),
    ];
    let count = parsed(s.path()).members.len();
    let all = format!("{count} of {count}");
    let open = || {
        let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_gnlc"));
        cmd.args(["--data", s.path()]);
        cmd.env_remove("GNLC_NO_CACHE");
        let mut session = common::pty::Session::spawn(cmd, &env);
        let screen = session.wait_for(&all);
        session.send("q");
        assert_eq!(session.wait_exit(), 0);
        screen
    };
    let first = open();
    let written = std::fs::metadata(s.snapshot()).expect("the explorer wrote a snapshot");
    let second = open();
    // A snapshot that was used is not written again (a rejected one would be replaced).
    let after = std::fs::metadata(s.snapshot()).expect("still there");
    assert_eq!(after.modified().ok(), written.modified().ok());
    assert_eq!(
        std::os::unix::fs::MetadataExt::ino(&after),
        std::os::unix::fs::MetadataExt::ino(&written)
    );
    let rows = |screen: &str| -> Vec<String> {
        screen
            .lines()
            .filter(|l| l.contains('│') || l.contains('┃'))
            .map(str::to_string)
            .collect()
    };
    assert_eq!(rows(&first), rows(&second));
}

#[test]
fn gnlc_cache_lists_the_snapshots_and_clears_them() {
    let s = Setup::new();
    let env = [("GNLC_CACHE_DIR", s.cache_dir.as_path())];
    let text = |out: &std::process::Output| {
        assert!(out.status.success(), "{out:?}");
        String::from_utf8(out.stdout.clone()).expect("UTF-8")
    };
    let listed = text(&gnlc(&["cache"], &env, false));
    assert!(listed.contains("0 snapshots"), "{listed}");

    let list = ["--data", s.path(), "list", "--format", "csv"];
    assert!(gnlc(&list, &env, false).status.success());
    let listed = text(&gnlc(&["cache"], &env, false));
    assert!(listed.contains("1 snapshot,"), "{listed}");
    let line = listed
        .lines()
        .find(|l| l.contains(s.path()))
        .unwrap_or_else(|| panic!("the dataset's path is listed:\n{listed}"));
    assert!(line.contains("current"), "{line}");

    // Touched: the next load will replace it.
    set_modified(&s.data, long_ago(9));
    let listed = text(&gnlc(&["cache"], &env, false));
    assert!(listed.contains("file changed"), "{listed}");
    // Deleted: it will never be used again.
    std::fs::remove_file(&s.data).expect("removes");
    let listed = text(&gnlc(&["cache"], &env, false));
    assert!(listed.contains("file gone"), "{listed}");

    let cleared = text(&gnlc(&["cache", "--clear"], &env, false));
    assert!(cleared.starts_with("Removed 1 file ("), "{cleared}");
    assert!(s.snapshots().is_empty());
    let listed = text(&gnlc(&["cache"], &env, false));
    assert!(listed.contains("0 snapshots"), "{listed}");

    let off = text(&gnlc(&["cache"], &env, true));
    assert!(off.contains("off"), "{off}");
    let with_data = gnlc(&["--data", s.path(), "cache"], &env, false);
    assert_eq!(with_data.status.code(), Some(2));
}
