//! N103 cell-not-numeric.
use super::{official_cells, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::value::Value;

pub static RULE: Rule = Rule {
    code: "N103",
    name: "cell-not-numeric",
    severity: Severity::Warning,
    summary: doc!("单元格内容不是数字"),
    doc: doc!("## What it checks\nCell text that is neither a number (after the normalisations of N109) nor a placeholder.\n\n## Why it matters\nThe rules that need the cell cannot run, so the table is only partly checked.\n\n## Example\n`详见附件` or `50%` in a count cell."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for x in official_cells(cx.model) {
        let (t, r, c) = (x.table, x.row, x.cell);
        if c.reading.value == Value::Text {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "{}“{}”行的单元格内容“{}”不是数字，相关检查已跳过",
                        t.id.name(),
                        r.label,
                        c.raw
                    ),
                )
                .at_opt(c.span)
                .expected("数字")
                .actual(c.raw.clone())
                .cell(x.path()),
            );
        }
    }
}
