use crate::rules::prelude::*;

rule! {
    /// 标题中没有机关名称
    ///
    /// ## What it checks
    /// An agency name can be taken from the title: the text before the year.
    ///
    /// ## Why it matters
    /// The agency name is needed to tell a government report from a department report and to find text copied from another agency.
    ///
    /// ## Example
    /// The title `2022年政府信息公开工作年度报告`.
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
