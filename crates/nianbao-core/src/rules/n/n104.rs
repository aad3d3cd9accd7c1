use crate::rules::prelude::*;

rule! {
    /// 数量或金额为负数
    ///
    /// ## 检查什么
    /// 任一单元格中小于0的数值。唯一例外是2019年格式（试行）表二的`本年增/减`，
    /// 该列数值可正可负。
    ///
    /// ## 为什么重要
    /// 件数和金额不可能为负数；出现负号，通常是录入错误，或是把数值填到了错误的列。
    ///
    /// ## 示例
    /// 表三`2.重复申请`行`自然人`列为`-1`。
    N104, "value-negative", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for x in official_cells(cx.model) {
        let (t, r, c) = (x.table, x.row, x.cell);
        let Value::Number(d) = c.reading.value else {
            continue;
        };
        let signed = cx.model.format == Some(Format::A)
            && t.id == TableId::T2
            && c.col == ColKey::T2(T2Col::Change);
        if d.is_negative() && !signed {
            out.push(
                RULE.finding(format!("{}“{}”行出现负数", t.id.name(), r.label))
                    .at_opt(c.span)
                    .expected("≥ 0")
                    .actual(d.to_string())
                    .cell(x.path()),
            );
        }
    }
}
