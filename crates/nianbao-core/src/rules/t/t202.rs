use crate::rules::prelude::*;

rule! {
    /// 部门的收费金额大得可疑（单位应为万元）
    ///
    /// ## What it checks
    /// In a department report in the 2021 format, `本年收费金额（单位：万元）` ≥ 10000, i.e. at least 1亿元.
    ///
    /// ## Why it matters
    /// The only printed unit is 万元, and an amount typed in 元 comes out 10 000 times too large.
    ///
    /// ## Example
    /// A county bureau with `125000`.
    T202, "t2-fee-magnitude", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format != Some(Format::B) || cx.model.kind() != Some(Kind::Department) {
        return;
    }
    let Some(t) = cx.model.t2() else { return };
    let Some(a) = operand(t, T2Row::Fees, T2Col::Amount10kYuan) else {
        return;
    };
    if a.value >= Decimal::from_int(10000) {
        out.push(
            RULE.finding("请确认金额单位为万元而非元")
                .at(cell_span(t, &a))
                .expected("< 10000（万元）")
                .actual(a.value.to_string())
                .formula("本年收费金额以万元为单位；≥ 10000万元即1亿元以上")
                .cell(a.path()),
        );
    }
}
