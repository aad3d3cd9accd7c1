use crate::rules::prelude::*;

rule! {
    /// 2019年以前的报告
    ///
    /// ## 检查什么
    /// 报告年度早于2019年，当时修订后的《条例》及其年度报告格式尚未适用。
    ///
    /// ## 为什么重要
    /// 2018年度及以前的报告使用其他统计表，只适用与格式无关的规则。
    ///
    /// ## 依据
    /// 修订后的《条例》（国务院令第711号）自2019年5月15日起施行；统一格式自2019年度报告起适用（国办公开办函〔2019〕60号）。
    ///
    /// ## 示例
    /// `2017年政府信息公开工作年度报告`。
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
