//! The architecture holds (ARCHITECTURE.md): every module of the core imports only the
//! stages before it, and no source file grows past 700 lines.

use std::path::{Path, PathBuf};

/// The modules of the core in pipeline order: a module may use the ones before it.
const LAYERS: &[&str] = &[
    "base",
    "input",
    "document",
    "structure",
    "tables",
    "text",
    "model",
    "report",
    "rules",
];

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The `crate::NAME` paths a source file mentions (code, `use`, doc links, macros).
fn uses(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in text.match_indices("crate::") {
        // `$crate::` in macros is the same crate
        let name: String = text[i + "crate::".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.push(name);
        }
    }
    out
}

#[test]
fn no_import_runs_back_up() {
    let root = src();
    let mut files = Vec::new();
    sources(&root, &mut files);
    let mut bad = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(&root).unwrap();
        let top = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_str()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        if top == "lib" {
            continue; // the entry points tie the stages together
        }
        let rank = LAYERS
            .iter()
            .position(|l| *l == top)
            .unwrap_or_else(|| panic!("{}: a module outside the layers", rel.display()));
        let text = std::fs::read_to_string(f).unwrap();
        for name in uses(&text) {
            match LAYERS.iter().position(|l| *l == name) {
                Some(r) if r > rank => bad.push(format!("{} uses crate::{name}", rel.display())),
                Some(_) => {}
                None => bad.push(format!("{} uses crate::{name} (the root)", rel.display())),
            }
        }
    }
    assert!(
        bad.is_empty(),
        "imports that run back up:\n{}",
        bad.join("\n")
    );
}

#[test]
fn no_source_file_is_over_700_lines() {
    let workspace = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    for d in [
        "crates/nianbao-core/src",
        "crates/nianbao-cli/src",
        "crates/nianbao-js/src",
        "src",
    ] {
        sources(&workspace.join(d), &mut files);
    }
    let long: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).unwrap().lines().count();
            (n > 700).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "{long:?}");
}
