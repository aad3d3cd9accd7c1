use crate::rules::prelude::*;

rule! {
    /// 总体情况下的分项使用了一级标题序号
    ///
    /// ## 检查什么
    /// 第一部分“总体情况”之下紧接的分项标题使用了一级标题的序号（`二、政府信息管理`、
    /// `三、平台建设`），而其后的部分标题又从较小的序号重新编号（如 `二、主动公开政府信息情况`）。
    /// 这些分项不计入六个部分：不再另报序号重复（S203）、序号不符（S204）或多出的一级标题（S205）。
    ///
    /// ## 为什么重要
    /// 分项用了一级序号，报告看上去就多出了部分或顺序错乱，读者无法按六个部分查找内容。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号规定年度报告分六个部分撰写；部分之下的分项应使用下一级编号。
    ///
    /// ## 示例
    /// `一、总体情况` … `二、依申请公开` … `三、政府信息管理` …，随后是 `二、主动公开政府信息情况`。
    S208, "subtopic-as-section", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let subs = &cx.model.subtopics;
    let Some(first) = subs.first() else { return };
    let number = |h: &Heading| format!("{}、{}", h.number.as_deref().unwrap_or(""), h.title);
    let mut f = RULE
        .finding(format!(
            "“总体情况”下的{}个分项使用了一级标题序号：{}",
            subs.len(),
            subs.iter().map(number).collect::<Vec<_>>().join("、")
        ))
        .at(first.span)
        .expected("（一）（二）…编号的分项")
        .actual(number(first))
        .help("总体情况下的分项应使用（一）（二）…编号");
    if let Some(o) = cx.model.section(SectionKey::Overview) {
        f = f.related(o.span, "第一部分“总体情况”");
    }
    for h in &subs[1..] {
        f = f.related(h.span, "同样使用一级序号的分项");
    }
    out.push(f);
}
