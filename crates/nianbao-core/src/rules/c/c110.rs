use crate::rules::prelude::*;

rule! {
    /// 政府报告未报告考核、评议和责任追究情况
    ///
    /// ## 检查什么
    /// 在政府报告（而非部门报告）中，正文应提及`考核`、`评议`和`责任追究`（或`追责`、
    /// `问责`）。只检查完整的报告：文本须延续至第六部分。
    ///
    /// ## 为什么重要
    /// 工作考核、社会评议和责任追究结果情况是各级人民政府年度报告的法定内容。
    ///
    /// ## 依据
    /// 《条例》第五十条第（四）项要求各级人民政府的年度报告包括工作考核、
    /// 社会评议和责任追究结果情况；国办公开办函〔2021〕30号将其列入总体情况中的“监督保障”。
    ///
    /// ## 示例
    /// 某县人民政府报告通篇未提及考核或评议。
    C110, "accountability-missing", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    if m.kind() != Some(Kind::Government) || m.section(SectionKey::Other).is_none() {
        return;
    }
    let prose: String = m.prose.lines.iter().map(|s| &cx.text()[s.start..s.end]).collect();
    let missing: Vec<&str> = [
        ("考核", prose.contains("考核")),
        ("评议", prose.contains("评议")),
        (
            "责任追究",
            ["责任追究", "追责", "问责"]
                .iter()
                .any(|w| prose.contains(w)),
        ),
    ]
    .iter()
    .filter(|(_, has)| !has)
    .map(|(w, _)| *w)
    .collect();
    if !missing.is_empty() {
        out.push(
            RULE.finding(format!("政府年度报告未提及{}情况", missing.join("、")))
                .at_opt(m.section(SectionKey::Overview).map(|h| h.span))
                .expected("工作考核、社会评议和责任追究结果情况")
                .actual(format!("缺少：{}", missing.join("、")))
                .formula("各级人民政府的年度报告应报告工作考核、社会评议和责任追究结果情况（《条例》第五十条）"),
        );
    }
}
