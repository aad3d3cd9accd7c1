//! T302 t3-outcome-sum.
use super::{operand, sum_check, Ctx, Rule, T3_VALUE_COLS};
use crate::finding::{Finding, Severity};
use crate::template::{self, Group, T3_COLUMNS};

pub static RULE: Rule = Rule {
    code: "T302",
    name: "t3-outcome-sum",
    severity: Severity::Error,
    summary: doc!("表三（七）总计不等于各办理结果之和"),
    doc: doc!("## What it checks\nFor every column of 表三: `（七）总计` against the sum of the outcome rows: （一）予以公开 + （二）部分公开 + （三）1至8 + （四）1至3 + （五）1至5 + （六）其他处理 (2021 format: （六）1至3). Whichever （六） shape is present is used; subtotal rows are never added, except that a subtotal stands in for a block whose detail rows are all missing.\n\n## Why it matters\nThe label 总计 and the note of （二） (`区分处理的，只计这一情形，不计其他情形`: each application is counted exactly once) make （七） the sum of the outcomes.\n\n## Example\n总计 column: the outcome rows add up to 41, （七） says 40."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = &cx.model.t3 else { return };
    let defs = template::t3_rows(t.three_other_rows);
    let outcome: Vec<&str> = defs
        .iter()
        .filter(|d| {
            !matches!(
                d.key,
                "new_received" | "carried_over" | "total_processed" | "carried_forward"
            )
        })
        .map(|d| d.key)
        .collect();
    // a block whose detail rows are all missing is represented by its subtotal
    let mut rows: Vec<&str> = Vec::new();
    let mut note = String::new();
    for g in [
        Group::None,
        Group::Denied,
        Group::Unable,
        Group::Rejected,
        Group::Other,
    ] {
        let block: Vec<&str> = outcome
            .iter()
            .copied()
            .filter(|k| template::t3_row(k).map(|d| d.group == g).unwrap_or(false))
            .collect();
        let sub = template::T3_SUBTOTALS
            .iter()
            .find(|(_, gg)| *gg == g)
            .map(|x| x.0);
        if g != Group::None && !block.is_empty() && block.iter().all(|k| t.row(k).is_none()) {
            if let Some(s) = sub.filter(|s| t.row(s).is_some()) {
                rows.push(s);
                note = format!("（{}各项缺失，使用其小计）", g.label());
                continue;
            }
        }
        rows.extend(block);
    }
    for col in T3_VALUE_COLS {
        if operand(t, "total_processed", col).is_none() {
            continue;
        }
        let cname = T3_COLUMNS.iter().find(|x| x.0 == col).unwrap().1;
        let parts: Vec<(&str, &str)> = rows.iter().map(|r| (*r, col)).collect();
        let formula = if t.three_other_rows {
            "（七）总计 = （一）+（二）+（三）1至8 +（四）1至3 +（五）1至5 +（六）1至3"
        } else {
            "（七）总计 = （一）+（二）+（三）1至8 +（四）1至3 +（五）1至5 +（六）"
        };
        if let Some(f) = sum_check(
            &RULE,
            t,
            ("total_processed", col),
            &parts,
            format!("表三“{cname}”列：（七）总计不等于各办理结果之和{note}"),
            formula,
        ) {
            out.push(f);
        }
    }
}
