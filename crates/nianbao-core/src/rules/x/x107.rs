use crate::rules::figures::check_pct;
use crate::rules::prelude::*;

rule! {
    /// 正文百分比是截断值而非四舍五入值
    ///
    /// ## What it checks
    /// As X106, where the printed percentage equals the truncated but not the rounded value.
    ///
    /// ## Why it matters
    /// Shares are rounded half-up; a truncated value is off by one in the last digit.
    ///
    /// ## Example
    /// 35 / 805 = 4.348%, printed `4.34%` → expected 4.35%.
    X107, "text-percentage-truncated", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_pct(cx, out, &RULE, true);
}
