use crate::rules::prelude::*;

rule! {
    /// 无法确定报告格式
    ///
    /// ## What it checks
    /// No format signal at all: no table 二 column headers, no （六） shape in table 三, and no year.
    ///
    /// ## Why it matters
    /// The format decides which rows are required and which identities hold. Without it the format-dependent rules (T2xx, T302) are skipped.
    ///
    /// ## Example
    /// A partial paste with only prose and no title.
    S305, "format-undetermined", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format.is_none() {
        out.push(
            RULE.finding(
                "无法确定报告使用的格式（无表二表头、无年度），与格式相关的检查已跳过",
            )
            .expected("2019年试行格式或2021年格式")
            .actual("无法确定"),
        );
    }
}
