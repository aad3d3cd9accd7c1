//! Checks one file N times (for profilers): `cargo run --release --example repeat FILE N`.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE");
    let n: usize = args.next().map(|s| s.parse().unwrap()).unwrap_or(100);
    let bytes = std::fs::read(&path).unwrap();
    let mut findings = 0;
    let t = std::time::Instant::now();
    for _ in 0..n {
        findings += nianbao_core::check_bytes(&bytes, &Default::default()).findings.len();
    }
    let secs = t.elapsed().as_secs_f64();
    println!("{findings} findings; {:.1} MB/s", (bytes.len() * n) as f64 / secs / 1e6);
}
