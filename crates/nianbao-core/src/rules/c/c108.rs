use crate::rules::prelude::*;

rule! {
    /// “其他需要报告的事项”缺少常见内容
    ///
    /// ## What it checks
    /// In a 2021-format report, section 六 lacks any of the items reports usually give there since 2021: implementing the superior level's annual work points (`要点`), the handling of NPC deputies' proposals and CPPCC motions (`建议` / `提案`), and innovations (`创新`).
    ///
    /// ## Why it matters
    /// These items are common practice (format.md §7); their exact wording in the notice is unconfirmed, hence information only.
    ///
    /// ## Example
    /// A section 六 that only states the processing fees.
    C108, "other-section-usual-items", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format != Some(Format::B) {
        return;
    }
    let Some((h, body)) = section_body(cx, SectionKey::Other) else {
        return;
    };
    let t = &cx.text()[body.start..body.end];
    let missing: Vec<&str> = [
        ("落实政务公开工作要点情况", t.contains("要点")),
        (
            "人大代表建议和政协提案办理结果公开情况",
            t.contains("建议") || t.contains("提案"),
        ),
        ("政务公开工作创新情况", t.contains("创新")),
    ]
    .iter()
    .filter(|(_, has)| !has)
    .map(|(item, _)| *item)
    .collect();
    if !missing.is_empty() {
        out.push(
            RULE.finding(
                format!("“{}”未提及：{}", h.title, missing.join("、")),
            )
            .at(h.span)
            .expected("信息处理费、要点落实、建议提案办理、创新情况")
            .actual(format!("缺少{}项", missing.len()))
            .formula("自2021年起，年度报告第六部分通常报告上述事项"),
        );
    }
}
