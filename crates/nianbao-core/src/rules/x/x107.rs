use crate::rules::figures::check_pct;
use crate::rules::prelude::*;

rule! {
    /// 正文百分比是截断值而非四舍五入值
    ///
    /// ## 检查什么
    /// 同X106，但所印百分比等于截断值，而不等于四舍五入值。
    ///
    /// ## 为什么重要
    /// 占比应四舍五入；直接截断会使末位相差1。
    ///
    /// ## 示例
    /// 35 / 805 = 4.348%，印为`4.34%`，应为4.35%。
    X107, "text-percentage-truncated", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_pct(cx, out, &RULE, true);
}
