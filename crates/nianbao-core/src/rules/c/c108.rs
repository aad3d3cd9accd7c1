use crate::rules::prelude::*;

rule! {
    /// “其他需要报告的事项”缺少常见内容
    ///
    /// ## 检查什么
    /// 2021年格式报告中，第六部分缺少2021年以来报告通常列明的某项内容：
    /// 落实上级年度政务公开工作要点情况（`要点`）、
    /// 人大代表建议和政协提案办理情况（`建议`/`提案`）、政务公开工作创新情况（`创新`）。
    ///
    /// ## 为什么重要
    /// 这些内容属于通行做法，尚无可以确认的文件原文表述，故仅作提示。
    ///
    /// ## 示例
    /// 第六部分只说明了信息处理费收取情况。
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
