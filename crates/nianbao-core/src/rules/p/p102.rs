use crate::rules::prelude::*;

rule! {
    /// 发布日期早于报告年度结束
    ///
    /// ## What it checks
    /// The publication date (see P101) is on or before 12月31日 of the report year.
    ///
    /// ## Why it matters
    /// A report cannot be published before the year it covers has ended; the usual cause is a wrong year in the date or in the title.
    ///
    /// ## Example
    /// A 2023 report signed `2023年1月20日`.
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
