//! The fast load path: the file is read in blocks and split into members by a structural
//! scan, and the members are parsed, resolved and their clusters inferred on worker threads
//! while the next blocks are read.
//!
//! Why: a large dataset is mostly profile text. Reading it whole and then parsing it kept the
//! file and its parsed strings in memory at once (2.3× the file) and parsed on one core. Here
//! each block is freed once its members are parsed, so memory stays near the size of the
//! parsed members, and parsing runs on every core.
//!
//! It only answers for a valid dataset. Any surprise (a syntax error, a member that does not
//! resolve, a duplicate id, an escaped key, a byte-order mark...) gives up with `None`, and
//! the caller loads the file again through the sequential path, whose errors name the line,
//! column, member and field. So errors are the same by construction, and this path needs to
//! be right only about files it accepts: every member span it cuts is parsed by `serde_json`
//! as a whole object, the separators between them are checked here, and everything outside
//! the `members` array (with `[]` in its place) is parsed as the dataset's other fields.

use super::load::resolve_member;
use super::schema::{DatasetRecord, MemberRecord};
use super::{Dataset, Member, SCHEMA_VERSION};
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};

/// How much is read at a time, and about how many bytes of members go to a worker at once.
const BLOCK: usize = 256 << 10;
/// Below this many bytes in all, this path does not pay: the sequential one parses the
/// whole text in one `serde_json` call, which is faster than scanning it and parsing each
/// member apart, and a file this small costs little memory held whole.
const PARALLEL_FROM: usize = 2 << 20;

/// True when a dataset of `size` bytes is worth loading by this path.
pub(super) fn pays(size: usize) -> bool {
    size >= PARALLEL_FROM
}

/// Loads a valid dataset from `input` (about `size` bytes); `None` for anything else, which
/// the caller then loads through the sequential path for its located error.
pub(super) fn load(input: impl Read, size: usize, name: &str) -> Option<Dataset> {
    let workers = if pays(size) {
        std::thread::available_parallelism().map_or(1, std::num::NonZero::get)
    } else {
        1
    };
    load_with(input, size, BLOCK, workers, name)
}

/// Members cut from the input, ready to parse: their bytes and where each one is.
struct Batch {
    /// The index of the first member in the dataset.
    first: usize,
    bytes: Vec<u8>,
    spans: Vec<(usize, usize)>,
}

/// Members parsed and resolved from one batch, with the index of the first.
type Parsed = (usize, Vec<Member>);

/// Parses and resolves the members of a batch; `None` at the first that fails.
fn parse_batch(batch: &Batch, name: &str) -> Option<Parsed> {
    let mut members = Vec::with_capacity(batch.spans.len());
    for (k, &(start, end)) in batch.spans.iter().enumerate() {
        let raw: MemberRecord = serde_json::from_slice(&batch.bytes[start..end]).ok()?;
        members.push(resolve_member(raw, batch.first + k, name).ok()?);
    }
    Some((batch.first, members))
}

/// Parses batches from `batches` until it closes, sends the members of each to `done`, and
/// its buffer back to `spare` for reuse (fresh memory costs the kernel a page clearing);
/// after a member fails (`failed` is then set), it only drains them.
fn worker(
    batches: &Receiver<Batch>,
    spare: &SyncSender<Vec<u8>>,
    done: &Sender<Parsed>,
    failed: &AtomicBool,
    name: &str,
) {
    for batch in batches {
        if !failed.load(Ordering::Relaxed) {
            match parse_batch(&batch, name) {
                Some(parsed) => {
                    let _ = done.send(parsed);
                }
                None => failed.store(true, Ordering::Relaxed),
            }
        }
        let _ = spare.try_send(batch.bytes);
    }
}

/// Puts parsed batches in member order as they arrive, so each batch's vector is freed as
/// soon as its members are moved, and the members' vector is sized once from an estimate
/// (bytes per member of the first batch) instead of by a copy of them all at the end.
struct Assembler {
    members: Vec<Member>,
    waiting: BTreeMap<usize, Vec<Member>>,
    /// About how many bytes the input has.
    size: usize,
}

