use crate::rules::prelude::*;

rule! {
    /// 部门的收费金额大得可疑（单位应为万元）
    ///
    /// ## 检查什么
    /// 采用2021年格式的部门报告中，`本年收费金额（单位：万元）` ≥ 10000，
    /// 即不少于1亿元。
    ///
    /// ## 为什么重要
    /// 按元填写的金额，按万元读取会放大10 000倍。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号印发的2021年格式中，表二`本年收费金额（单位：万元）`
    /// 以万元为单位，这是表中唯一印明的单位。
    ///
    /// ## 示例
    /// 某县级局填写`125000`。
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
