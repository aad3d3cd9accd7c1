//! S103 agency-not-found.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "S103",
    name: "agency-not-found",
    severity: Severity::Info,
    summary: doc!("标题中没有机关名称"),
    doc: doc!("## What it checks\nAn agency name can be taken from the title: the text before the year.\n\n## Why it matters\nThe agency name is needed to tell a government report from a department report and to find text copied from another agency.\n\n## Example\nThe title `2022年政府信息公开工作年度报告`."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if let (Some(t), None) = (&cx.model.title, &cx.model.agency) {
        out.push(
            Finding::new(&RULE, "标题中没有机关名称")
                .at(t.span)
                .expected("机关名称＋年度＋政府信息公开工作年度报告")
                .actual(t.text.clone()),
        );
    }
}
