use crate::rules::prelude::*;

rule! {
    /// 同一统计表出现两次
    ///
    /// ## 检查什么
    /// 同一张统计表出现了两次（例如表三在后文又粘贴了一次）。
    ///
    /// ## 为什么重要
    /// 只检查第一次出现的表格；两张表不一致时，读者无法判断哪组数据正确。
    ///
    /// ## 示例
    /// 报告中有两张表三，第二张是上一年度的。
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
