//! The shortlist file: where it lives, its format, atomic replacement, a file that cannot be
//! read (never overwritten), moving it aside, ids unknown to the dataset, and two processes
//! marking at once (this test binary runs itself again as the second writer).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::shortlist::{FORMAT_VERSION, Shortlist, ShortlistError, path_from_env};
use std::collections::BTreeSet;
use std::ffi::OsStr;
use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Set to a shortlist path when this binary is run again as the second writer.
const CHILD_ENV: &str = "GNLC_TEST_SHORTLIST_CHILD";
const WRITES: usize = 150;

fn file_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("gnlc").join("shortlist.json")
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn set(ids: &[&str]) -> BTreeSet<String> {
    ids.iter().map(|s| (*s).to_string()).collect()
}

#[test]
fn the_path_follows_the_xdg_rules() {
    let os = |s: &'static str| Some(OsStr::new(s));
    assert_eq!(
        path_from_env(os("/data"), os("/home/ann")),
        Some(PathBuf::from("/data/gnlc/shortlist.json"))
    );
    // Unset, empty or relative XDG_DATA_HOME: ~/.local/share.
    let fallback = Some(PathBuf::from("/home/ann/.local/share/gnlc/shortlist.json"));
    assert_eq!(path_from_env(None, os("/home/ann")), fallback);
    assert_eq!(path_from_env(os(""), os("/home/ann")), fallback);
    assert_eq!(path_from_env(os("data"), os("/home/ann")), fallback);
    // Nowhere absolute to go.
    assert_eq!(path_from_env(None, None), None);
    assert_eq!(path_from_env(os(""), os("")), None);
    assert_eq!(path_from_env(os("rel"), os("home")), None);
}

#[test]
fn marks_round_trip_in_the_documented_format() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    let mut list = Shortlist::open(&path).unwrap();
    assert!(list.is_empty());
    assert!(!path.exists(), "opening alone creates nothing");

    assert_eq!(list.add(["espoo", "cork", "espoo"]).unwrap(), 2);
    assert_eq!(list.ids(), &set(&["cork", "espoo"]));
    assert_eq!(FORMAT_VERSION, 1);
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{\n  \"version\": 1,\n  \"members\": [\n    \"cork\",\n    \"espoo\"\n  ]\n}\n"
    );

    let again = Shortlist::open(&path).unwrap();
    assert_eq!(again.ids(), list.ids());
    assert!(again.problem().is_none());

    assert_eq!(list.remove(["cork", "nobody"]).unwrap(), 1);
    assert!(!list.toggle("espoo").unwrap());
    assert!(list.toggle("ghent").unwrap());
    assert_eq!(Shortlist::open(&path).unwrap().ids(), &set(&["ghent"]));
    assert_eq!(list.clear().unwrap(), 1);
    assert!(Shortlist::open(&path).unwrap().is_empty());
}

#[test]
fn writes_replace_the_file_by_rename_and_leave_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    let mut list = Shortlist::open(&path).unwrap();
    list.add(["cork"]).unwrap();
    let before = fs::read_to_string(&path).unwrap();
    let inode = fs::metadata(&path).unwrap().ino();
    // A hard link to the old file: writing in place would change what it shows.
    let old = dir.path().join("old.json");
    fs::hard_link(&path, &old).unwrap();

    list.add(["espoo"]).unwrap();
    assert_ne!(
        fs::metadata(&path).unwrap().ino(),
        inode,
        "replaced, not rewritten"
    );
    assert_eq!(fs::read_to_string(&old).unwrap(), before);
    assert!(fs::read_to_string(&path).unwrap().contains("espoo"));
    assert_eq!(
        names(path.parent().unwrap()),
        ["shortlist.json", "shortlist.json.lock"]
    );

    // A change that changes nothing writes nothing.
    let inode = fs::metadata(&path).unwrap().ino();
    assert_eq!(list.add(["espoo"]).unwrap(), 0);
    assert_eq!(fs::metadata(&path).unwrap().ino(), inode);
}

const WRONG_TYPE: &str = "{\n  \"version\": 1,\n  \"members\": [\"cork\", 3]\n}\n";

