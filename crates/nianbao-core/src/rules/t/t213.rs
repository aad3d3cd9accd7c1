use crate::rules::prelude::*;

rule! {
    /// 没有事项却有处理决定
    ///
    /// ## What it checks
    /// For 行政许可, 其他对外管理服务事项, 行政处罚 and 行政强制 (2019 format): `处理决定数量 > 0` while `上一年项目数量 + 本年增/减 = 0`.
    ///
    /// ## Why it matters
    /// Decisions are made on items the agency holds; decisions without items suggest the item columns were left at zero.
    ///
    /// ## Example
    /// 行政处罚: items 0 → 0, decisions 5.
    T213, "t2-decisions-without-items", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let check = &identities::T213;
    let identities::T2Relation::NeedsItems { decisions, items } = check.relation else {
        return;
    };
    if cx.model.format != Some(check.format) {
        return;
    }
    let Some(t) = cx.model.t2() else { return };
    for &r in check.rows {
        let (Some(p), Some(c), Some(d)) = (
            operand(t, r, items[0]),
            operand(t, r, items[1]),
            operand(t, r, decisions),
        ) else {
            continue;
        };
        if d.value > Decimal::ZERO && p.value + c.value == Decimal::ZERO {
            let row = t.row(r).map(|x| x.label.clone()).unwrap_or_default();
            let f = RULE.finding(
                format!("表二“{row}”现有项目数为0，却有处理决定{}件", d.value),
            )
            .at(cell_span(t, &d))
            .formula(format!(
                "上一年项目数量 + 本年增/减 = {} + ({}) = 0",
                p.cell.shown(),
                c.cell.shown()
            ))
            .expected("0")
            .actual(d.value.to_string())
            .cell(d.path());
            out.push(with_operands(f, &[&p, &c]));
        }
    }
}
