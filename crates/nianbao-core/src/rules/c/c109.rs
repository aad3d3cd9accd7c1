use crate::rules::prelude::*;

rule! {
    /// “总体情况”未涵盖五个方面
    ///
    /// ## What it checks
    /// In a 2021-format report, section 一 mentions each of the five topics of the 2021 notice: 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设, 监督保障. The missing topic keys are listed (`overview.management`, …). An overview cut off by the end of the paste is not judged.
    ///
    /// ## Why it matters
    /// The notice says 总体情况 "主要包括" these five topics, hence information only.
    ///
    /// ## Example
    /// An overview that never mentions 监督保障.
    C109, "overview-topics", Info
}

const TOPICS: &[(&str, &str, &[&str])] = &[
    ("overview.proactive", "主动公开", &["主动公开"]),
    ("overview.on_request", "依申请公开", &["依申请"]),
    ("overview.management", "政府信息管理", &["信息管理"]),
    ("overview.platforms", "平台建设", &["平台"]),
    ("overview.oversight", "监督保障", &["监督", "保障"]),
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
        .filter(|(_, _, words)| !words.iter().any(|w| t.contains(w)))
        .collect();
    if !missing.is_empty() {
        out.push(
            RULE.finding(
                format!(
                    "“{}”未涉及：{}",
                    h.title,
                    missing.iter().map(|m| m.1).collect::<Vec<_>>().join("、")
                ),
            )
            .at(h.span)
            .expected("主动公开、依申请公开、政府信息管理、平台建设、监督保障")
            .actual(missing.iter().map(|m| m.0).collect::<Vec<_>>().join(", "))
            .formula("总体情况主要包括五个方面（国办公开办函〔2021〕30号）"),
        );
    }
}
