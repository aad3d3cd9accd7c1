//! N102 cell-placeholder.
use super::{official_cells, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::value::Value;

pub static RULE: Rule = Rule {
    code: "N102",
    name: "cell-placeholder",
    severity: Severity::Info,
    summary: "单元格用“/”“-”“无”等代替数字",
    doc: "## What it checks\nCells containing `/`, `-`, `—`, `－`, `--`, `——`, `无`, `不适用` or `N/A`. One finding per table, listing every such cell; they are read as 0.\n\n## Why it matters\nThe format asks for numbers. A placeholder is readable but ambiguous (zero, or not applicable, or unknown).\n\n## Example\n岳阳市信访局 2021: 规章 `/ / /`.",
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let mut current: Option<(crate::model::TableId, Finding)> = None;
    for x in official_cells(cx.model) {
        let (t, _, c) = (x.table, x.row, x.cell);
        if c.reading.value != Value::Placeholder {
            continue;
        }
        match &mut current {
            Some((id, f)) if *id == t.id => {
                f.cells.push(x.path());
            }
            _ => {
                if let Some((_, f)) = current.take() {
                    out.push(f);
                }
                let f = Finding::new(&RULE, format!("{}中有单元格以“{}”等符号代替数字，已按0计算", t.id.name(), c.raw)).at_opt(c.span).expected("数字").actual(c.raw.clone()).cell(x.path());
                current = Some((t.id, f));
            }
        }
    }
    if let Some((_, f)) = current {
        out.push(f);
    }
}
