use crate::rules::prelude::*;

rule! {
    /// 使用了2019年以前的统计项目
    ///
    /// ## What it checks
    /// Statistical rows of the pre-2019 tables (`当面申请数`, `传真申请数`, `电子邮件申请数`, `网上申请数`, `信函申请数`, `否决公开答复总数`) in a report for 2019 or later, or of unknown year.
    ///
    /// ## Why it matters
    /// These rows belong to the tables used before the 条例 was revised in 2019. Their presence means an old template was reused and the required tables are missing or incomplete.
    ///
    /// ## Example
    /// A 2019 report that still has `当面申请数`.
    S304, "format-pre-2019", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    if m.year().map(|y| y < 2019).unwrap_or(false) {
        return;
    }
    if let Some((span, label)) = m.pre2019.first() {
        out.push(
            RULE.finding(format!("出现2019年以前格式的统计项目“{label}”"))
                .at(*span)
                .expected("2019年以后的统一格式")
                .actual(*label)
                .help("改用国办公开办函〔2021〕30号规定的表格"),
        );
    }
}
