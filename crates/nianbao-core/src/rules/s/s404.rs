use crate::rules::prelude::*;

rule! {
    /// 统计表中有非官方的附加行
    ///
    /// ## 检查什么
    /// 已识别的非官方行：表三中的小计行（（三）、（四）、（五）、（六）下的 `小计`），或地方附加行，如湖北省表二中的 `其他主动公开文件`。
    ///
    /// ## 为什么重要
    /// 该行予以保留和显示，但不参与计算（小计行由 T304 核对，不会被重复计入）。
    ///
    /// ## 示例
    /// 第二十条第（一）项下的 `其他主动公开文件`。
    S404, "table-extra-row", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for id in [TableId::T2, TableId::T3] {
        let Some(t) = cx.model.table(id) else {
            continue;
        };
        for r in t
            .rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Subtotal | RowKind::Local))
        {
            out.push(
                RULE.finding(
                    format!(
                        "{}中的“{}”不是官方格式的行，已保留但不参与合计",
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
