//! T211 t2-published-exceeds-total.
use super::{cell_span, operand, with_operands, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::template::Format;

pub static RULE: Rule = Rule {
    code: "T211",
    name: "t2-published-exceeds-total",
    severity: Severity::Warning,
    summary: doc!("本年新公开数量大于对外公开总数量"),
    doc: doc!("## What it checks\nFor 规章 and 规范性文件 (2019 format): `本年新公开数量 ≤ 对外公开总数量`.\n\n## Why it matters\nThe documents published this year are part of all documents published; a larger yearly figure means the columns were swapped or mistyped.\n\n## Example\npublished 12, total_public 10."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format != Some(Format::A) {
        return;
    }
    let Some(t) = &cx.model.t2 else { return };
    for r in ["regulations", "normative_documents"] {
        let (Some(p), Some(tot)) = (operand(t, r, "published"), operand(t, r, "total_public"))
        else {
            continue;
        };
        if p.value > tot.value {
            let row = t.row(r).map(|x| x.label.clone()).unwrap_or_default();
            let f = Finding::new(
                &RULE,
                format!("表二“{row}”本年新公开数量大于对外公开总数量"),
            )
            .at(cell_span(t, r, &p))
            .formula(format!(
                "本年新公开数量 ≤ 对外公开总数量：{} ≤ {}",
                p.cell.shown(),
                tot.cell.shown()
            ))
            .expected(format!("≤ {}", tot.value))
            .actual(p.value.to_string())
            .cell(p.path());
            out.push(with_operands(f, &[&tot]));
        }
    }
}
