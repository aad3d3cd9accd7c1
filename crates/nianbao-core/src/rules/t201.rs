//! T201 t2-issued-exceeds-stock.
use super::{cell_span, operand, with_operands, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::template::Format;

pub static RULE: Rule = Rule {
    code: "T201",
    name: "t2-issued-exceeds-stock",
    severity: Severity::Warning,
    summary: doc!("本年制发件数大于现行有效件数与本年废止件数之和"),
    doc: doc!("## What it checks\nFor 规章 and 行政规范性文件 (2021 format): `本年制发件数 ≤ 现行有效件数 + 本年废止件数`.\n\n## Why it matters\nA document issued this year is still in force at year end unless it was repealed. Expiry is the rare exception, hence a warning.\n\n## Example\n行政规范性文件: issued 8, repealed 0, in force 5."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format != Some(Format::B) {
        return;
    }
    let Some(t) = &cx.model.t2 else { return };
    for r in ["regulations", "normative_documents"] {
        let (Some(i), Some(f), Some(rp)) = (
            operand(t, r, "issued"),
            operand(t, r, "in_force"),
            operand(t, r, "repealed"),
        ) else {
            continue;
        };
        let stock = f.value.add(rp.value);
        if i.value > stock {
            let row = t.row(r).map(|x| x.label.clone()).unwrap_or_default();
            let finding = Finding::new(
                &RULE,
                format!("表二“{row}”本年制发件数大于现行有效件数与本年废止件数之和"),
            )
            .at(cell_span(t, r, &i))
            .formula(format!(
                "本年制发件数 ≤ 现行有效件数 + 本年废止件数：{} ≤ {} + {}",
                i.cell.shown(),
                f.cell.shown(),
                rp.cell.shown()
            ))
            .expected(format!("≤ {stock}"))
            .actual(i.value.to_string());
            out.push(with_operands(finding.cell(i.path()), &[&f, &rp]));
        }
    }
}
