use crate::rules::figures::check_counts;
use crate::rules::prelude::*;
use crate::text::figures::Kind;

rule! {
    /// 正文所述上年结转件数与表三不符
    ///
    /// ## What it checks
    /// `上年(度)?结转…N 件` (or `N 件…上年结转`) against table 三 `二、上年结转` 总计.
    ///
    /// ## Why it matters
    /// As X101.
    ///
    /// ## Example
    /// `含上年度结转申请 34 件` = 34.
    X102, "text-carried-over", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| k == Kind::CarriedOver);
}
