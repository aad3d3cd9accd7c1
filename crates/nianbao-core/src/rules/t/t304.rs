use crate::rules::prelude::*;

rule! {
    /// 表三小计不等于其各项之和
    ///
    /// ## What it checks
    /// Where non-official subtotals are present: each subtotal row per column (`（三）不予公开小计 = （三）1至8之和`, and likewise for （四）, （五） and the 2021 format's （六）), and a `法人或其他组织小计` column per row (`= 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他`).
    ///
    /// ## Why it matters
    /// A subtotal is, by its own label, the sum of its parts; it is checked here and never counted again by T302.
    ///
    /// ## Example
    /// （三）小计 3 while 1至8 add up to 4.
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
