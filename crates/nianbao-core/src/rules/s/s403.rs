use crate::rules::prelude::*;

rule! {
    /// 统计表中有无法识别的行
    ///
    /// ## 检查什么
    /// 统计表中有数值、但标签既不对应任何官方行，也不对应已知的小计行或地方附加行的行。
    ///
    /// ## 为什么重要
    /// 该行的数值不属于任何勾稽关系，计算时不予考虑；如果它实际上是标签写错的官方行，该官方行还会被报告为缺失。
    ///
    /// ## 示例
    /// 表三中的 `（八）其他 0 0 0 0 0 0 0`。
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
