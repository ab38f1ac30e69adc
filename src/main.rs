//! The `gnlc` binary. TEMPORARY (tui branch): a minimal stand-in so the pseudo-terminal tests
//! can run the explorer before the real command line lands; the lead's `main.rs`/`cli.rs`
//! replace it. Accepts `--data FILE` and `--no-mouse`.

fn main() {
    let mut args = std::env::args().skip(1);
    let mut data = None;
    let mut mouse = true;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--data" => data = args.next(),
            "--no-mouse" => mouse = false,
            other => {
                eprintln!(
                    "gnlc: unknown argument `{}`",
                    gnlc::text::sanitize_line(other)
                );
                std::process::exit(2);
            }
        }
    }
    let dataset = match data {
        Some(path) => gnlc::model::load::from_path(&path),
        None => Ok(gnlc::model::Dataset::bundled()),
    };
    let result = dataset.and_then(|dataset| {
        let app = gnlc::app::App::new(
            gnlc::query::Engine::new(dataset),
            gnlc::query::Query::default(),
        );
        gnlc::tui::run(app, gnlc::tui::Options { mouse })
    });
    if let Err(e) = result {
        eprintln!("gnlc: {e}");
        std::process::exit(e.exit_code());
    }
}
