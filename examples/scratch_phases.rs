use std::time::Instant;
fn cpu() -> f64 {
    let s = std::fs::read_to_string("/proc/self/stat").unwrap();
    let f: Vec<&str> = s.rsplit(')').next().unwrap().split_whitespace().collect();
    (f[11].parse::<f64>().unwrap() + f[12].parse::<f64>().unwrap()) / 100.0
}
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let (t, c) = (Instant::now(), cpu());
    let bytes = std::fs::read(&path).unwrap();
    println!("read      wall {:?} cpu {:.2}", t.elapsed(), cpu() - c);
    let (t, c) = (Instant::now(), cpu());
    let text = std::str::from_utf8(&bytes).unwrap();
    println!("utf8      wall {:?} cpu {:.2}", t.elapsed(), cpu() - c);
    let (t, c) = (Instant::now(), cpu());
    let v: serde_json::Value = serde_json::from_str(text).unwrap();
    println!("Value     wall {:?} cpu {:.2}", t.elapsed(), cpu() - c);
    let (t, c) = (Instant::now(), cpu());
    drop(v);
    println!("dropValue wall {:?} cpu {:.2}", t.elapsed(), cpu() - c);
    let (t, c) = (Instant::now(), cpu());
    let d = gnlc::model::load::from_str(text, "x").unwrap();
    println!("from_str  wall {:?} cpu {:.2}", t.elapsed(), cpu() - c);
    let (t, c) = (Instant::now(), cpu());
    let e = gnlc::query::Engine::new(d);
    println!("engine    wall {:?} cpu {:.2}", t.elapsed(), cpu() - c);
    let (t, c) = (Instant::now(), cpu());
    let r = e.run(&gnlc::query::Query::default());
    println!(
        "run empty wall {:?} cpu {:.2} {}",
        t.elapsed(),
        cpu() - c,
        r.hits.len()
    );
    let (t, c) = (Instant::now(), cpu());
    drop(e);
    println!("drop      wall {:?} cpu {:.2}", t.elapsed(), cpu() - c);
}
