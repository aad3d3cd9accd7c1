use crate::rules::prelude::*;

rule! {
    /// 金额单元格的单位与表头不一致
    ///
    /// ## What it checks
    /// The unit written in an amount cell against the unit in its header. In the 2021 format the header unit is always 万元.
    ///
    /// ## Why it matters
    /// An amount in 元 under a 万元 header is 10 000 times too large when read by the header. The text rules use the cell's own unit.
    ///
    /// ## Example
    /// `251000元` under `采购总金额(单位:万元)`; `3.5元` under `本年收费金额（单位：万元）`.
    N106, "amount-unit-conflict", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let t2 = cx.model.t2();
    let header_unit = t2
        .and_then(|t| t.amount_header.as_ref())
        .and_then(|h| h.unit)
        .or((cx.model.format == Some(Format::B)).then_some(Unit::TenThousandYuan));
    let Some(hu) = header_unit else { return };
    for x in official_cells(cx.model) {
        let (_, _, c) = (x.table, x.row, x.cell);
        if !x.is_amount() {
            continue;
        }
        if let Some(cu) = c.reading.unit.filter(|u| *u != hu) {
            let mut f = RULE.finding(
                format!(
                    "金额单元格写的单位是“{}”，表头单位是“{}”",
                    cu.label(),
                    hu.label()
                ),
            )
            .at_opt(c.span)
            .expected(hu.label())
            .actual(cu.label())
            .cell(x.path());
            if let Some(h) = t2.and_then(|t| t.amount_header.as_ref()) {
                f = f.related(h.span, "表头");
            }
            out.push(f.help("按表头单位填写数字，不要在单元格中另写单位"));
        }
    }
}
