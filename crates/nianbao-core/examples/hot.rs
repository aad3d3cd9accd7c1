//! Runs one parse stage many times (for perf): `hot STAGE N`.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use nianbao_core::*;
fn main() {
    let stage = std::env::args().nth(1).unwrap();
    let n: usize = std::env::args()
        .nth(2)
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
    let docs: Vec<_> = texts
        .iter()
        .map(|t| document::build(t, input::detect_shape(t)))
        .collect();
    let t0 = std::time::Instant::now();
    for _ in 0..n {
        for (t, doc) in texts.iter().zip(&docs) {
            match stage.as_str() {
                "sig" => {
                    std::hint::black_box(base::Sig::of(t));
                }
                "chars" => {
                    std::hint::black_box(t.chars().filter(|c| *c > 'a').count());
                }
                "document" => {
                    std::hint::black_box(document::build(t, input::detect_shape(t)));
                }
                "headings" => {
                    std::hint::black_box(
                        doc.lines()
                            .filter_map(|l| structure::heading_of(&l))
                            .count(),
                    );
                }
                "regions" => {
                    std::hint::black_box(tables::regions::find(doc, &[]));
                }
                "tables" => {
                    let r = tables::regions::find(doc, &[]);
                    std::hint::black_box(tables::read(doc, &r, Some(2023)));
                }
                "rules" => {
                    let m = parse(t, input::detect_shape(t));
                    let cx = rules::Ctx {
                        model: &m,
                        previous: None,
                    };
                    std::hint::black_box(rules::run(&cx));
                }
                _ => panic!(),
            }
        }
    }
    println!(
        "{:.1} µs per report",
        t0.elapsed().as_secs_f64() * 1e6 / (n * texts.len()) as f64
    );
}
#[allow(dead_code)]
fn unused() {}
