//! T401 t4-group-sum.
use super::{sum_check, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::template::T4_GROUPS;

pub static RULE: Rule = Rule {
    code: "T401",
    name: "t4-group-sum",
    severity: Severity::Error,
    summary: doc!("表四总计不等于各结果之和"),
    doc: doc!("## What it checks\nFor 行政复议, 未经复议直接起诉 and 复议后起诉: `总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`.\n\n## Why it matters\nThe 总计 column of each group is the sum of its outcomes. There is deliberately no rule linking 表四 to 表三: cases can concern applications from earlier years.\n\n## Example\n行政复议: 5 + 1 + 0 + 1 = 7 against a total of 6."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = &cx.model.t4 else { return };
    for (g, gname) in T4_GROUPS {
        let parts: Vec<(&str, &str)> = ["upheld", "corrected", "other", "pending"]
            .iter()
            .map(|c| (*g, *c))
            .collect();
        if let Some(f) = sum_check(
            &RULE,
            t,
            (g, "total"),
            &parts,
            format!("表四“{gname}”：总计不等于各结果之和"),
            &format!("{gname} 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
        ) {
            out.push(f);
        }
    }
}
