use crate::rules::prelude::*;

rule! {
    /// 采购总金额没有单位
    ///
    /// ## What it checks
    /// `t2.procurement.amount` (2019 format) has no unit in the cell or in its header.
    ///
    /// ## Why it matters
    /// The trial template's unit for 采购总金额 is not confirmed; reports use both 元 and 万元. Without a unit the amount cannot be compared with the prose exactly, so X115 accepts either reading.
    ///
    /// ## Example
    /// `采购总金额` with the cell `38.5`.
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
