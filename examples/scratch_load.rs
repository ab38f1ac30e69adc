fn main() {
    let path = std::env::args().nth(1).unwrap();
    let d = gnlc::model::load::from_path(&path).unwrap();
    println!("{}", d.members.len());
    std::mem::forget(d);
}
