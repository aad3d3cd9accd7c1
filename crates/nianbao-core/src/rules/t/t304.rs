use crate::rules::prelude::*;

rule! {
    /// 表三小计不等于其各项之和
    ///
    /// ## 检查什么
    /// 仅在报告含有官方格式中没有的小计时检查：每个小计行逐列核对
    /// （`（三）不予公开小计 = （三）1至8之和`，`（四）`、`（五）`以及2021年格式的`（六）`
    /// 同理）；`法人或其他组织小计`列逐行核对
    /// （`= 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他`）。
    ///
    /// ## 为什么重要
    /// 按其名称，小计应等于所含各项之和。小计由本规则核对，规则`T302`不再重复计入。
    ///
    /// ## 示例
    /// `（三）`小计为 3，而第1至8项合计为 4。
    T304, "t3-subtotal", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = cx.model.t3() else { return };
    for r in t
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Subtotal && r.shape_error.is_none())
    {
        let RowKey::Subtotal(g) = r.key else { continue };
        if g == Group::None || (g == Group::Other && !t.three_other_rows) {
            continue;
        }
        for col in T3Col::VALUES {
            if let Some(f) = sum_check(
                cx,
                &RULE,
                t,
                &identities::t3_subtotal(g, t.three_other_rows, col),
                &|| format!("表三“{}”不等于{}各项之和", r.label, g.label()),
                &format!("{}小计 = 各项之和", g.label()),
            ) {
                out.push(f);
            }
        }
    }
    if t.extra_column.is_some() {
        for r in t.rows.iter().filter(|r| r.shape_error.is_none()) {
            if let Some(f) = sum_check(
                cx,
                &RULE,
                t,
                &identities::t3_legal_person_subtotal(r.key),
                &|| format!("表三“{}”行：法人或其他组织小计不等于五类组织之和", r.label),
                "法人或其他组织小计 = 商业企业+科研机构+社会公益组织+法律服务机构+其他",
            ) {
                out.push(f);
            }
        }
    }
}
