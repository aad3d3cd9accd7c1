use crate::rules::prelude::*;

rule! {
    /// “总体情况”未涵盖五个方面
    ///
    /// ## 检查什么
    /// 2021年格式报告中，第一部分应涉及国办公开办函〔2021〕30号所列的五个方面：主动公开、
    /// 依申请公开、政府信息管理、政府信息公开平台建设、监督保障。提示中列出未涉及的方面。
    /// 因粘贴不完整而被截断的总体情况不予判断。
    ///
    /// ## 为什么重要
    /// 该通知称总体情况“主要包括”这五个方面，并非逐项强制，故仅作提示。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号关于（一）总体情况的说明。
    ///
    /// ## 示例
    /// 总体情况通篇未提及监督保障。
    C109, "overview-topics", Info
}

/// The five aspects of 总体情况 and the words that show each.
const TOPICS: &[(&str, &[&str])] = &[
    ("主动公开", &["主动公开"]),
    ("依申请公开", &["依申请"]),
    ("政府信息管理", &["信息管理"]),
    ("平台建设", &["平台"]),
    ("监督保障", &["监督", "保障"]),
];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format != Some(Format::B) {
        return;
    }
    let Some((h, body)) = section_body(cx, SectionKey::Overview) else {
        return;
    };
    // a paste cut off inside 一 cannot be judged
    if body.end == cx.text().len() {
        return;
    }
    let t = &cx.text()[body.start..body.end];
    let missing: Vec<_> = TOPICS
        .iter()
        .filter(|(_, words)| !words.iter().any(|w| t.contains(w)))
        .collect();
    if !missing.is_empty() {
        out.push(
            RULE.finding(
                format!(
                    "“{}”未涉及：{}",
                    h.title,
                    missing.iter().map(|m| m.0).collect::<Vec<_>>().join("、")
                ),
            )
            .at(h.span)
            .expected("主动公开、依申请公开、政府信息管理、平台建设、监督保障")
            .actual(format!(
                "未涉及：{}",
                missing.iter().map(|m| m.0).collect::<Vec<_>>().join("、")
            ))
            .formula("总体情况主要包括五个方面（国办公开办函〔2021〕30号）"),
        );
    }
}
