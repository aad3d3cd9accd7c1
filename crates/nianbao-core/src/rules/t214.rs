//! T214 t2-procurement-pair.
use super::{cell_span, operand, with_operands, Ctx, Rule};
use crate::decimal::Decimal;
use crate::finding::{Finding, Severity};
use crate::template::Format;

pub static RULE: Rule = Rule {
    code: "T214",
    name: "t2-procurement-pair",
    severity: Severity::Warning,
    summary: doc!("采购项目数量与采购总金额一个为零一个不为零"),
    doc: doc!("## What it checks\n政府集中采购 (2019 format): `采购项目数量 = 0` with `采购总金额 > 0`, or the reverse.\n\n## Why it matters\nProcurement with no projects, or projects with no amount, means one of the two cells is wrong or missing.\n\n## Example\ncount 0, amount 12.5."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format != Some(Format::A) {
        return;
    }
    let Some(t) = &cx.model.t2 else { return };
    let (Some(n), Some(a)) = (
        operand(t, "procurement", "count"),
        operand(t, "procurement", "amount"),
    ) else {
        return;
    };
    let (zero, other) = if n.value == Decimal::ZERO && a.value > Decimal::ZERO {
        (&n, &a)
    } else if a.value == Decimal::ZERO && n.value > Decimal::ZERO {
        (&a, &n)
    } else {
        return;
    };
    let f = Finding::new(
        &RULE,
        format!(
            "政府集中采购：采购项目数量为{}、采购总金额为{}，两者应同为零或同不为零",
            n.cell.shown(),
            a.cell.shown()
        ),
    )
    .at(cell_span(t, "procurement", zero))
    .formula("采购项目数量 = 0 ⇔ 采购总金额 = 0")
    .expected("> 0")
    .actual(zero.cell.shown())
    .cell(zero.path());
    out.push(with_operands(f, &[other]));
}
