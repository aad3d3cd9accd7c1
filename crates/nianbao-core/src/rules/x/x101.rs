use crate::rules::figures::check_counts;
use crate::rules::prelude::*;
use crate::text::figures::Kind;

rule! {
    /// 正文所述收到申请件数与表三“本年新收”不符
    ///
    /// ## What it checks
    /// `(本年|全年|YYYY年)…(新收|收到|受理)…申请 N 件/份/条` in the prose against table 三 `一、本年新收` 总计. N may also equal 本年新收 + 上年结转 (some reports count both).
    ///
    /// ## Why it matters
    /// The prose and table 三 report the same applications; a difference means one is wrong.
    ///
    /// ## Example
    /// `全市共受理政府信息公开申请 3119 件` = 3119 (淮安市人民政府 2024).
    X101, "text-new-received", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| k == Kind::NewReceived);
}
