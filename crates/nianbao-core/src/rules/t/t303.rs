use crate::rules::prelude::*;

rule! {
    /// 表三某行的总计不等于各类申请人之和
    ///
    /// ## 检查什么
    /// 表三每一行：
    /// `总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他`。
    /// 报告自行增加的`法人或其他组织小计`列（官方格式中没有）不计入。
    ///
    /// ## 为什么重要
    /// 按列名含义，`总计`列就是各类申请人列之和。
    ///
    /// ## 示例
    /// `（四）无法提供`下的`1.本机关不掌握相关政府信息`行：
    /// 746 + 12 + 0 + 0 + 10 + 1 = 769，而`总计`为 768。
    T303, "t3-row-sum", Error
}


fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = cx.model.t3() else { return };
    for r in t.rows.iter().filter(|r| {
        matches!(r.kind, RowKind::Official | RowKind::Subtotal) && r.shape_error.is_none()
    }) {
        if let Some(f) = sum_check(
            cx,
            &RULE,
            t,
            &identities::t3_row_sum(r.key),
            &|| format!("表三“{}”行：总计不等于各类申请人之和", r.label),
            "总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
        ) {
            out.push(f);
        }
    }
}
