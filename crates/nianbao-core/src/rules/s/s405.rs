use crate::rules::prelude::*;

rule! {
    /// 表三有非官方的附加列
    ///
    /// ## 检查什么
    /// 非官方的列，如表三中的 `法人或其他组织小计`。
    ///
    /// ## 为什么重要
    /// 官方表三有7个数值列。附加列会被读取并由 T304 核对，但不计入行合计（T303）。
    ///
    /// ## 示例
    /// 在 `总计` 之前多出第8列 `法人或其他组织小计`。
    S405, "table-extra-column", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if let Some(s) = cx.model.t3().and_then(|t| t.extra_column) {
        out.push(
            RULE.finding("表三有非官方的“法人或其他组织小计”列，不计入总计")
                .at(s)
                .expected("7列")
                .actual("8列"),
        );
    }
}
