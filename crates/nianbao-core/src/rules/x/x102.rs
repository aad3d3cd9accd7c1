use crate::rules::figures::check_counts;
use crate::rules::prelude::*;
use crate::text::figures::Kind;

rule! {
    /// 正文所述上年结转件数与表三不符
    ///
    /// ## 检查什么
    /// 正文中`上年(度)?结转…N 件`（或`N 件…上年结转`）所述件数，
    /// 与表三`二、上年结转政府信息公开申请数量`的总计对照。
    ///
    /// ## 为什么重要
    /// 同X101：正文与表三反映的是同一批申请，两者不一致，说明其中必有一处有误。
    ///
    /// ## 示例
    /// `含上年度结转申请 34 件`，与表中34一致。
    X102, "text-carried-over", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| k == Kind::CarriedOver);
}
