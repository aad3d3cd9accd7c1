//! N109 value-normalised.
use super::{official_cells, Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "N109",
    name: "value-normalised",
    severity: Severity::Info,
    summary: "单元格数字经过规范化才能读取",
    doc: "## What it checks\nCells that needed normalisation before reading: full-width digits, thousands separators, a leading `+` or `−`/`－` as the minus sign, `增N`/`减N`, a count unit (`件`, `项`), or an integral decimal such as `3.0`. One finding per table.\n\n## Why it matters\nThe values were read correctly, but other tools (and spreadsheets) may not read them; plain half-width digits are safest.\n\n## Example\n`１，０３６` → 1036.",
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let mut current: Option<(crate::model::TableId, Finding)> = None;
    for x in official_cells(cx.model) {
        let (t, _, c) = (x.table, x.row, x.cell);
        let Some(n) = c.reading.normalised else { continue };
        match &mut current {
            Some((id, f)) if *id == t.id => f.cells.push(x.path()),
            _ => {
                if let Some((_, f)) = current.take() {
                    out.push(f);
                }
                let shown = match &c.reading.value {
                    crate::value::Value::Number(d) => d.to_string(),
                    _ => c.raw.clone(),
                };
                let f = Finding::new(&RULE, format!("{}中有数字使用了{}（“{}”读作{}）", t.id.name(), n.label(), c.raw, shown)).at_opt(c.span).expected(shown).actual(c.raw.clone()).cell(x.path());
                current = Some((t.id, f));
            }
        }
    }
    if let Some((_, f)) = current {
        out.push(f);
    }
}
