use crate::rules::prelude::*;

rule! {
    /// 没有事项却有处理决定
    ///
    /// ## 检查什么
    /// 2019年格式（试行）表二`行政许可`、`其他对外管理服务事项`、`行政处罚`和`行政强制`
    /// 各行：`处理决定数量 > 0`，而`上一年项目数量 + 本年增/减 = 0`。
    ///
    /// ## 为什么重要
    /// 处理决定是针对本机关现有的事项作出的；有处理决定却没有事项，说明项目数量各列
    /// 可能未填写而保留为零。
    ///
    /// ## 示例
    /// `行政处罚`：`上一年项目数量` 0，加`本年增/减`后仍为 0，`处理决定数量` 5。
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
