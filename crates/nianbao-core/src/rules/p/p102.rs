use crate::rules::prelude::*;

rule! {
    /// 发布日期早于报告年度结束
    ///
    /// ## 检查什么
    /// 发布日期（来源同 P101）早于或等于报告年度的12月31日。
    ///
    /// ## 为什么重要
    /// 报告所涵盖的年度结束之前，年度报告不可能公布；常见原因是日期或标题中的年度写错。
    ///
    /// ## 示例
    /// 2023年度报告落款为 `2023年1月20日`。
    P102, "date-before-period-end", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let (Some(p), Some(year)) = (&m.published, m.year()) else {
        return;
    };
    if p.ymd > (year, 12, 31) {
        return;
    }
    out.push(
        RULE.finding(
            format!(
                "{}{}不晚于报告年度{year}年的年末，日期或标题年度可能有误",
                p.source_zh(),
                p.date
            ),
        )
        .at_opt(p.span.or(m.title().map(|t| t.span)))
        .expected(format!("{}年1月1日以后", year + 1))
        .actual(p.date.clone())
        .formula("年度报告在报告年度结束后公布：发布日期 > 报告年度12月31日")
        .help("核对落款日期或标题中的年度"),
    );
}
