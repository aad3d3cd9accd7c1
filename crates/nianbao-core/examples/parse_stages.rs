//! Time per parse stage over the text reports of ../shared/corpus (for profiling).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use nianbao_core::*;
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
    let mut t = [0.0f64; 8];
    for _ in 0..n {
        for text in &texts {
            let shape = input::detect_shape(text);
            let mut a = Instant::now();
            let mut lap = |i: usize, a: &mut Instant| {
                t[i] += a.elapsed().as_secs_f64();
                *a = Instant::now();
            };
            let doc = document::build(text, shape);
            lap(0, &mut a);
            let candidates: Vec<(usize, structure::Heading)> = doc
                .lines()
                .enumerate()
                .filter_map(|(i, l)| structure::heading_of(&l).map(|h| (i, h)))
                .collect();
            lap(1, &mut a);
            let regions = tables::regions::find(&doc, &candidates);
            lap(2, &mut a);
            let meta = structure::meta(text, &doc, &|i| regions.contains(i));
            lap(3, &mut a);
            let (headings, _) = structure::sections(
                candidates
                    .into_iter()
                    .filter(|(i, _)| !regions.contains(*i))
                    .map(|(_, h)| h),
            );
            let tabs = tables::read(&doc, &regions, meta.year);
            lap(4, &mut a);
            let pre = tables::pre2019(&doc);
            std::hint::black_box(&pre);
            lap(5, &mut a);
            let lines: Vec<Span> = doc
                .lines()
                .enumerate()
                .filter(|(i, l)| !regions.contains(*i) && !l.in_html_table() && !l.is_blank())
                .map(|(_, l)| l.span())
                .collect();
            let hs: Vec<usize> = headings.iter().map(|h| h.span.start).collect();
            let prose = text::read(text, lines, &hs, false, text::Scope::of(&meta), tabs.format);
            lap(6, &mut a);
            std::hint::black_box(text::dates::find(text, false, &prose.lines));
            lap(7, &mut a);
        }
    }
    let k = (n * texts.len()) as f64 / 1e6;
    let names = [
        "document", "headings", "regions", "meta", "tables", "pre2019", "prose", "dates",
    ];
    for (nm, v) in names.iter().zip(t) {
        print!("{nm} {:.1}  ", v / k);
    }
    println!("(µs per report)");
}
