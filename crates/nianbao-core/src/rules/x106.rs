//! X106 text-percentage.
use super::figures::check_pct;
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "X106",
    name: "text-percentage",
    severity: Severity::Warning,
    summary: doc!("正文百分比与件数和表三不符"),
    doc: doc!("## What it checks\nA percentage attached to a figure of X101–X105 (`258件（33.9%）`, `…，占…32%`), recomputed as 100·n/base for base ∈ {（七）总计, 本年新收, 本年新收 + 上年结转}; it passes if one base gives the printed value rounded half-up to its decimals.\n\n## Why it matters\nA wrong share misstates the result even when the counts are right.\n\n## Example\n`258件（33.9%）` with （七）总计 805: 258 / 805 = 32.0%."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_pct(cx, out, &RULE, false);
}
