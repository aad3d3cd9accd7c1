use crate::rules::prelude::*;

rule! {
    /// 部分中缺少统计表
    ///
    /// ## What it checks
    /// Each section that was found has its table: 二、主动公开 → 表二, 三、收到和处理申请 → 表三, 四、复议诉讼 → 表四. If the section itself is missing, only S201 is reported.
    ///
    /// ## Why it matters
    /// The three tables are the fixed core of the format; a section with prose only, or with `详见附表` and no table, does not report the required figures.
    ///
    /// ## Example
    /// `三、收到和处理政府信息公开申请情况` followed only by prose.
    S401, "table-missing", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for (key, id) in [
        (SectionKey::Proactive, TableId::T2),
        (SectionKey::Applications, TableId::T3),
        (SectionKey::ReviewLitigation, TableId::T4),
    ] {
        if let Some(h) = cx.model.section(key) {
            if cx.model.table(id).is_none() {
                out.push(
                    RULE.finding(format!("“{}”部分中未找到{}", h.title, id.name()))
                        .at(h.span)
                        .expected(id.name())
                        .actual("未找到")
                        .help("请在该部分中附上统一格式的统计表；若表格为图片，请提供文字版本"),
                );
            }
        }
    }
}
