use crate::rules::prelude::*;

rule! {
    /// 件数不是整数
    ///
    /// ## What it checks
    /// A count cell (every cell except the two amount cells, 采购总金额 and 本年收费金额) with a fractional part.
    ///
    /// ## Why it matters
    /// Documents, decisions, items, applications and cases are counted in whole numbers; a fraction is a typing error or an amount in the wrong column.
    ///
    /// ## Example
    /// `2.5` under `本年处理决定数量`.
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
