//! One test per rule (a custom harness: `cargo test --test rules -- T301` runs one): every
//! registered rule fires on `fixtures/rules/CODE/fail.txt` (snapshotted in
//! `snapshots/rules__CODE.snap`) and stays silent on `pass.txt`, a near miss. Y rules read
//! `WHICH.previous.txt` as last year's report; C114 is checked in a batch with
//! `WHICH.peer.txt`. A failing rule does not hide the others.

use libtest_mimic::{Arguments, Failed, Trial};
use nianbao_core::rules::{Rule, RULES};
use std::path::PathBuf;

fn dir(code: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/rules")
        .join(code)
}

/// Checks a rule's fixture, with `WHICH.previous.txt` as last year's report when it exists,
/// and in a batch with `WHICH.peer.txt`, another agency's report, when that exists.
fn check_fixture(code: &str, which: &str) -> Result<nianbao_core::Report, Failed> {
    let p = dir(code).join(format!("{which}.txt"));
    let bytes = std::fs::read(&p)
        .map_err(|e| format!("rule {code} needs the fixture {}: {e}", p.display()))?;
    if let Ok(peer) = std::fs::read(dir(code).join(format!("{which}.peer.txt"))) {
        let files = [
            (format!("{which}.txt"), bytes.as_slice()),
            (format!("{which}.peer.txt"), peer.as_slice()),
        ];
        let mut reports = nianbao_core::check_batch(&files);
        return reports
            .swap_remove(0)
            .map_err(|r| format!("{code}/{which}.txt is refused: {r}").into());
    }
    let previous = std::fs::read_to_string(dir(code).join(format!("{which}.previous.txt"))).ok();
    nianbao_core::check_bytes(
        &bytes,
        &nianbao_core::Options {
            previous,
            ..Default::default()
        },
    )
    .map_err(|r| format!("{code}/{which}.txt is refused: {r}").into())
}

fn fires(rule: &'static Rule) -> Result<(), Failed> {
    let report = check_fixture(rule.code, "fail")?;
    let hits: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == rule.code)
        .collect();
    if hits.is_empty() {
        return Err(format!(
            "{} did not fire on its failing fixture; findings: {:?}",
            rule.code,
            report.findings.iter().map(|f| f.code).collect::<Vec<_>>()
        )
        .into());
    }
    for f in &hits {
        if f.severity != rule.severity || f.name != rule.name || f.message.is_empty() {
            return Err(format!("{}: finding {f:?} does not match its rule", rule.code).into());
        }
    }
    let view: Vec<serde_json::Value> = hits
        .iter()
        .map(|f| {
            serde_json::json!({
                "message": f.message, "span": f.span, "line": f.line, "column": f.column,
                "expected": f.expected, "actual": f.actual, "formula": f.formula,
                "related": f.related.iter().map(|r| match r.input {
                    Some(i) => serde_json::json!([r.span, r.label, i]),
                    None => serde_json::json!([r.span, r.label]),
                }).collect::<Vec<_>>(),
                "cells": f.cells,
            })
        })
        .collect();
    insta::assert_json_snapshot!(rule.code, view);
    // the page's worker hands reports over as JSON: every finding reads back as it was
    if nianbao_core::Report::from_json(&report.to_compact_json()).as_ref() != Some(&report) {
        return Err(format!("{}: the report JSON does not read back equal", rule.code).into());
    }
    Ok(())
}

fn quiet(rule: &'static Rule) -> Result<(), Failed> {
    let report = check_fixture(rule.code, "pass")?;
    let hits: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.code == rule.code)
        .map(|f| &f.message)
        .collect();
    if hits.is_empty() {
        Ok(())
    } else {
        Err(format!("{} fired on its passing fixture: {hits:?}", rule.code).into())
    }
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = Vec::new();
    for rule in RULES {
        let r: &'static Rule = rule;
        trials.push(Trial::test(format!("{}::fires", r.code), move || fires(r)));
        trials.push(Trial::test(format!("{}::quiet", r.code), move || quiet(r)));
    }
    libtest_mimic::run(&args, trials).exit();
}
