use crate::rules::prelude::*;

rule! {
    /// 统计表缺少官方格式中的行
    ///
    /// ## What it checks
    /// Every official row of the detected format (format.md §4–§6) is located in its table, by its label. Consecutive missing rows form one finding (a cut-off table is one gap).
    ///
    /// ## Why it matters
    /// A missing row means a quantity the format requires is not reported; the rules that need the row are skipped, so the table cannot be checked either.
    ///
    /// ## Example
    /// 表三 without `二、上年结转政府信息公开申请数量`.
    S402, "table-row-missing", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for id in [TableId::T2, TableId::T3] {
        let Some(t) = cx.model.table(id) else {
            continue;
        };
        if t.unreadable.is_some() {
            continue;
        }
        // one finding per gap: consecutive missing rows after the same located row
        let mut i = 0;
        while i < t.missing.len() {
            let gap: Vec<_> = t.missing[i..]
                .iter()
                .take_while(|m| m.after == t.missing[i].after)
                .collect();
            i += gap.len();
            let labels: Vec<&str> = gap.iter().map(|m| m.label).collect();
            let msg = if gap.len() == 1 {
                format!("{}缺少“{}”行", id.name(), labels[0])
            } else {
                format!(
                    "{}缺少{}行：“{}”至“{}”（文本可能不完整）",
                    id.name(),
                    gap.len(),
                    labels[0],
                    labels[labels.len() - 1]
                )
            };
            out.push(
                RULE.finding(msg)
                    .at(gap[0].after)
                    .expected(labels.join("、"))
                    .actual("缺失"),
            );
        }
    }
}
