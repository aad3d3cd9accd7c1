use crate::rules::prelude::*;

rule! {
    /// 同一统计表出现两次
    ///
    /// ## What it checks
    /// The same table appears twice (for example 表三 pasted again further down).
    ///
    /// ## Why it matters
    /// Only the first occurrence is checked; if the two differ, readers cannot tell which figures are right.
    ///
    /// ## Example
    /// A report with two 表三 blocks, the second one from last year.
    S407, "table-duplicate", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for (id, first, second) in &cx.model.tables.duplicates {
        out.push(
            RULE.finding(
                format!("{}出现了两次，只检查第一次出现的表格", id.name()),
            )
            .at(*second)
            .related(*first, "第一次出现"),
        );
    }
}
