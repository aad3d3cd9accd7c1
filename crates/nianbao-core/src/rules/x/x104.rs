use crate::rules::figures::check_counts;
use crate::rules::prelude::*;
use crate::text::figures::Kind;

rule! {
    /// 正文所述办结件数与表三“总计”不符
    ///
    /// ## 检查什么
    /// 正文中`办结 N 件`、`答复 N 件`、`办理完毕 N 件`所述件数，
    /// 与表三`（七）总计`行的总计对照（`延期答复`、
    /// `当场答复`等只占其中一部分的件数不作比较）。含义不明确的`办理…申请 N 件`，
    /// N等于`（七）总计`、本年新收或本年新收与上年结转之和的，均视为一致。
    ///
    /// ## 为什么重要
    /// 同X101：正文与表三反映的是同一批申请，两者不一致，说明其中必有一处有误。
    ///
    /// ## 示例
    /// `答复 3050 件`，与表中3050一致。
    X104, "text-processed", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| {
        matches!(k, Kind::Processed | Kind::ProcessedLoose)
    });
}
