use crate::rules::prelude::*;

rule! {
    /// 单元格用“/”“-”“无”等代替数字
    ///
    /// ## 检查什么
    /// 填写`/`、`-`、`—`、`－`、`--`、`——`、`无`、`不适用`或`N/A`的单元格。
    /// 每张表只报告一次，列出全部此类单元格；这些单元格按0计算。
    ///
    /// ## 为什么重要
    /// 格式要求填写数字。占位符虽可辨认，但含义不明：可能表示零，也可能表示不适用或
    /// 情况不明。
    ///
    /// ## 示例
    /// 岳阳市信访局2021年度报告：`规章`一行填写`/ / /`。
    N102, "cell-placeholder", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    one_per_table(
        cx.model,
        out,
        |x| x.cell.reading.value == Value::Placeholder,
        |cells| {
            let x = &cells[0];
            let message = match cells.len() {
                1 => format!(
                    "{}中有单元格以“{}”等符号代替数字，已按0计算",
                    x.table.id.name(),
                    x.cell.raw
                ),
                n => format!(
                    "{}中有 {n} 个单元格以“{}”等符号代替数字，已按0计算",
                    x.table.id.name(),
                    x.cell.raw
                ),
            };
            RULE.finding(message)
                .at_opt(x.cell.span)
                .expected("数字")
                .actual(x.cell.raw)
        },
    );
}
