//! N106 amount-unit-conflict.
use super::{official_cells, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::template::Format;
use crate::value::Unit;

pub static RULE: Rule = Rule {
    code: "N106",
    name: "amount-unit-conflict",
    severity: Severity::Warning,
    summary: doc!("金额单元格的单位与表头不一致"),
    doc: doc!("## What it checks\nThe unit written in an amount cell against the unit in its header. In the 2021 format the header unit is always 万元.\n\n## Why it matters\nAn amount in 元 under a 万元 header is 10 000 times too large when read by the header. The text rules use the cell's own unit.\n\n## Example\n`251000元` under `采购总金额(单位:万元)`; `3.5元` under `本年收费金额（单位：万元）`."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let t2 = cx.model.t2.as_ref();
    let header_unit = t2
        .and_then(|t| t.amount_header.as_ref())
        .and_then(|h| h.unit)
        .or((cx.model.format == Some(Format::B)).then_some(Unit::TenThousandYuan));
    let Some(hu) = header_unit else { return };
    for x in official_cells(cx.model) {
        let (_, _, c) = (x.table, x.row, x.cell);
        if !x.is_amount() {
            continue;
        }
        if let Some(cu) = c.reading.unit.filter(|u| *u != hu) {
            let mut f = Finding::new(
                &RULE,
                format!(
                    "金额单元格写的单位是“{}”，表头单位是“{}”",
                    cu.label(),
                    hu.label()
                ),
            )
            .at_opt(c.span)
            .expected(hu.label())
            .actual(cu.label())
            .cell(x.path());
            if let Some(h) = t2.and_then(|t| t.amount_header.as_ref()) {
                f = f.related(h.span, "表头");
            }
            out.push(f.help("按表头单位填写数字，不要在单元格中另写单位"));
        }
    }
}
