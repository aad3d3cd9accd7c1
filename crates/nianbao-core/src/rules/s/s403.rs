use crate::rules::prelude::*;

rule! {
    /// 统计表中有无法识别的行
    ///
    /// ## What it checks
    /// A row inside a table that carries values but whose label matches no official row, no known subtotal and no known local row.
    ///
    /// ## Why it matters
    /// The row's values are not part of any identity and are ignored by the arithmetic; if it is a mislabelled official row, that row is reported missing as well.
    ///
    /// ## Example
    /// `（八）其他 0 0 0 0 0 0 0` in 表三.
    S403, "table-row-unrecognised", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for id in [TableId::T2, TableId::T3] {
        let Some(t) = cx.model.table(id) else {
            continue;
        };
        for r in t.rows.iter().filter(|r| r.kind == RowKind::Unknown) {
            out.push(
                RULE.finding(
                    format!(
                        "{}中的行“{}”不属于官方格式，已排除在计算之外",
                        id.name(),
                        r.label
                    ),
                )
                .at(r.label_span)
                .actual(r.label.clone()),
            );
        }
    }
}
