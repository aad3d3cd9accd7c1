use crate::rules::figures::check_counts;
use crate::rules::prelude::*;
use crate::text::figures::Kind;

rule! {
    /// 正文所述收到申请件数与表三“本年新收”不符
    ///
    /// ## 检查什么
    /// 正文中`(本年|全年|YYYY年)…(新收|收到|受理)…申请 N 件/份/条`所述件数，
    /// 与表三`一、本年新收政府信息公开申请数量`的总计对照。
    /// N等于本年新收与上年结转之和的，也视为一致（部分报告将两者合并表述）。
    ///
    /// ## 为什么重要
    /// 正文与表三反映的是同一批申请，两者不一致，说明其中必有一处有误。
    ///
    /// ## 示例
    /// `全市共受理政府信息公开申请 3119 件`，与表中3119一致（淮安市人民政府2024年度报告）。
    X101, "text-new-received", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| k == Kind::NewReceived);
}
