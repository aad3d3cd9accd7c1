use crate::rules::prelude::*;

rule! {
    /// 单元格数字经过规范化才能读取
    ///
    /// ## 检查什么
    /// 需要经过规范化才能读取的单元格数字：全角数字、千位分隔符、数字前的`+`或用作
    /// 负号的`−`、`－`、`增N`/`减N`、计数单位（`件`、`项`），以及小数部分为零的小数
    /// （如`3.0`）。每张表只报告一次。
    ///
    /// ## 为什么重要
    /// 这些数值已被正确读取，但其他工具（包括电子表格）未必能识别；直接填写半角阿拉伯
    /// 数字最为稳妥。
    ///
    /// ## 示例
    /// `１，０３６`读作 1036。
    N109, "value-normalised", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    one_per_table(
        cx.model,
        out,
        |x| x.cell.reading.normalised.is_some(),
        |cells| {
            let x = &cells[0];
            let n = x.cell.reading.normalised.unwrap();
            let shown = x.cell.shown();
            RULE.finding(
                format!(
                    "{}中有数字使用了{}（“{}”读作{}）",
                    x.table.id.name(),
                    n.label(),
                    x.cell.raw,
                    shown
                ),
            )
            .at_opt(x.cell.span)
            .expected(shown)
            .actual(x.cell.raw)
        },
    );
}
