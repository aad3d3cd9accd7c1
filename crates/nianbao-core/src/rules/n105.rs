//! N105 count-not-integer.
use super::{official_cells, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::value::Value;

pub static RULE: Rule = Rule {
    code: "N105",
    name: "count-not-integer",
    severity: Severity::Error,
    summary: doc!("件数不是整数"),
    doc: doc!("## What it checks\nA count cell (every cell except the two amount cells, 采购总金额 and 本年收费金额) with a fractional part.\n\n## Why it matters\nDocuments, decisions, items, applications and cases are counted in whole numbers; a fraction is a typing error or an amount in the wrong column.\n\n## Example\n`2.5` under `本年处理决定数量`."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for x in official_cells(cx.model) {
        let (t, r, c) = (x.table, x.row, x.cell);
        let Value::Number(d) = c.reading.value else {
            continue;
        };
        if !x.is_amount() && !d.is_integer() {
            out.push(
                Finding::new(
                    &RULE,
                    format!("{}“{}”行的件数不是整数", t.id.name(), r.label),
                )
                .at_opt(c.span)
                .expected("整数")
                .actual(d.to_string())
                .cell(x.path()),
            );
        }
    }
}
