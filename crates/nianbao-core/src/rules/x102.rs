//! X102 text-carried-over.
use super::figures::{check_counts, Kind};
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "X102",
    name: "text-carried-over",
    severity: Severity::Warning,
    summary: doc!("正文所述上年结转件数与表三不符"),
    doc: doc!("## What it checks\n`上年(度)?结转…N 件` (or `N 件…上年结转`) against table 三 `二、上年结转` 总计.\n\n## Why it matters\nAs X101.\n\n## Example\n`含上年度结转申请 34 件` = 34."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| k == Kind::CarriedOver);
}
