//! Start-up to first frame on the bundled data. Budget: 10 ms (PERFORMANCE.md). With
//! `GNLC_BENCH_DATA=FILE`, also the real binary's first frame on that dataset
//! (`startup_data`; budget 0.5 s for 300 MB).
//!
//! Two measurements:
//! - `in_process`: `Dataset::bundled()` (parse, validate and infer clusters of the embedded
//!   JSON), `Engine::new`, `App::new` (the first query) and one frame at 160x45 on
//!   `TestBackend`: the library's share, without process start or terminal I/O.
//! - `real_binary_pty`: the released `gnlc` started in a 160x45 pseudo-terminal, timed from
//!   just before the spawn until the terminal emulator (vt100) shows the footer on the bottom
//!   row, i.e. the first frame has reached the terminal. This includes the pty's fork and
//!   exec, dynamic loading, terminal set-up (raw mode, alternate screen) and the write of the
//!   first frame. Quitting (`q`) and waiting for the exit happen outside the timed part.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use criterion::{Criterion, criterion_group, criterion_main};
use gnlc::app::App;
use gnlc::model::Dataset;
use gnlc::query::{Engine, Query};
use gnlc::ui::Explorer;
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc;
use std::time::{Duration, Instant};

const WIDTH: u16 = 160;
const HEIGHT: u16 = 45;

fn first_frame() -> Terminal<TestBackend> {
    let engine = Engine::new(Dataset::bundled());
    let mut app = Explorer::new(App::new(engine, Query::default()));
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal");
    terminal
        .draw(|frame| app.draw(frame))
        .expect("a test terminal draws");
    terminal
}

/// The binary to start: `GNLC_BENCH_BIN` when set (to time another build, e.g. the one
/// before a change, in the same run), else this package's release build.
fn binary() -> std::ffi::OsString {
    std::env::var_os("GNLC_BENCH_BIN").unwrap_or_else(|| env!("CARGO_BIN_EXE_gnlc").into())
}

/// Starts `gnlc` (on `data` when given) in a pty and returns the time until its first frame
/// is on the screen.
fn pty_first_frame(data: Option<&std::ffi::OsStr>) -> Duration {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: HEIGHT,
            cols: WIDTH,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("open a pty");
    let mut cmd = CommandBuilder::new(binary());
    cmd.env("TERM", "xterm-256color");
    if let Some(data) = data {
        cmd.arg("--data");
        cmd.arg(data);
    }
    let mut reader = pair.master.try_clone_reader().expect("pty reader");
    let mut writer = pair.master.take_writer().expect("pty writer");
    let (shown, first_frame_at) = mpsc::channel();
    let start = Instant::now();
    let mut child = pair.slave.spawn_command(cmd).expect("spawn gnlc");
    std::thread::spawn(move || {
        let rows = NonZeroU16::new(HEIGHT).expect("rows");
        let cols = NonZeroU16::new(WIDTH).expect("cols");
        let mut parser = vt100::Parser::new(rows, cols, 0);
        let mut buf = [0u8; 8192];
        let mut sent = false;
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            parser.process(&buf[..n]);
            if !sent
                && parser
                    .screen()
                    .rows(0, WIDTH)
                    .last()
                    .is_some_and(|row| !row.trim().is_empty())
            {
                let _ = shown.send(Instant::now());
                sent = true;
            }
        }
    });
    let at = first_frame_at
        .recv_timeout(Duration::from_secs(20))
        .expect("gnlc draws its first frame");
    writer.write_all(b"q").expect("send q");
    writer.flush().expect("flush");
    child.wait().expect("gnlc exits");
    at - start
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup_bundled");
    group.sample_size(30);
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("bundled_load", |b| b.iter(Dataset::bundled));
    group.bench_function("in_process_to_first_frame", |b| {
        b.iter(|| black_box(first_frame()));
    });
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(6));
    group.bench_function("real_binary_pty_to_first_frame", |b| {
        b.iter_custom(|rounds| (0..rounds).map(|_| pty_first_frame(None)).sum());
    });
    group.finish();
    // A dataset of the user's (`GNLC_BENCH_DATA=F`, e.g. the 100k profiles `benches/measure.sh`
    // makes), with whatever load cache the environment gives (see `gnlc::cache`).
    if let Some(data) = std::env::var_os("GNLC_BENCH_DATA") {
        let mut group = c.benchmark_group("startup_data");
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(10));
        group.bench_function("real_binary_pty_to_first_frame", |b| {
            b.iter_custom(|rounds| (0..rounds).map(|_| pty_first_frame(Some(&data))).sum());
        });
        group.finish();
    }
}

criterion_group!(benches, startup);
criterion_main!(benches);
