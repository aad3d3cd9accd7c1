//! T213 t2-decisions-without-items.
use super::{cell_span, operand, with_operands, Ctx, Rule};
use crate::decimal::Decimal;
use crate::finding::{Finding, Severity};
use crate::template::Format;

pub static RULE: Rule = Rule {
    code: "T213",
    name: "t2-decisions-without-items",
    severity: Severity::Info,
    summary: doc!("没有事项却有处理决定"),
    doc: doc!("## What it checks\nFor 行政许可, 其他对外管理服务事项, 行政处罚 and 行政强制 (2019 format): `处理决定数量 > 0` while `上一年项目数量 + 本年增/减 = 0`.\n\n## Why it matters\nDecisions are made on items the agency holds; decisions without items suggest the item columns were left at zero.\n\n## Example\n行政处罚: items 0 → 0, decisions 5."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format != Some(Format::A) {
        return;
    }
    let Some(t) = &cx.model.t2 else { return };
    for r in ["licensing", "other_services", "punishment", "coercion"] {
        let (Some(p), Some(c), Some(d)) = (
            operand(t, r, "previous"),
            operand(t, r, "change"),
            operand(t, r, "decisions"),
        ) else {
            continue;
        };
        if d.value > Decimal::ZERO && p.value.add(c.value) == Decimal::ZERO {
            let row = t.row(r).map(|x| x.label.clone()).unwrap_or_default();
            let f = Finding::new(
                &RULE,
                format!("表二“{row}”现有项目数为0，却有处理决定{}件", d.value),
            )
            .at(cell_span(t, r, &d))
            .formula(format!(
                "上一年项目数量 + 本年增/减 = {} + ({}) = 0",
                p.cell.shown(),
                c.cell.shown()
            ))
            .expected("0")
            .actual(d.value.to_string())
            .cell(d.path());
            out.push(with_operands(f, &[&p, &c]));
        }
    }
}
