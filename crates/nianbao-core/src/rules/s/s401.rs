use crate::rules::prelude::*;

rule! {
    /// 部分中缺少统计表
    ///
    /// ## 检查什么
    /// 已找到的部分中是否有对应的统计表：`二、主动公开` 对应表二，`三、收到和处理申请` 对应表三，`四、复议诉讼` 对应表四。部分本身缺失的，只由 S201 报告。
    ///
    /// ## 为什么重要
    /// 三张统计表是格式中固定的核心内容；只有文字，或只写 `详见附表` 而没有表格的部分，没有报告规定的数据。
    ///
    /// ## 依据
    /// 2019年格式（试行）和2021年格式均规定第二、三、四部分分别以表二、表三、表四报告。
    ///
    /// ## 示例
    /// `三、收到和处理政府信息公开申请情况` 之后只有文字。
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
