//! Mean time per report over the seed and the text reports of ../shared/corpus/20*/ (the
//! figure issue 9 asks for), in-process, one thread. `cargo run --release --example textreports [N]`
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(200);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    let mut files = vec![root.join("seed-zhoukou-kejiju-2019.txt")];
    for d in ["2019", "2021"] {
        let mut v: Vec<_> = std::fs::read_dir(root.join(d))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        v.sort();
        files.extend(v);
    }
    let inputs: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    let bytes: usize = inputs.iter().map(|b| b.len()).sum();
    let t = std::time::Instant::now();
    let mut k = 0;
    for _ in 0..n {
        for b in &inputs {
            k += nianbao_core::check_bytes(std::hint::black_box(b), &Default::default())
                .map(|r| r.findings.len())
                .unwrap_or(0);
        }
    }
    let s = t.elapsed().as_secs_f64();
    println!(
        "{} files, {} bytes: {:.1} µs per report, {:.1} MB/s ({k})",
        inputs.len(),
        bytes,
        s * 1e6 / (n * inputs.len()) as f64,
        (bytes * n) as f64 / s / 1e6
    );
}
