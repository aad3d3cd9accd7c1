use crate::rules::prelude::*;

rule! {
    /// 数量或金额为负数
    ///
    /// ## What it checks
    /// A value below 0 in any cell except the 2019 format's `本年增/减` (`t2.*.change`), which is signed.
    ///
    /// ## Why it matters
    /// Counts and amounts cannot be negative; a minus sign is a typing error or a value pasted into the wrong column.
    ///
    /// ## Example
    /// 表三 `2.重复申请` 自然人 = `-1`.
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
