use crate::rules::prelude::*;

rule! {
    /// 单元格内容不是数字
    ///
    /// ## 检查什么
    /// 既不是数字（经规则`N109`所列规范化处理之后），也不是占位符的单元格内容。
    /// 每张表只报告一次。
    ///
    /// ## 为什么重要
    /// 依赖该单元格的检查无法进行，表格只能得到部分核验。
    ///
    /// ## 示例
    /// 件数单元格中填写`详见附件`或`50%`。
    N103, "cell-not-numeric", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    one_per_table(
        cx.model,
        out,
        |x| x.cell.reading.value == Value::Text,
        |cells| {
            let x = &cells[0];
            let message = match cells.len() {
                1 => format!(
                    "{}“{}”行的单元格内容“{}”不是数字，相关检查已跳过",
                    x.table.id.name(),
                    x.row.label,
                    x.cell.raw
                ),
                n => format!(
                    "{}中有 {n} 个单元格不是数字（如“{}”行的“{}”），相关检查已跳过",
                    x.table.id.name(),
                    x.row.label,
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
