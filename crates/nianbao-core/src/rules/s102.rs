//! S102 year-not-found.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "S102",
    name: "year-not-found",
    severity: Severity::Warning,
    summary: doc!("未识别报告年度"),
    doc: doc!("## What it checks\nA four-digit year (2008–2099) followed by 年 is looked for in the title, else in the statistical-period sentence (`统计期限…`).\n\n## Why it matters\nThe year decides which official format applies (2019 or 2021) and which dates are late. Without it S301, S302 and the date rules are skipped.\n\n## Example\nThe title `某局政府信息公开工作年度报告` with no year."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.year.is_none() {
        let f = Finding::new(
            &RULE,
            "未能从标题或统计期限中识别报告年度，依赖年度的检查已跳过",
        )
        .expected("标题中的年度，如“2023年”")
        .actual("未识别年度");
        out.push(f.at_opt(cx.model.title.as_ref().map(|t| t.span)));
    }
}
