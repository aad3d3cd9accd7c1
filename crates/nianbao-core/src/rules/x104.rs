//! X104 text-processed.
use super::figures::{check_counts, Kind};
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "X104",
    name: "text-processed",
    severity: Severity::Warning,
    summary: doc!("正文所述办结件数与表三“总计”不符"),
    doc: doc!("## What it checks\n`办结 N 件`, `答复 N 件`, `办理完毕 N 件` against table 三 `（七）总计` 总计 (subsets such as `延期答复`, `当场答复` are not compared). The ambiguous `办理…申请 N 件` passes if N equals （七）总计, 本年新收, or 本年新收 + 上年结转.\n\n## Why it matters\nAs X101.\n\n## Example\n`答复 3050 件` = 3050."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| {
        matches!(k, Kind::Processed | Kind::ProcessedLoose)
    });
}
