use crate::rules::prelude::*;

rule! {
    /// 多出的一级标题
    ///
    /// ## 检查什么
    /// 统计表以外带一级序号的标题（如 `七、…`），不属于六个部分中的任何一个，且未由 S203报告。
    ///
    /// ## 为什么重要
    /// 年度报告格式恰好有六个部分；多出的部分往往包含应放入 `六、其他需要报告的事项` 的内容，或是其他模板遗留的内容。
    ///
    /// ## 示例
    /// `七、附件`。
    S205, "section-extra-heading", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let hs = &cx.model.headings;
    for (i, h) in hs.iter().enumerate() {
        if h.key.is_some() || h.numeral_value.is_none() {
            continue;
        }
        if hs[..i].iter().any(|p| p.numeral_value == h.numeral_value) {
            continue;
        }
        out.push(
            RULE.finding(
                format!("一级标题“{}”不属于年度报告的六个部分", h.title),
            )
            .at(h.span)
            .expected("六个部分之一")
            .actual(h.title.clone())
            .help("如需报告其他内容，请放入“六、其他需要报告的事项”"),
        );
    }
}
