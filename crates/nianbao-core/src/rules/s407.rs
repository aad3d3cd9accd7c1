//! S407 table-duplicate.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "S407",
    name: "table-duplicate",
    severity: Severity::Warning,
    summary: doc!("同一统计表出现两次"),
    doc: doc!("## What it checks\nThe same table appears twice (for example 表三 pasted again further down).\n\n## Why it matters\nOnly the first occurrence is checked; if the two differ, readers cannot tell which figures are right.\n\n## Example\nA report with two 表三 blocks, the second one from last year."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for (id, first, second) in &cx.model.duplicates {
        out.push(
            Finding::new(
                &RULE,
                format!("{}出现了两次，只检查第一次出现的表格", id.name()),
            )
            .at(*second)
            .related(*first, "第一次出现"),
        );
    }
}
