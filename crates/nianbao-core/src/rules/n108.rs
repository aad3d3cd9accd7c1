//! N108 amount-precision.
use super::{official_cells, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::value::Value;

pub static RULE: Rule = Rule {
    code: "N108",
    name: "amount-precision",
    severity: Severity::Info,
    summary: doc!("金额的小数位数与表头要求不符"),
    doc: doc!("## What it checks\nThe header of an amount column prescribes a number of decimals (`保留N位小数`) and the written value has a different number of decimals.\n\n## Why it matters\nThe header's own instruction is not followed; the amount may have been rounded or typed in another unit.\n\n## Example\nThe 周口市科技局 2019 report: `20.66` under `采购总金额(单位:万元,保留4位小数)`."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(h) = cx.model.t2.as_ref().and_then(|t| t.amount_header.as_ref()) else {
        return;
    };
    let Some(want) = h.decimals else { return };
    for x in official_cells(cx.model) {
        let (_, _, c) = (x.table, x.row, x.cell);
        if !x.is_amount() {
            continue;
        }
        let Value::Number(d) = c.reading.value else {
            continue;
        };
        if d.scale != want {
            out.push(
                Finding::new(
                    &RULE,
                    format!(
                        "表头要求保留{want}位小数，金额“{}”有{}位小数",
                        c.raw, d.scale
                    ),
                )
                .at_opt(c.span)
                .related(h.span, "表头")
                .expected(format!("{want}位小数"))
                .actual(format!("{}位小数", d.scale))
                .cell(x.path()),
            );
        }
    }
}