impl Assembler {
    fn add(&mut self, (first, part): Parsed) {
        self.waiting.insert(first, part);
        while let Some(part) = self.waiting.remove(&self.members.len()) {
            self.members.extend(part);
        }
    }

    /// Reserves room for the whole dataset, from the first batch handed on.
    fn estimate(&mut self, batch: &Batch) {
        if self.members.capacity() == 0 && !batch.spans.is_empty() {
            let per_member = (batch.bytes.len() / batch.spans.len()).max(1);
            self.members
                .reserve(self.size / per_member + self.size / per_member / 8 + 16);
        }
    }
}

fn load_with(
    input: impl Read,
    size: usize,
    block: usize,
    workers: usize,
    name: &str,
) -> Option<Dataset> {
    let failed = AtomicBool::new(false);
    let mut assembler = Assembler {
        members: Vec::new(),
        waiting: BTreeMap::new(),
        size,
    };
    let outside = if workers < 2 {
        split(input, block, &failed, |batch| {
            assembler.estimate(&batch);
            match parse_batch(&batch, name) {
                Some(p) => assembler.add(p),
                None => failed.store(true, Ordering::Relaxed),
            }
            Some(Some(batch.bytes))
        })?
    } else {
        std::thread::scope(|scope| {
            // One channel a worker, batches dealt in turn: a worker that died drops its
            // receiver, and the next send to it stops the scan instead of blocking.
            let mut senders = Vec::with_capacity(workers);
            let mut handles = Vec::with_capacity(workers);
            let (spare_tx, spare_rx) = sync_channel::<Vec<u8>>(2 * workers);
            let (done_tx, done_rx) = channel::<Parsed>();
            for _ in 0..workers {
                let (tx, rx) = sync_channel::<Batch>(1);
                senders.push(tx);
                let failed = &failed;
                let spare_tx = spare_tx.clone();
                let done_tx = done_tx.clone();
                handles.push(scope.spawn(move || worker(&rx, &spare_tx, &done_tx, failed, name)));
            }
            drop(spare_tx);
            drop(done_tx);
            let mut turn = 0;
            let outside = split(input, block, &failed, |batch| {
                assembler.estimate(&batch);
                turn = (turn + 1) % senders.len();
                senders[turn].send(batch).ok()?;
                while let Ok(parsed) = done_rx.try_recv() {
                    assembler.add(parsed);
                }
                Some(spare_rx.try_recv().ok())
            });
            drop(senders);
            for parsed in &done_rx {
                assembler.add(parsed);
            }
            for h in handles {
                h.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            }
            outside
        })?
    };
    if failed.load(Ordering::Relaxed) || !assembler.waiting.is_empty() {
        return None;
    }
    let head: DatasetRecord = serde_json::from_slice(&outside).ok()?;
    let schema_version = head.schema_version.unwrap_or(SCHEMA_VERSION);
    if schema_version > SCHEMA_VERSION || !head.members.is_empty() {
        return None;
    }
    let members = assembler.members;
    let mut ids: HashSet<&str, foldhash::fast::FixedState> =
        HashSet::with_capacity_and_hasher(members.len(), foldhash::fast::FixedState::default());
    if !members.iter().all(|m| ids.insert(m.id.as_str())) {
        return None;
    }
    drop(ids);
    Some(Dataset {
        schema_version,
        source: head.source.unwrap_or_default(),
        announced: head.announced,
        members,
    })
}

