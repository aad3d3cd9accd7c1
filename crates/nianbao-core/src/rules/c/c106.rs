use crate::rules::prelude::*;

rule! {
    /// “存在的主要问题及改进情况”内容过少
    ///
    /// ## What it checks
    /// The body of section 五 (存在的主要问题及改进情况), without whitespace and punctuation, is shorter than 30 characters, or is just `无` / `暂无`. A body that is empty because the text ends at the heading (a cut-off paste) is not reported.
    ///
    /// ## Why it matters
    /// Art. 50(4) of the 条例 requires the main problems and the improvements; the 2021 notice says nothing may be left out, and evaluations criticise thin content (内容不翔实).
    ///
    /// ## Example
    /// `五、存在的主要问题及改进情况` followed by `无。`.
    C106, "problems-section-thin", Warning
}

const MIN: usize = 30;

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some((h, body)) = section_body(cx, SectionKey::Problems) else {
        return;
    };
    let text = &cx.text()[body.start..body.end];
    let n = crate::text::numbers::content_chars(text);
    let is_last = cx
        .model
        .headings
        .last()
        .map(|l| l.span == h.span)
        .unwrap_or(false);
    if n == 0 && is_last {
        return; // the paste stops at the heading
    }
    let bare = text.trim().trim_end_matches(['。', '.']);
    if n < MIN || bare == "无" || bare == "暂无" {
        out.push(
            RULE.finding(
                format!("“{}”部分只有{}个字，未说明存在的问题和改进措施", h.title, n),
            )
            .at(h.span)
            .expected(format!("至少{MIN}字，说明主要问题及改进情况"))
            .actual(format!("{n}字"))
            .formula("年度报告应报告存在的主要问题及改进情况（《条例》第五十条）"),
        );
    }
}
