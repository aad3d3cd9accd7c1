//! N107 amount-unit-unknown.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::template::Format;

pub static RULE: Rule = Rule {
    code: "N107",
    name: "amount-unit-unknown",
    severity: Severity::Info,
    summary: doc!("采购总金额没有单位"),
    doc: doc!("## What it checks\n`t2.procurement.amount` (2019 format) has no unit in the cell or in its header.\n\n## Why it matters\nThe trial template's unit for 采购总金额 is not confirmed; reports use both 元 and 万元. Without a unit the amount cannot be compared with the prose exactly, so X115 accepts either reading.\n\n## Example\n`采购总金额` with the cell `38.5`."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format != Some(Format::A) {
        return;
    }
    let Some(t2) = &cx.model.t2 else { return };
    let Some(c) = t2.cell("procurement", "amount") else {
        return;
    };
    let header_unit = t2.amount_header.as_ref().and_then(|h| h.unit);
    if c.reading.unit.is_none() && header_unit.is_none() && c.span.is_some() {
        out.push(
            Finding::new(&RULE, "采购总金额未注明单位（元或万元）")
                .at_opt(c.span)
                .expected("注明单位")
                .actual(c.raw.clone())
                .cell("t2.procurement.amount"),
        );
    }
}
