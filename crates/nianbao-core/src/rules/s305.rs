//! S305 format-undetermined.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "S305",
    name: "format-undetermined",
    severity: Severity::Warning,
    summary: doc!("无法确定报告格式"),
    doc: doc!("## What it checks\nNo format signal at all: no table 二 column headers, no （六） shape in table 三, and no year.\n\n## Why it matters\nThe format decides which rows are required and which identities hold. Without it the format-dependent rules (T2xx, T302) are skipped.\n\n## Example\nA partial paste with only prose and no title."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format.is_none() {
        out.push(
            Finding::new(
                &RULE,
                "无法确定报告使用的格式（无表二表头、无年度），与格式相关的检查已跳过",
            )
            .expected("2019年试行格式或2021年格式")
            .actual("无法确定"),
        );
    }
}
