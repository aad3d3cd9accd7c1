use crate::rules::prelude::*;

rule! {
    /// 第五部分“存在的主要问题及改进情况”照搬上年报告
    ///
    /// ## 检查什么
    /// 提供上年报告时，比较本年与上年的第五部分（存在的主要问题及改进情况）：本年第五部分的句子中，
    /// 同样出现在上年第五部分的比例，以50%为限。比较前去除数字（年份、件数）、空白和标点；
    /// 少于10个字的句子和标题不计入，本年第五部分至少要有2个可比较的句子。
    ///
    /// ## 为什么重要
    /// 每年的问题和改进措施应当针对当年的工作。问题年年照抄，说明问题没有整改、措施没有落实；
    /// 评估中对问题逐年雷同的报告扣分。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号将年度报告“内容雷同”列为追究责任的情形之一。
    ///
    /// ## 示例
    /// 本年第五部分4个句子中有3个（75%）与上年第五部分相同。
    Y107, "problems-section-copied", Warning
}

/// Percent of the section's sentences (integers: no float formatting in the wasm).
const THRESHOLD_PCT: usize = 50;

/// Shortest comparable sentence, in characters.
const MIN_CHARS: usize = 10;

/// The comparable sentences inside a report's section 五.
fn problems<'m>(m: &'m crate::model::Model) -> Option<(&'m Heading, Vec<(String, Span)>)> {
    let (h, body) = section_of(m, SectionKey::Problems)?;
    let ss: Vec<_> = comparable(m, MIN_CHARS)
        .into_iter()
        .filter(|(_, s)| s.start >= body.start && s.end <= body.end)
        .collect();
    Some((h, ss))
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(pm) = cx.previous else { return };
    let Some((h, now)) = problems(cx.model) else {
        return;
    };
    if now.len() < 2 {
        return;
    }
    let Some((_, last)) = problems(pm) else {
        return;
    };
    let shared = shared_sentences(&now, last);
    if shared.len() * 100 < THRESHOLD_PCT * now.len() {
        return;
    }
    let pct = (shared.len() * 100 + now.len() / 2) / now.len();
    let mut f = RULE
        .finding(format!(
            "第五部分{}句中有{}句与上年报告第五部分相同（{pct}%），问题及改进情况疑为照搬上年",
            now.len(),
            shared.len()
        ))
        .at(h.span)
        .expected(format!("低于{THRESHOLD_PCT}%"))
        .actual(format!("{pct}%（{}/{}）", shared.len(), now.len()))
        .formula("重复率 = 与上年第五部分相同的句子数 ÷ 本年第五部分句子数（不计数字、标点和短句）")
        .help("根据本年度工作实际查找问题，写明针对性的改进措施");
    for ((_, s), ps) in shared.iter().take(5) {
        f = f
            .related(*s, "与上年第五部分相同的句子")
            .related_previous(*ps, "上年报告第五部分中的同一句");
    }
    out.push(f);
}
