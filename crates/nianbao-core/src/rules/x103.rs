//! X103 text-carried-forward.
use super::figures::{check_counts, Kind};
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "X103",
    name: "text-carried-forward",
    severity: Severity::Warning,
    summary: doc!("正文所述结转下年度件数与表三不符"),
    doc: doc!("## What it checks\n`结转(至|到)?下(一)?年(度)?…N 件`, `顺延(至|到)下年度…N 件` and `N 件顺延到下年度` against table 三 `四、结转下年度继续办理` 总计.\n\n## Why it matters\nAs X101.\n\n## Example\n`另有 103 件顺延到下年度答复` = 103."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| k == Kind::CarriedForward);
}