#[test]
fn a_file_that_cannot_be_read_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, WRONG_TYPE).unwrap();

    let err = Shortlist::open(&path).unwrap_err();
    let ShortlistError::Corrupt {
        line,
        column,
        field,
        ..
    } = &err
    else {
        panic!("{err:?}");
    };
    // Line 3 is `  "members": ["cork", 3]`; the 3 is its 23rd character.
    assert_eq!((*line, *column), (3, 23));
    assert_eq!(field.as_deref(), Some("members[1]"));
    let text = err.to_string();
    assert!(
        text.starts_with(&format!("{}:3:23: ", path.display())),
        "{text}"
    );
    assert!(text.contains("expected a string, found 3"), "{text}");
    assert!(text.contains("left as it is"), "{text}");
    assert!(!text.contains('\n'));
    assert!(err.is_unreadable_file());
    // The same, through the crate's error type the command line prints.
    let as_cli = gnlc::error::Error::from(err.clone()).to_string();
    assert!(
        as_cli.starts_with(&format!("{}:3:23", path.display())),
        "{as_cli}"
    );
    assert!(as_cli.contains("members[1]"), "{as_cli}");

    // The explorer's way: start empty, say why, and refuse every change.
    let mut list = Shortlist::open_or_report(&path);
    assert!(list.is_empty());
    assert_eq!(list.problem(), Some(&err));
    assert_eq!(list.add(["espoo"]), Err(err.clone()));
    assert_eq!(list.remove(["cork"]), Err(err.clone()));
    assert_eq!(list.clear(), Err(err.clone()));
    assert!(list.toggle("cork").is_err());
    assert_eq!(fs::read_to_string(&path).unwrap(), WRONG_TYPE);

    // Once the user fixes the file, changes go through again.
    fs::write(&path, "{\"version\": 1, \"members\": [\"cork\"]}").unwrap();
    assert_eq!(list.add(["espoo"]).unwrap(), 1);
    assert!(list.problem().is_none());
    assert_eq!(list.ids(), &set(&["cork", "espoo"]));
}

#[test]
fn every_kind_of_unreadable_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.json");
    let cases: [(&[u8], &str); 8] = [
        (b"", "EOF while parsing"),
        (b"{\"version\": 1, \"members\": [", "EOF while parsing"),
        (
            b"[\"cork\"]",
            "expected an object with `version` and `members`",
        ),
        (
            b"{\"version\": \"one\", \"members\": []}",
            "expected a whole number from 0 to 4294967295, found the string \"one\"",
        ),
        (b"{\"members\": []}", "missing field `version`"),
        (
            b"{\"version\": 1, \"members\": [], \"tags\": []}",
            "unknown field `tags`",
        ),
        (
            b"{\"version\": 1, \"members\": []} x",
            "trailing characters",
        ),
        (b"\xff\xfe", "expected value"),
    ];
    for (bytes, expected) in cases {
        fs::write(&path, bytes).unwrap();
        let err = Shortlist::open(&path).unwrap_err();
        assert!(
            matches!(err, ShortlistError::Corrupt { .. }),
            "{bytes:?}: {err:?}"
        );
        assert!(err.to_string().contains(expected), "{bytes:?}: {err}");
        assert!(!err.to_string().contains("u32"), "{bytes:?}: {err}");
        let mut list = Shortlist::open_or_report(&path);
        assert!(list.add(["cork"]).is_err());
        assert_eq!(fs::read(&path).unwrap(), bytes);
    }

    // A newer program's file is not ours to rewrite, whatever else it holds.
    fs::write(&path, "{\"version\": 2, \"members\": [], \"tags\": {}}").unwrap();
    let err = Shortlist::open(&path).unwrap_err();
    assert!(
        matches!(err, ShortlistError::Version { found: 2, .. }),
        "{err:?}"
    );
    assert!(err.to_string().contains("format version 2"), "{err}");
    fs::write(&path, "{\"version\": 0, \"members\": []}").unwrap();
    assert!(matches!(
        Shortlist::open(&path),
        Err(ShortlistError::Version { found: 0, .. })
    ));
}

