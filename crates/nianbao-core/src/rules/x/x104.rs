use crate::rules::figures::check_counts;
use crate::rules::prelude::*;
use crate::text::figures::Kind;

rule! {
    /// 正文所述办结件数与表三“总计”不符
    ///
    /// ## What it checks
    /// `办结 N 件`, `答复 N 件`, `办理完毕 N 件` against table 三 `（七）总计` 总计 (subsets such as `延期答复`, `当场答复` are not compared). The ambiguous `办理…申请 N 件` passes if N equals （七）总计, 本年新收, or 本年新收 + 上年结转.
    ///
    /// ## Why it matters
    /// As X101.
    ///
    /// ## Example
    /// `答复 3050 件` = 3050.
    X104, "text-processed", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| {
        matches!(k, Kind::Processed | Kind::ProcessedLoose)
    });
}
