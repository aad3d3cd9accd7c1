use crate::rules::prelude::*;

rule! {
    /// 上一年项目数量加本年增/减小于零
    ///
    /// ## What it checks
    /// For 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制 and 行政事业性收费 (2019 format): `上一年项目数量 + 本年增/减 ≥ 0`.
    ///
    /// ## Why it matters
    /// The sum is the number of items now; it cannot be negative. Usually the decrease was typed larger than the items that existed.
    ///
    /// ## Example
    /// previous 2, change -5.
    T212, "t2-items-below-zero", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let check = &identities::T212;
    let identities::T2Relation::NonNegative { terms } = check.relation else {
        return;
    };
    if cx.model.format != Some(check.format) {
        return;
    }
    let Some(t) = cx.model.t2() else { return };
    for &r in check.rows {
        let (Some(p), Some(c)) = (operand(t, r, terms[0]), operand(t, r, terms[1])) else {
            continue;
        };
        let now = p.value + c.value;
        if now < Decimal::ZERO {
            let row = t.row(r).map(|x| x.label.clone()).unwrap_or_default();
            let f = RULE.finding(format!("表二“{row}”上一年项目数量加本年增/减小于零"))
                .at(cell_span(t, &c))
                .formula(format!(
                    "上一年项目数量 + 本年增/减 ≥ 0：{} + ({}) = {}",
                    p.cell.shown(),
                    c.cell.shown(),
                    now
                ))
                .expected(format!("≥ -{}", p.value))
                .actual(c.value.to_string())
                .cell(c.path());
            out.push(with_operands(f, &[&p]));
        }
    }
}
