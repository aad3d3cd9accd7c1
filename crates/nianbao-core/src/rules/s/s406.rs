use crate::rules::prelude::*;

rule! {
    /// 统计表某行的数值个数不对
    ///
    /// ## What it checks
    /// The number of values in a row against the layout (7 in 表三, or 8 with a subtotal column; 15 in 表四; per block in 表二). Also fires when a table's values cannot be assigned to cells with certainty (for example PDF text that put the values of 表四 in another order than its header).
    ///
    /// ## Why it matters
    /// Values are never shifted or guessed: a row with too few or too many values cannot be checked, and every arithmetic rule involving it is skipped.
    ///
    /// ## Example
    /// A 表三 row that reads `（一）予以公开 0 0 0 0 0 0` (six values).
    S406, "table-row-shape", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for id in [TableId::T2, TableId::T3, TableId::T4] {
        let Some(t) = cx.model.table(id) else {
            continue;
        };
        if let Some(reason) = &t.unreadable {
            let (expected, actual) = if id == TableId::T4 {
                ("可确定位置的15个数值", "顺序无法确定")
            } else {
                ("可逐行读取的表格", "无法读取")
            };
            out.push(
                RULE.finding(
                    format!(
                        "{}：{}。可能由复制或PDF提取造成，请对照原表",
                        id.name(),
                        reason
                    ),
                )
                .at(t.rows.first().map(|r| r.label_span).unwrap_or(t.span))
                .expected(expected)
                .actual(actual),
            );
            continue;
        }
        for r in &t.rows {
            if let Some((want, got)) = r.shape_error {
                out.push(
                    RULE.finding(format!("{}“{}”行应有{}个数值，实际读到{}个。可能由复制或PDF提取造成，请对照原表", id.name(), r.label, want, got))
                        .at(r.label_span)
                        .expected(format!("{want}个数值"))
                        .actual(format!("{got}个数值")),
                );
            }
        }
    }
}
