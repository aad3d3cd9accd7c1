use crate::rules::prelude::*;

rule! {
    /// 政府报告未报告考核、评议和责任追究情况
    ///
    /// ## What it checks
    /// In a government report (not a department's), the text mentions `考核`, `评议` and `责任追究` (or `追责`, `问责`). Only complete reports are checked: the text must reach section 六.
    ///
    /// ## Why it matters
    /// Art. 50(4) of the 条例 requires reports of 各级人民政府 to cover 工作考核、社会评议和责任追究结果情况; the 2021 notice puts them under 监督保障.
    ///
    /// ## Example
    /// A 县人民政府 report that never mentions 考核 or 评议.
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