/// Reads `input` in blocks, hands each run of whole members to `sink` (which returns `None`
/// to stop, or maybe a used buffer to reuse), and returns the bytes outside the `members`
/// array.
fn split(
    mut input: impl Read,
    block: usize,
    failed: &AtomicBool,
    mut sink: impl FnMut(Batch) -> Option<Option<Vec<u8>>>,
) -> Option<Vec<u8>> {
    let mut spare: Option<Vec<u8>> = None;
    let mut splitter = Splitter::new();
    let mut pending: Vec<u8> = Vec::with_capacity(block * 2);
    let mut resume = 0;
    let mut first = 0;
    loop {
        // Read straight into the buffer's spare room (no probe reads, no growth).
        let len = pending.len();
        pending.resize(len + block, 0);
        let read = loop {
            match input.read(&mut pending[len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(_) => return None,
            }
        };
        pending.truncate(len + read);
        let eof = read == 0;
        resume = splitter.scan(&pending, resume).ok()?;
        let cut = splitter.spans.last().map_or(0, |&(_, end)| end);
        if cut > 0 && (eof || cut >= block) {
            let mut rest = spare.take().unwrap_or_default();
            rest.clear();
            rest.reserve(block * 2);
            rest.extend_from_slice(&pending[cut..]);
            pending.truncate(cut);
            let room = splitter.spans.capacity();
            let spans = std::mem::replace(&mut splitter.spans, Vec::with_capacity(room));
            let count = spans.len();
            let batch = Batch {
                first,
                bytes: std::mem::replace(&mut pending, rest),
                spans,
            };
            first += count;
            resume -= cut;
            splitter.member_start = splitter.member_start.saturating_sub(cut);
            spare = sink(batch)?;
            if failed.load(Ordering::Relaxed) {
                return None;
            }
        }
        if eof {
            break;
        }
    }
    (resume == pending.len() && splitter.at == Where::End && splitter.seen_members)
        .then_some(splitter.outside)
}

/// Where the scan is in the JSON structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Where {
    /// Before the root object.
    Start,
    /// In the root object or a value nested in it, other than the `members` array.
    Root,
    /// In the `members` array, before an element (`first`: just after the `[`).
    BeforeMember { first: bool },
    /// In a member object, `depth` brackets deep (1: the member's own braces).
    InMember { depth: usize },
    /// In the `members` array, after an element.
    AfterMember,
    /// After the root object closed.
    End,
}

/// The structural scan: copies everything outside the `members` array to `outside` (with
/// `[]` in the array's place) and records the span of each member object.
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent facts of the scan state, each read in one place"
)]
struct Splitter {
    at: Where,
    /// Brackets open outside the members (1: in the root object).
    depth: usize,
    in_string: bool,
    /// Where the root key being read starts in `outside`.
    key_start: Option<usize>,
    /// The last thing read at depth 1 is the key `members` (and its colon).
    after_members_key: bool,
    /// The next string at depth 1 is a key.
    expect_key: bool,
    seen_members: bool,
    outside: Vec<u8>,
    /// Where the member being scanned starts.
    member_start: usize,
    /// Whole members scanned and not yet handed on.
    spans: Vec<(usize, usize)>,
}

