use crate::rules::prelude::*;

rule! {
    /// 采购总金额没有单位
    ///
    /// ## 检查什么
    /// 2019年格式（试行）表二`政府集中采购`的`采购总金额`，单元格和表头均未注明单位。
    ///
    /// ## 为什么重要
    /// 2019年格式（试行）对`采购总金额`规定的单位无法确认，各地报告元和万元都有使用。
    /// 没有单位，金额就无法与正文准确比对，
    /// 因此规则`X115`对按元、按万元两种读法均予接受。
    ///
    /// ## 示例
    /// 表头为`采购总金额`，单元格填写`38.5`。
    N107, "amount-unit-unknown", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format != Some(Format::A) {
        return;
    }
    let Some(t2) = cx.model.t2() else { return };
    let Some(c) = t2.cell(T2Row::Procurement, T2Col::Amount) else {
        return;
    };
    let header_unit = t2.amount_header.as_ref().and_then(|h| h.unit);
    if c.reading.unit.is_none() && header_unit.is_none() && c.span.is_some() {
        out.push(
            RULE.finding("采购总金额未注明单位（元或万元）")
                .at_opt(c.span)
                .expected("注明单位")
                .actual(c.raw)
                .cell(t2.path(T2Row::Procurement, T2Col::Amount)),
        );
    }
}
