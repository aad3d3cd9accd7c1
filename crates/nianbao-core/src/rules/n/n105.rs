use crate::rules::prelude::*;

rule! {
    /// 件数不是整数
    ///
    /// ## 检查什么
    /// 带有小数部分的件数单元格。除`采购总金额`和`本年收费金额`两个金额单元格外，其余
    /// 单元格均为件数单元格。
    ///
    /// ## 为什么重要
    /// 文件、处理决定、事项、申请和案件都以整数计；出现小数，通常是录入错误，或是把
    /// 金额填入了件数列。
    ///
    /// ## 示例
    /// `本年处理决定数量`下填写`2.5`。
    N105, "count-not-integer", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for x in official_cells(cx.model) {
        let (t, r, c) = (x.table, x.row, x.cell);
        let Value::Number(d) = c.reading.value else {
            continue;
        };
        if !x.is_amount() && !d.is_integer() {
            out.push(
                RULE.finding(
                    format!("{}“{}”行的件数不是整数", t.id.name(), r.label),
                )
                .at_opt(c.span)
                .expected("整数")
                .actual(d.to_string())
                .cell(x.path()),
            );
        }
    }
}
