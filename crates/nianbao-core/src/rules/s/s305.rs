use crate::rules::prelude::*;

rule! {
    /// 无法确定报告格式
    ///
    /// ## 检查什么
    /// 完全没有可判断格式的信息：既没有表二表头，表三也没有可判断的（六）形式，也没有报告年度。
    ///
    /// ## 为什么重要
    /// 格式决定哪些行必须填报、哪些勾稽关系成立。无法确定格式时，与格式相关的规则（`T2xx`、T302）均跳过。
    ///
    /// ## 示例
    /// 只粘贴了部分文字、既无统计表也无标题的文本。
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
