//! The same synthetic tables written in every input shape must be recovered with identical
//! values, and every cell span must hold exactly the value as written.

mod common;
use common::*;
use nianbao_core::tables::Format;

fn check_shape(t: &Tables, shape: Shape, seed: u64) {
    let text = report(t, shape);
    let r = nianbao_core::check_text(&text, None).unwrap();
    let ctx = format!("shape {shape:?}, format {:?}, seed {seed}", t.format);
    let want_fmt = if t.format == Format::B {
        "2021"
    } else {
        "2019"
    };
    assert_eq!(
        serde_json::to_value(r.meta.format).unwrap(),
        want_fmt,
        "{ctx}"
    );
    let mut expected: Vec<(String, String)> = Vec::new();
    for (_, rows) in &t.t2 {
        for row in rows {
            expected.extend(
                row.cells
                    .iter()
                    .map(|(c, v)| (format!("t2.{}.{}", row.key, c), v.clone())),
            );
        }
    }
    for row in &t.t3 {
        expected.extend(
            row.cells
                .iter()
                .map(|(c, v)| (format!("t3.{}.{}", row.key, c), v.clone())),
        );
    }
    expected.extend(t.t4.iter().map(|(p, v)| (format!("t4.{p}"), v.clone())));
    let json = serde_json::to_value(&r).unwrap();
    for key in ["t2", "t3", "t4"] {
        assert_eq!(
            json["tables"][key]["complete"],
            true,
            "{ctx}: {key} incomplete; findings {:?}",
            r.findings
                .iter()
                .map(|f| (f.code, &f.message))
                .collect::<Vec<_>>()
        );
    }
    for (path, raw) in &expected {
        let mut it = path.split('.');
        let (t, row, col) = (it.next().unwrap(), it.next().unwrap(), it.next().unwrap());
        let cell = &json["tables"][t]["rows"][row]["cells"][col];
        assert_eq!(cell["raw"], raw.as_str(), "{ctx}: {path}");
        let span = cell["span"]
            .as_array()
            .unwrap_or_else(|| panic!("{ctx}: {path} has no span"));
        let (s, e) = (
            span[0].as_u64().unwrap() as usize,
            span[1].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], raw.as_str(), "{ctx}: span of {path}");
    }
    // no parsing complaints about the tables
    let bad: Vec<_> = r
        .findings
        .iter()
        .filter(|f| matches!(f.code, "S401" | "S402" | "S403" | "S406" | "N103"))
        .map(|f| (f.code, &f.message))
        .collect();
    assert!(bad.is_empty(), "{ctx}: {bad:?}");
}

#[test]
fn every_shape_yields_the_same_tables() {
    for seed in 1..=12u64 {
        for format in [Format::A, Format::B] {
            let mut rng = Rng(seed * 7919 + format as u64);
            let t = tables(&mut rng, format);
            for shape in SHAPES {
                check_shape(&t, shape, seed);
            }
        }
    }
}

#[test]
fn shapes_are_detected() {
    let mut rng = Rng(5);
    let t = tables(&mut rng, Format::B);
    let shape = |s: Shape| {
        serde_json::to_value(
            nianbao_core::check_text(&report(&t, s), None)
                .unwrap()
                .source
                .shape,
        )
        .unwrap()
    };
    assert_eq!(shape(Shape::Html), "html");
    assert_eq!(shape(Shape::Markdown), "markdown");
    assert_eq!(shape(Shape::Tabs), "text");
}

/// Not a test: `DUMP_SHAPES=dir cargo test --test shapes -- --ignored dump` writes the
/// generated reports for a look.
#[test]
#[ignore]
fn dump() {
    if let Some(dir) = std::env::var_os("DUMP_SHAPES") {
        let mut rng = Rng(3);
        let t = tables(&mut rng, Format::A);
        for s in SHAPES {
            std::fs::write(
                std::path::Path::new(&dir).join(format!("{s:?}.txt")),
                report(&t, s),
            )
            .unwrap();
        }
    }
}
