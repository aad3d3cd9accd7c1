//! Checks one file N times and prints the time per check: for profilers and for
//! scripts/bench-wasm (the native side of the WASM/native ratio).
//! `cargo run --release --example repeat FILE N`
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("FILE");
    let n: usize = args.next().map(|s| s.parse().unwrap()).unwrap_or(100);
    let bytes = std::fs::read(&path).unwrap();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let mut findings = 0;
    let t = std::time::Instant::now();
    for _ in 0..n {
        findings += nianbao_core::check_text(std::hint::black_box(&text), None)
            .map(|r| r.findings.len())
            .unwrap_or(0);
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{:.4} ms/check, {:.1} MB/s, {} findings",
        secs * 1000.0 / n as f64,
        (bytes.len() * n) as f64 / secs / 1e6,
        findings / n
    );
}
