//! N102 cell-placeholder.
use super::{one_per_table, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::value::Value;

pub static RULE: Rule = Rule {
    code: "N102",
    name: "cell-placeholder",
    severity: Severity::Info,
    summary: doc!("单元格用“/”“-”“无”等代替数字"),
    doc: doc!("## What it checks\nCells containing `/`, `-`, `—`, `－`, `--`, `——`, `无`, `不适用` or `N/A`. One finding per table, listing every such cell; they are read as 0.\n\n## Why it matters\nThe format asks for numbers. A placeholder is readable but ambiguous (zero, or not applicable, or unknown).\n\n## Example\n岳阳市信访局 2021: 规章 `/ / /`."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    one_per_table(
        cx.model,
        out,
        |x| x.cell.reading.value == Value::Placeholder,
        |x| {
            Finding::new(
                &RULE,
                format!(
                    "{}中有单元格以“{}”等符号代替数字，已按0计算",
                    x.table.id.name(),
                    x.cell.raw
                ),
            )
            .at_opt(x.cell.span)
            .expected("数字")
            .actual(x.cell.raw.clone())
        },
    );
}