#[test]
fn a_bad_file_can_be_moved_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(&path, WRONG_TYPE).unwrap();
    let mut list = Shortlist::open_or_report(&path);

    let aside = list.move_aside().unwrap().unwrap();
    let name = aside.file_name().unwrap().to_string_lossy().into_owned();
    let secs: u64 = name
        .strip_prefix("shortlist.json.bad-")
        .unwrap()
        .parse()
        .unwrap();
    assert!(secs > 1_700_000_000, "{name}");
    assert_eq!(aside.parent(), path.parent());
    assert_eq!(fs::read_to_string(&aside).unwrap(), WRONG_TYPE);
    assert!(!path.exists());
    assert!(list.problem().is_none());

    assert_eq!(list.add(["cork"]).unwrap(), 1);
    assert_eq!(Shortlist::open(&path).unwrap().ids(), &set(&["cork"]));

    // Moving aside twice in one second does not clobber the first.
    fs::write(&path, "not json").unwrap();
    let second = list.move_aside().unwrap().unwrap();
    assert_ne!(second, aside);
    assert_eq!(fs::read_to_string(&aside).unwrap(), WRONG_TYPE);
    assert_eq!(fs::read_to_string(&second).unwrap(), "not json");
    // No file: nothing to move.
    assert_eq!(list.move_aside().unwrap(), None);
}

#[test]
fn ids_not_in_the_dataset_are_kept_and_counted() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shortlist.json");
    fs::write(
        &path,
        "{\"version\": 1, \"members\": [\"cork\", \"gone\", \"left\"]}",
    )
    .unwrap();
    let dataset = set(&["cork", "espoo"]);
    let known = |id: &str| dataset.contains(id);
    let mut list = Shortlist::open(&path).unwrap();
    assert_eq!(list.count_not_found(known), 2);
    assert_eq!(list.not_found(known), ["gone", "left"]);

    list.add(["espoo"]).unwrap();
    list.remove(["cork"]).unwrap();
    assert_eq!(
        Shortlist::open(&path).unwrap().ids(),
        &set(&["espoo", "gone", "left"])
    );
    assert_eq!(list.count_not_found(known), 2);
}

#[test]
fn changes_apply_to_the_latest_file_not_to_what_was_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    let mut a = Shortlist::open(&path).unwrap();
    let mut b = Shortlist::open(&path).unwrap();
    a.add(["cork"]).unwrap();
    b.add(["espoo"]).unwrap();
    assert_eq!(b.ids(), &set(&["cork", "espoo"]));
    a.remove(["espoo"]).unwrap();
    // b still shows espoo until its next change, which starts from the file.
    assert!(b.contains("espoo"));
    b.add(["ghent"]).unwrap();
    assert_eq!(b.ids(), &set(&["cork", "ghent"]));
    a.reload().unwrap();
    assert_eq!(a.ids(), b.ids());
}

/// The second writer: does nothing in a normal test run; when this binary is run again with
/// [`CHILD_ENV`] set, adds its ids one change at a time to the shortlist it names.
#[test]
fn second_writer_process() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let path = PathBuf::from(path);
    let mut list = Shortlist::open(&path).unwrap();
    fs::write(path.with_extension("child-started"), "").unwrap();
    for i in 0..WRITES {
        list.add([format!("child-{i}")]).unwrap();
        // Re-adding one already there, and a remove of something never added, change
        // nothing but still take the lock and read.
        list.add([format!("child-{}", i / 2)]).unwrap();
        list.remove([format!("never-{i}")]).unwrap();
    }
}

#[test]
fn two_processes_writing_at_once_keep_every_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = file_in(&dir);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    let child = Command::new(std::env::current_exe().unwrap())
        .args(["second_writer_process", "--exact", "--test-threads=1"])
        .env(CHILD_ENV, &path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Start together: wait until the child has opened the shortlist.
    let started = path.with_extension("child-started");
    let deadline = Instant::now() + Duration::from_secs(60);
    while !started.exists() {
        assert!(Instant::now() < deadline, "the second writer never started");
        std::thread::sleep(Duration::from_millis(2));
    }
    let mut list = Shortlist::open(&path).unwrap();
    for i in 0..WRITES {
        list.add([format!("parent-{i}")]).unwrap();
        list.add([format!("parent-{}", i / 2)]).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "second writer: {}\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );

    let ids = Shortlist::open(&path).unwrap().ids().clone();
    let expected: BTreeSet<String> = (0..WRITES)
        .flat_map(|i| [format!("parent-{i}"), format!("child-{i}")])
        .collect();
    assert_eq!(ids, expected);
    let mut files = names(path.parent().unwrap());
    files.retain(|n| !n.ends_with("child-started"));
    assert_eq!(files, ["shortlist.json", "shortlist.json.lock"]);
}
