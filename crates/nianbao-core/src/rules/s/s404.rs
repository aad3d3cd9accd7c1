use crate::rules::prelude::*;

rule! {
    /// 统计表中有非官方的附加行
    ///
    /// ## What it checks
    /// A recognised non-official row: the 表三 subtotal rows (`小计` under （三）/（四）/（五）/（六）), or a local row such as Hubei's `其他主动公开文件` in 表二.
    ///
    /// ## Why it matters
    /// The row is kept and shown, but it is excluded from the arithmetic (a subtotal is checked by T304 and never counted twice).
    ///
    /// ## Example
    /// `其他主动公开文件` under 第二十条第（一）项.
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
