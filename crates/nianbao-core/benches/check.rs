//! Throughput of a full check (decode, parse, all rules, report) per input, in bytes/s.
//! Uses the real reports of ../shared/corpus when present, and the synthetic samples always.

/// The same allocator as the `nianbao` binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::{Path, PathBuf};

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for name in ["sample-2021.txt", "sample-2019.txt"] {
        out.push((
            format!("synthetic/{name}"),
            std::fs::read(root.join("tests/fixtures").join(name)).unwrap(),
        ));
    }
    let corpus = root.join("../../../shared/corpus");
    let mut files: Vec<PathBuf> = Vec::new();
    let mut stack = vec![corpus.clone()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "html")) {
                files.push(p);
            }
        }
    }
    files.sort();
    for p in files {
        let name = p.strip_prefix(&corpus).unwrap().display().to_string();
        out.push((format!("corpus/{name}"), std::fs::read(&p).unwrap()));
    }
    out
}

fn bench(c: &mut Criterion) {
    let all = inputs();
    let mut g = c.benchmark_group("check");
    for (name, bytes) in &all {
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(name.as_str(), |b| {
            b.iter(|| {
                nianbao_core::check_bytes(std::hint::black_box(bytes), &Default::default()).ok()
            })
        });
    }
    // everything at once, single-threaded: the batch figure
    let total: u64 = all.iter().map(|(_, b)| b.len() as u64).sum();
    g.throughput(Throughput::Bytes(total));
    g.bench_function("all-inputs", |b| {
        b.iter(|| {
            all.iter()
                .map(|(_, x)| {
                    nianbao_core::check_bytes(x, &Default::default())
                        .map(|r| r.findings.len())
                        .unwrap_or(0)
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).measurement_time(std::time::Duration::from_secs(2)).warm_up_time(std::time::Duration::from_millis(500));
    targets = bench
}
criterion_main!(benches);
