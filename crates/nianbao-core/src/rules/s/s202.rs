use crate::rules::prelude::*;

rule! {
    /// 六个部分顺序不对
    ///
    /// ## 检查什么
    /// 已识别的各部分（按各自首次出现的位置）是否依一至六的顺序排列。
    ///
    /// ## 为什么重要
    /// 读者和评估人员按固定位置查找各部分内容。
    ///
    /// ## 依据
    /// 2019年格式（试行）和2021年格式均规定了六个部分的顺序。
    ///
    /// ## 示例
    /// `五、存在的主要问题及改进情况` 出现在 `四、政府信息公开行政复议、行政诉讼情况` 之前。
    S202, "section-out-of-order", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let mut firsts = Vec::new();
    for h in &cx.model.headings {
        if let Some(k) = h.key {
            if !firsts
                .iter()
                .any(|(kk, _): &(SectionKey, _)| *kk == k)
            {
                firsts.push((k, h));
            }
        }
    }
    let mut max: Option<(SectionKey, &Heading)> = None;
    for (k, h) in firsts {
        if let Some((mk, mh)) = max {
            if k.index() < mk.index() {
                out.push(
                    RULE.finding(format!("“{}”出现在“{}”之后", h.title, mh.title))
                        .at(h.span)
                        .related(mh.span, "它应位于此标题之前")
                        .expected(format!("第{}部分", k.numeral()))
                        .actual(format!("位于第{}部分之后", mk.numeral()))
                        .formula("六个部分应依次为：总体情况、主动公开、收到和处理申请、复议诉讼、问题及改进、其他事项"),
                );
                continue;
            }
        }
        max = Some((k, h));
    }
}
