//! Y102 in-force-progression.
use super::{cell_span, operand, previous_matching, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::template::Format;

pub static RULE: Rule = Rule {
    code: "Y102",
    name: "in-force-progression",
    severity: Severity::Warning,
    summary: doc!("现行有效件数与上年现行有效件数及本年制发、废止件数不符"),
    doc: doc!("## What it checks\nWith last year's report, both in the 2021 format: for 规章 and 行政规范性文件, `现行有效件数` against last year's `现行有效件数` + this year's `本年制发件数` − `本年废止件数`.\n\n## Why it matters\nThe stock of documents in force moves by what was issued and repealed. Expiry and amendment also change it, hence a warning.\n\n## Example\nLast year 12 in force, 3 issued, 1 repealed: 14 expected."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some((_, p)) = previous_matching(cx) else {
        return;
    };
    if cx.model.format != Some(Format::B) || p.format != Some(Format::B) {
        return;
    }
    let (Some(t2), Some(p2)) = (&cx.model.t2, &p.t2) else {
        return;
    };
    for row in ["regulations", "normative_documents"] {
        let (Some(now), Some(last), Some(issued), Some(repealed)) = (
            operand(t2, row, "in_force"),
            operand(p2, row, "in_force"),
            operand(t2, row, "issued"),
            operand(t2, row, "repealed"),
        ) else {
            continue;
        };
        let want = last.value.add(issued.value).sub(repealed.value);
        if want == now.value {
            continue;
        }
        let mut f = Finding::new(
            &RULE,
            format!("{}与上年现行有效件数及本年制发、废止件数不符", now.label()),
        )
        .at(cell_span(t2, row, &now))
        .expected(want.to_string())
        .actual(now.cell.shown())
        .formula(format!(
            "现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数 = {} + {} − {} = {want}",
            last.cell.shown(),
            issued.cell.shown(),
            repealed.cell.shown()
        ))
        .cell(now.path());
        if let Some(s) = last.cell.span {
            f = f.related_previous(
                s,
                format!("上年报告 {} = {}", last.label(), last.cell.shown()),
            );
        }
        out.push(super::with_operands(f, &[&issued, &repealed]));
    }
}
