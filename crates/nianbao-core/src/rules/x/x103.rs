use crate::rules::figures::check_counts;
use crate::rules::prelude::*;
use crate::text::figures::Kind;

rule! {
    /// 正文所述结转下年度件数与表三不符
    ///
    /// ## What it checks
    /// `结转(至|到)?下(一)?年(度)?…N 件`, `顺延(至|到)下年度…N 件` and `N 件顺延到下年度` against table 三 `四、结转下年度继续办理` 总计.
    ///
    /// ## Why it matters
    /// As X101.
    ///
    /// ## Example
    /// `另有 103 件顺延到下年度答复` = 103.
    X103, "text-carried-forward", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| k == Kind::CarriedForward);
}
