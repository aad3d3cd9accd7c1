//! T212 t2-items-below-zero.
use super::{cell_span, operand, with_operands, Ctx, Rule};
use crate::decimal::Decimal;
use crate::finding::{Finding, Severity};
use crate::template::Format;

pub static RULE: Rule = Rule {
    code: "T212",
    name: "t2-items-below-zero",
    severity: Severity::Warning,
    summary: doc!("上一年项目数量加本年增/减小于零"),
    doc: doc!("## What it checks\nFor 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制 and 行政事业性收费 (2019 format): `上一年项目数量 + 本年增/减 ≥ 0`.\n\n## Why it matters\nThe sum is the number of items now; it cannot be negative. Usually the decrease was typed larger than the items that existed.\n\n## Example\nprevious 2, change -5."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format != Some(Format::A) {
        return;
    }
    let Some(t) = &cx.model.t2 else { return };
    for r in [
        "licensing",
        "other_services",
        "punishment",
        "coercion",
        "fees",
    ] {
        let (Some(p), Some(c)) = (operand(t, r, "previous"), operand(t, r, "change")) else {
            continue;
        };
        let now = p.value.add(c.value);
        if now < Decimal::ZERO {
            let row = t.row(r).map(|x| x.label.clone()).unwrap_or_default();
            let f = Finding::new(&RULE, format!("表二“{row}”上一年项目数量加本年增/减小于零"))
                .at(cell_span(t, r, &c))
                .formula(format!(
                    "上一年项目数量 + 本年增/减 ≥ 0：{} + ({}) = {}",
                    p.cell.shown(),
                    c.cell.shown(),
                    now
                ))
                .expected(format!("≥ -{}", p.value))
                .actual(c.value.to_string())
                .cell(c.path());
            out.push(with_operands(f, &[&p]));
        }
    }
}
