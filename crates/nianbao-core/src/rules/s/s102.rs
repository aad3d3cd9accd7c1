use crate::rules::prelude::*;

rule! {
    /// 未识别报告年度
    ///
    /// ## What it checks
    /// A four-digit year (2008–2099) followed by 年 is looked for in the title, else in the statistical-period sentence (`统计期限…`).
    ///
    /// ## Why it matters
    /// The year decides which official format applies (2019 or 2021) and which dates are late. Without it S301, S302 and the date rules are skipped.
    ///
    /// ## Example
    /// The title `某局政府信息公开工作年度报告` with no year.
    S102, "year-not-found", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.year().is_none() {
        let f = RULE.finding(
            "未能从标题或统计期限中识别报告年度，依赖年度的检查已跳过",
        )
        .expected("标题中的年度，如“2023年”")
        .actual("未识别年度");
        out.push(f.at_opt(cx.model.title().map(|t| t.span)));
    }
}
