use crate::rules::prelude::*;

rule! {
    /// 多出的一级标题
    ///
    /// ## What it checks
    /// A top-level numbered heading (`七、…`) outside the tables that matches none of the six sections and is not already reported by S203.
    ///
    /// ## Why it matters
    /// The format has exactly six parts; extra parts often hold content that belongs in 六、其他需要报告的事项, or are left over from another template.
    ///
    /// ## Example
    /// `七、附件`.
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
