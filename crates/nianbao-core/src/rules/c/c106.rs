use crate::rules::prelude::*;

rule! {
    /// “存在的主要问题及改进情况”内容过少
    ///
    /// ## 检查什么
    /// 第五部分（存在的主要问题及改进情况）正文去除空白和标点后不足30个字，
    /// 或仅为`无`、`暂无`。因文本在该标题处结束（粘贴不完整）而正文为空的，不作提示。
    ///
    /// ## 为什么重要
    /// 评估中常将此类内容批评为“内容不翔实”。
    ///
    /// ## 依据
    /// 《条例》第五十条第（四）项要求年度报告包括
    /// 政府信息公开工作存在的主要问题及改进情况；
    /// 国办公开办函〔2021〕30号要求报告内容“不能遗漏”。
    ///
    /// ## 示例
    /// `五、存在的主要问题及改进情况`之后仅有`无。`。
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
