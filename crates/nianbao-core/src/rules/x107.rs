//! X107 text-percentage-truncated.
use super::figures::check_pct;
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "X107",
    name: "text-percentage-truncated",
    severity: Severity::Info,
    summary: doc!("正文百分比是截断值而非四舍五入值"),
    doc: doc!("## What it checks\nAs X106, where the printed percentage equals the truncated but not the rounded value.\n\n## Why it matters\nShares are rounded half-up; a truncated value is off by one in the last digit.\n\n## Example\n35 / 805 = 4.348%, printed `4.34%` → expected 4.35%."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_pct(cx, out, &RULE, true);
}
