use crate::rules::figures::check_pct;
use crate::rules::prelude::*;

rule! {
    /// 正文百分比与件数和表三不符
    ///
    /// ## 检查什么
    /// 与X101至X105所比对件数相连的百分比（`258件（33.9%）`、`…，占…32%`），
    /// 按100·n/基数重新计算，基数取`（七）总计`、本年新收、本年新收 + 上年结转三者之一；
    /// 任一基数的结果按所印小数位数四舍五入后与所印数值相同的，视为一致。
    ///
    /// ## 为什么重要
    /// 件数即使无误，占比有误也会错误反映办理结果。
    ///
    /// ## 示例
    /// `258件（33.9%）`，`（七）总计`为805：258 / 805 = 32.0%。
    X106, "text-percentage", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_pct(cx, out, &RULE, false);
}
