//! Time per stage (document, parse, rules, report, JSON) over the text reports of
//! ../shared/corpus, for profiling: `cargo run --release --example stages [N]`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Instant;
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .map(|s| s.parse().unwrap())
        .unwrap_or(100);
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
    let texts: Vec<String> = files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let (mut tdoc, mut tparse, mut trules, mut treport, mut tjson) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for _ in 0..n {
        for t in &texts {
            let shape = nianbao_core::input::detect_shape(t);
            let a = Instant::now();
            let d = nianbao_core::document::build(t, shape);
            std::hint::black_box(&d);
            tdoc += a.elapsed().as_secs_f64();
            let a = Instant::now();
            let m = nianbao_core::parse(t, shape);
            tparse += a.elapsed().as_secs_f64();
            let a = Instant::now();
            let cx = nianbao_core::rules::Ctx::new(&m, None);
            let f = nianbao_core::rules::run(&cx);
            trules += a.elapsed().as_secs_f64();
            let a = Instant::now();
            let r = nianbao_core::Report::build(
                nianbao_core::report::Source {
                    name: None,
                    bytes: t.len(),
                    encoding: "utf-8",
                },
                &m,
                f,
                None,
            );
            treport += a.elapsed().as_secs_f64();
            let a = Instant::now();
            std::hint::black_box(serde_json::to_string(&r).unwrap());
            tjson += a.elapsed().as_secs_f64();
        }
    }
    let k = (n * texts.len()) as f64 / 1e6;
    println!("per report (µs): document {:.1}, parse (incl. document) {:.1}, rules {:.1}, report {:.1}, json {:.1}", tdoc / k, tparse / k, trules / k, treport / k, tjson / k);
}
