use crate::rules::prelude::*;

rule! {
    /// 上一年项目数量加本年增/减小于零
    ///
    /// ## 检查什么
    /// 2019年格式（试行）表二`行政许可`、`其他对外管理服务事项`、`行政处罚`、`行政强制`
    /// 和`行政事业性收费`各行：`上一年项目数量 + 本年增/减 ≥ 0`。
    ///
    /// ## 为什么重要
    /// 两者之和即现有项目数量，不可能为负数。通常是填写的减少数大于原有项目数。
    ///
    /// ## 示例
    /// `上一年项目数量` 2，`本年增/减` -5。
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
