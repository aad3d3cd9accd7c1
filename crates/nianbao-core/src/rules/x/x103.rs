use crate::rules::figures::check_counts;
use crate::rules::prelude::*;
use crate::text::figures::Kind;

rule! {
    /// 正文所述结转下年度件数与表三不符
    ///
    /// ## 检查什么
    /// 正文中`结转(至|到)?下(一)?年(度)?…N 件`、
    /// `顺延(至|到)下年度…N 件`及`N 件顺延到下年度`所述件数，
    /// 与表三`四、结转下年度继续办理`的总计对照。
    ///
    /// ## 为什么重要
    /// 同X101：正文与表三反映的是同一批申请，两者不一致，说明其中必有一处有误。
    ///
    /// ## 示例
    /// `另有 103 件顺延到下年度答复`，与表中103一致。
    X103, "text-carried-forward", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| k == Kind::CarriedForward);
}
