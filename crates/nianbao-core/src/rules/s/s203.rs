use crate::rules::prelude::*;

rule! {
    /// 一级标题序号重复
    ///
    /// ## 检查什么
    /// 两个一级标题使用了同一序号（如两次出现 `一、`）。
    ///
    /// ## 为什么重要
    /// 六个部分依次编号为一至六，每个序号只用一次。序号重复，通常说明有段落从其他报告粘贴而来，或修改尚未完成。
    ///
    /// ## 依据
    /// 2019年格式（试行）和2021年格式均规定六个部分依次编号为一至六。
    ///
    /// ## 示例
    /// 周口市科技局2019年度报告：先有 `一、总体情况`，后又出现 `一、政务信息公开总体情况`。
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
