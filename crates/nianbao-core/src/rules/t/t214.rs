use crate::rules::prelude::*;

rule! {
    /// 采购项目数量与采购总金额一个为零一个不为零
    ///
    /// ## 检查什么
    /// 2019年格式（试行）表二`政府集中采购`：
    /// `采购项目数量 = 0`而`采购总金额 > 0`，或者相反。
    ///
    /// ## 为什么重要
    /// 有采购金额而无采购项目，或有采购项目而无采购金额，说明两个单元格中有一个填错
    /// 或漏填。
    ///
    /// ## 示例
    /// `采购项目数量` 0，`采购总金额` 12.5。
    T214, "t2-procurement-pair", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let check = &identities::T214;
    let identities::T2Relation::BothOrNeither { a, b } = check.relation else {
        return;
    };
    if cx.model.format != Some(check.format) {
        return;
    }
    let Some(t) = cx.model.t2() else { return };
    let row = check.rows[0];
    let (Some(n), Some(a)) = (operand(t, row, a), operand(t, row, b)) else {
        return;
    };
    let (zero, other) = if n.value == Decimal::ZERO && a.value > Decimal::ZERO {
        (&n, &a)
    } else if a.value == Decimal::ZERO && n.value > Decimal::ZERO {
        (&a, &n)
    } else {
        return;
    };
    let f = RULE.finding(
        format!(
            "政府集中采购：采购项目数量为{}、采购总金额为{}，两者应同为零或同不为零",
            n.cell.shown(),
            a.cell.shown()
        ),
    )
    .at(cell_span(t, zero))
    .formula("采购项目数量 = 0 ⇔ 采购总金额 = 0")
    .expected("> 0")
    .actual(zero.cell.shown())
    .cell(zero.path());
    out.push(with_operands(f, &[other]));
}
