use crate::rules::prelude::*;

rule! {
    /// 2019年以前的报告
    ///
    /// ## What it checks
    /// A report year before 2019, when the revised 条例 and its report formats did not yet apply.
    ///
    /// ## Why it matters
    /// Reports for 2018 and earlier used other tables; only the rules that do not depend on the format apply.
    ///
    /// ## Example
    /// `2017年政府信息公开工作年度报告`.
    S306, "year-out-of-scope", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if let Some(y) = cx.model.year().filter(|y| *y <= 2018) {
        let span = cx
            .model
            .title()
            .and_then(|t| t.year_span.or(Some(t.span)));
        out.push(
            RULE.finding(
                format!("{y}年度报告早于2019年修订的《条例》及其统一格式，仅检查与格式无关的项目"),
            )
            .at_opt(span)
            .actual(y.to_string()),
        );
    }
}
