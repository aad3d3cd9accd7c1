use crate::rules::prelude::*;

rule! {
    /// 表四总计不等于各结果之和
    ///
    /// ## 检查什么
    /// 表四`行政复议`、`未经复议直接起诉`和`复议后起诉`三组：
    /// `总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`。
    ///
    /// ## 为什么重要
    /// 每组的`总计`列即该组各项结果之和。本工具有意不设表四与表三之间的核对规则：
    /// 复议和诉讼案件可能涉及以往年度的申请。
    ///
    /// ## 示例
    /// `行政复议`：5 + 1 + 0 + 1 = 7，而`总计`为 6。
    T401, "t4-group-sum", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = cx.model.t4() else { return };
    for &g in T4Group::ALL {
        let name = g.label();
        if let Some(f) = sum_check(
            cx,
            &RULE,
            t,
            &identities::t4_group(g),
            &|| format!("表四“{name}”：总计不等于各结果之和"),
            &format!("{name} 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结"),
        ) {
            out.push(f);
        }
    }
}
