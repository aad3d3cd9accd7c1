use crate::rules::prelude::*;

rule! {
    /// 统计表中有空白单元格
    ///
    /// ## 检查什么
    /// 格式规定的单元格中，已定位但内容为空的单元格；这些单元格按0计算。
    /// 每张表只报告一次：列出全部空白单元格（能定位的标出位置），并说明涉及几行。
    ///
    /// ## 为什么重要
    /// 每个单元格都要求填写数字，空白无法与数据缺失相区分。数量为零时应填写0。
    ///
    /// ## 示例
    /// 表三某行的`总计`单元格留空。
    N101, "cell-blank", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    one_per_table(
        cx.model,
        out,
        |x| x.row.kind == RowKind::Official && x.cell.reading.value == Value::Blank,
        |cells| {
            let x = &cells[0];
            let message = match rows_of(cells) {
                1 => format!(
                    "{}“{}”行有{}个空白单元格，已按0计算",
                    x.table.id.name(),
                    x.row.label,
                    cells.len()
                ),
                rows => format!(
                    "{} {rows} 行有空白单元格（共 {} 个），已按0计算",
                    x.table.id.name(),
                    cells.len()
                ),
            };
            RULE.finding(message)
                .at(x.row.label_span)
                .expected("数值（为零时填0）")
                .actual("空")
                .help("为零的单元格请填写0")
        },
    );
}
