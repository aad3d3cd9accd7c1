//! N104 value-negative.
use super::{official_cells, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::template::Format;
use crate::value::Value;

pub static RULE: Rule = Rule {
    code: "N104",
    name: "value-negative",
    severity: Severity::Error,
    summary: doc!("数量或金额为负数"),
    doc: doc!("## What it checks\nA value below 0 in any cell except the 2019 format's `本年增/减` (`t2.*.change`), which is signed.\n\n## Why it matters\nCounts and amounts cannot be negative; a minus sign is a typing error or a value pasted into the wrong column.\n\n## Example\n表三 `2.重复申请` 自然人 = `-1`."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for x in official_cells(cx.model) {
        let (t, r, c) = (x.table, x.row, x.cell);
        let Value::Number(d) = c.reading.value else {
            continue;
        };
        let signed = cx.model.format == Some(Format::A)
            && t.id == crate::model::TableId::T2
            && c.col == "change";
        if d.is_negative() && !signed {
            out.push(
                Finding::new(&RULE, format!("{}“{}”行出现负数", t.id.name(), r.label))
                    .at_opt(c.span)
                    .expected("≥ 0")
                    .actual(d.to_string())
                    .cell(x.path()),
            );
        }
    }
}
