use crate::rules::figures::check_pct;
use crate::rules::prelude::*;

rule! {
    /// 正文百分比与件数和表三不符
    ///
    /// ## What it checks
    /// A percentage attached to a figure of X101–X105 (`258件（33.9%）`, `…，占…32%`), recomputed as 100·n/base for base ∈ {（七）总计, 本年新收, 本年新收 + 上年结转}; it passes if one base gives the printed value rounded half-up to its decimals.
    ///
    /// ## Why it matters
    /// A wrong share misstates the result even when the counts are right.
    ///
    /// ## Example
    /// `258件（33.9%）` with （七）总计 805: 258 / 805 = 32.0%.
    X106, "text-percentage", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_pct(cx, out, &RULE, false);
}
