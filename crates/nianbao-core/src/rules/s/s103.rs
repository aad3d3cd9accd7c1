use crate::rules::prelude::*;

rule! {
    /// 标题中没有机关名称
    ///
    /// ## 检查什么
    /// 能否从标题中取得机关名称，即标题中年度之前的文字。
    ///
    /// ## 为什么重要
    /// 需要依据机关名称区分人民政府报告与部门报告，并发现从其他机关照搬的文字。
    ///
    /// ## 示例
    /// 标题为 `2022年政府信息公开工作年度报告`。
    S103, "agency-not-found", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if let (Some(t), None) = (cx.model.title(), cx.model.agency()) {
        out.push(
            RULE.finding("标题中没有机关名称")
                .at(t.span)
                .expected("机关名称＋年度＋政府信息公开工作年度报告")
                .actual(t.text.clone()),
        );
    }
}
