//! C106 problems-section-thin.
use super::{prose, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::model::SectionKey;

pub static RULE: Rule = Rule {
    code: "C106",
    name: "problems-section-thin",
    severity: Severity::Warning,
    summary: doc!("“存在的主要问题及改进情况”内容过少"),
    doc: doc!("## What it checks\nThe body of section 五 (存在的主要问题及改进情况), without whitespace and punctuation, is shorter than 30 characters, or is just `无` / `暂无`. A body that is empty because the text ends at the heading (a cut-off paste) is not reported.\n\n## Why it matters\nArt. 50(4) of the 条例 requires the main problems and the improvements; the 2021 notice says nothing may be left out, and evaluations criticise thin content (内容不翔实).\n\n## Example\n`五、存在的主要问题及改进情况` followed by `无。`."),
    check,
};

const MIN: usize = 30;

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some((h, body)) = prose::section_body(cx, SectionKey::Problems) else {
        return;
    };
    let text = &cx.text[body.start..body.end];
    let n = prose::content_chars(text);
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
            Finding::new(
                &RULE,
                format!("“{}”部分只有{}个字，未说明存在的问题和改进措施", h.title, n),
            )
            .at(h.span)
            .expected(format!("至少{MIN}字，说明主要问题及改进情况"))
            .actual(format!("{n}字"))
            .formula("年度报告应报告存在的主要问题及改进情况（《条例》第五十条）"),
        );
    }
}