/// Something this path leaves to the sequential one.
struct GiveUp;

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl Splitter {
    fn new() -> Self {
        Splitter {
            at: Where::Start,
            depth: 0,
            in_string: false,
            key_start: None,
            after_members_key: false,
            expect_key: false,
            seen_members: false,
            outside: Vec::new(),
            member_start: 0,
            spans: Vec::new(),
        }
    }

    /// Scans `buf[from..]` and returns where to resume when more bytes arrive (`buf.len()`,
    /// or the position of a backslash that ends the buffer).
    fn scan(&mut self, buf: &[u8], from: usize) -> Result<usize, GiveUp> {
        let mut i = from;
        while i < buf.len() {
            if self.in_string {
                let Some(p) = memchr::memchr2(b'"', b'\\', &buf[i..]) else {
                    if !matches!(self.at, Where::InMember { .. }) {
                        self.outside.extend_from_slice(&buf[i..]);
                    }
                    return Ok(buf.len());
                };
                let j = i + p;
                let end = if buf[j] == b'\\' {
                    if self.key_start.is_some() {
                        return Err(GiveUp); // an escaped root key: serde will read it
                    }
                    if j + 1 >= buf.len() {
                        if !matches!(self.at, Where::InMember { .. }) {
                            self.outside.extend_from_slice(&buf[i..j]);
                        }
                        return Ok(j);
                    }
                    j + 2
                } else {
                    self.in_string = false;
                    j + 1
                };
                if !matches!(self.at, Where::InMember { .. }) {
                    self.outside.extend_from_slice(&buf[i..end]);
                    if !self.in_string
                        && let Some(start) = self.key_start.take()
                    {
                        let key = &self.outside[start..self.outside.len() - 1];
                        self.after_members_key = key == b"members";
                    }
                }
                i = end;
                continue;
            }
            let b = buf[i];
            i += 1;
            match self.at {
                Where::InMember { depth } => match b {
                    b'"' => self.in_string = true,
                    b'{' | b'[' => self.at = Where::InMember { depth: depth + 1 },
                    b'}' | b']' if depth == 1 => {
                        if b != b'}' {
                            return Err(GiveUp);
                        }
                        self.spans.push((self.member_start, i));
                        self.at = Where::AfterMember;
                    }
                    b'}' | b']' => self.at = Where::InMember { depth: depth - 1 },
                    _ => {}
                },
                Where::BeforeMember { first } => match b {
                    b'{' => {
                        self.member_start = i - 1;
                        self.at = Where::InMember { depth: 1 };
                    }
                    b']' if first => self.at = Where::Root,
                    _ if is_space(b) => {}
                    _ => return Err(GiveUp),
                },
                Where::AfterMember => match b {
                    b',' => self.at = Where::BeforeMember { first: false },
                    b']' => self.at = Where::Root,
                    _ if is_space(b) => {}
                    _ => return Err(GiveUp),
                },
                Where::Start | Where::Root | Where::End => self.outside_byte(b)?,
            }
        }
        Ok(i)
    }

    /// One byte outside strings and outside the members array.
    fn outside_byte(&mut self, b: u8) -> Result<(), GiveUp> {
        if self.at == Where::Start && !is_space(b) {
            if b != b'{' {
                return Err(GiveUp);
            }
            self.at = Where::Root;
        }
        if b == b'[' && self.depth == 1 && self.after_members_key {
            if self.seen_members {
                return Err(GiveUp);
            }
            self.seen_members = true;
            self.after_members_key = false;
            self.outside.extend_from_slice(b"[]");
            self.at = Where::BeforeMember { first: true };
            return Ok(());
        }
        self.outside.push(b);
        match b {
            b'"' => {
                self.in_string = true;
                if self.depth == 1 && self.expect_key {
                    self.key_start = Some(self.outside.len());
                    self.expect_key = false;
                } else {
                    self.after_members_key = false;
                }
            }
            b'{' | b'[' => {
                self.depth += 1;
                self.expect_key = self.depth == 1;
                self.after_members_key = false;
            }
            b'}' | b']' => {
                self.depth = self.depth.checked_sub(1).ok_or(GiveUp)?;
                if self.depth == 0 {
                    self.at = Where::End;
                }
            }
            b',' => {
                if self.depth == 1 {
                    self.expect_key = true;
                    self.after_members_key = false;
                }
            }
            b':' => {}
            _ if is_space(b) => {}
            _ => self.after_members_key = false,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::load_with;
    use crate::model::{BUNDLED_JSON, Dataset, load};

    /// The fast path with tiny blocks (every escape and member cut across a block boundary)
    /// on one and on two threads.
    fn fast(text: &str, block: usize, workers: usize) -> Option<Dataset> {
        load_with(text.as_bytes(), text.len(), block, workers, "t.json")
    }

    fn sequential(text: &str) -> Dataset {
        load::sequential_from_bytes(text.as_bytes(), "t.json").expect("loads")
    }

    #[test]
    fn the_bundled_dataset_loads_the_same_by_both_paths() {
        let slow = sequential(BUNDLED_JSON);
        assert_eq!(slow.members.len(), 349);
        for (block, workers) in [(1 << 20, 1), (4096, 2), (7, 2), (1, 1)] {
            assert_eq!(
                fast(BUNDLED_JSON, block, workers).as_ref(),
                Some(&slow),
                "block {block}, {workers} workers"
            );
        }
    }

    #[test]
    fn other_fields_before_and_after_the_members_are_read() {
        let text = "\u{20}\n{\"source\": \"a \\\"quoted\\\" [source] {x}\", \"members\" :\n [ {\"city\": \"Cork\", \"country\": \"Ireland\", \"tagline\": \"a\\\\b\\\"}]\"} ,\n{\"city\":\"Espoo\",\"country\":\"Finland\",\"awards\":[{\"year\":2015}]}\n] , \"announced\": {\"members\": 2, \"countries\": 2, \"as_of\": \"]\"}, \"schema_version\": 1}\n";
        let slow = sequential(text);
        assert_eq!(slow.source, "a \"quoted\" [source] {x}");
        assert_eq!(slow.members[0].tagline.as_deref(), Some("a\\b\"}]"));
        for block in [1, 2, 3, 5, 64] {
            assert_eq!(fast(text, block, 1).as_ref(), Some(&slow), "block {block}");
            assert_eq!(fast(text, block, 2).as_ref(), Some(&slow), "block {block}");
        }
    }

    #[test]
    fn an_empty_members_array_loads() {
        let text = r#"{"members": [ ]}"#;
        assert_eq!(fast(text, 3, 1), Some(sequential(text)));
    }

    /// Each of these is refused by the sequential loader (or read differently from how the
    /// scan would cut it), so the fast path must give up and leave the error to it.
    #[test]
    fn what_the_fast_path_leaves_to_the_sequential_one() {
        let cork = r#"{"city":"Cork","country":"Ireland"}"#;
        let espoo = r#"{"city":"Espoo","country":"Finland"}"#;
        let cases = [
            String::new(),
            "   ".to_string(),
            format!("[{cork}]"),
            format!("{{\"members\":[{cork}{espoo}]}}"),
            format!("{{\"members\":[{cork},]}}"),
            format!("{{\"members\":[,{cork}]}}"),
            format!("{{\"members\":[{cork}],\"members\":[{espoo}]}}"),
            format!("{{\"members\":[{cork}]}} x"),
            format!("{{\"members\":[{cork}]"),
            format!("{{\"members\":[{cork}, 1]}}"),
            format!("{{\"members\":[{cork}, [\"Espoo\", \"Finland\"]]}}"),
            format!("{{\"members\":{cork}}}"),
            format!("{{\"members\":[{cork}, {cork}]}}"),
            format!("{{\"members\":[{cork}], \"schema_version\": 99}}"),
            format!("{{\"members\":[{cork}], \"extra\": 1}}"),
            format!("{{\"source\": \"x\", \"members\": [{cork}]"),
            r#"{"members":[{"city":"Cork","country":"Ireland","tagline":"a\"}]}"#.to_string(),
            r#"{"members":[{"city":"Cork","country":"Nowhere"}]}"#.to_string(),
            r#"{"members":[{"city":"","country":"Ireland"}]}"#.to_string(),
            r#"{"members":[{"city":"Cork","country":"Ireland","x":{"y":[1,2]}}]}"#.to_string(),
        ];
        for text in &cases {
            assert!(
                load::sequential_from_bytes(text.as_bytes(), "t.json").is_err(),
                "the sequential loader accepts {text:?}"
            );
            for (block, workers) in [(1, 1), (4, 2), (1 << 20, 1), (1 << 20, 2)] {
                assert_eq!(fast(text, block, workers), None, "{text:?}, block {block}");
            }
        }
    }

    #[test]
    fn a_byte_order_mark_or_an_escaped_key_is_left_to_the_sequential_path_which_reads_it() {
        let cork = r#"{"city":"Cork","country":"Ireland"}"#;
        for text in [
            format!("\u{feff}{{\"members\":[{cork}]}}"),
            format!("{{\"mem\\u0062ers\":[{cork}]}}"),
        ] {
            assert_eq!(fast(&text, 1 << 20, 1), None);
            let loaded = load::from_bytes(text.as_bytes(), "t.json").expect("loads");
            assert_eq!(loaded.members[0].city, "Cork");
        }
    }

    #[test]
    fn invalid_utf8_in_a_member_is_left_to_the_sequential_path() {
        let mut bytes = br#"{"members":[{"city":"Cork","country":"Ireland","tagline":"x"#.to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice(br#""}]}"#);
        assert!(load_with(&bytes[..], bytes.len(), 4, 1, "t.json").is_none());
        assert!(load::from_bytes(&bytes, "t.json").is_err());
    }
}
