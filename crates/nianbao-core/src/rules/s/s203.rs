use crate::rules::prelude::*;

rule! {
    /// 一级标题序号重复
    ///
    /// ## What it checks
    /// Two top-level headings carry the same numeral (`一、` twice).
    ///
    /// ## Why it matters
    /// The six parts are numbered 一 to 六 once each. A repeated numeral usually means a paragraph pasted from another report or an unfinished edit.
    ///
    /// ## Example
    /// The 周口市科技局 2019 report: `一、总体情况`, then `一、政务信息公开总体情况`.
    S203, "section-number-duplicate", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let hs: Vec<_> = cx
        .model
        .headings
        .iter()
        .filter(|h| h.numeral_value.is_some())
        .collect();
    for (i, h) in hs.iter().enumerate() {
        if let Some(prev) = hs[..i].iter().find(|p| p.numeral_value == h.numeral_value) {
            let n = h.number.clone().unwrap_or_default();
            out.push(
                RULE.finding(format!("一级标题序号“{n}”重复使用"))
                    .at(h.span)
                    .related(prev.span, format!("第一次使用“{n}”"))
                    .expected("每个序号只出现一次")
                    .actual(format!("“{n}”出现两次"))
                    .formula("一级标题应依次编号为一至六，且每个序号只出现一次"),
            );
        }
    }
}
