use crate::rules::prelude::*;

rule! {
    /// 未找到报告标题
    ///
    /// ## What it checks
    /// The opening lines of the text (two consecutive lines may be joined) are searched for a title of the form `…年…政府信息公开(工作)年度报告`.
    ///
    /// ## Why it matters
    /// Every report has a title, and the year, the agency and the kind of agency (government or department) are read from it. Without them the year-dependent rules cannot run.
    ///
    /// ## Example
    /// A paste that begins directly at `一、总体情况`.
    S101, "title-not-found", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.title().is_none() {
        out.push(
            RULE.finding("未找到报告标题，无法确定年度、机关名称和机关类型")
                .expected("××年政府信息公开工作年度报告")
                .actual("未找到标题")
                .help("在正文前保留完整标题，如“××局2023年政府信息公开工作年度报告”"),
        );
    }
}
