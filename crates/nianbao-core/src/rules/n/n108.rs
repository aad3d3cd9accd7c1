use crate::rules::prelude::*;

rule! {
    /// 金额的小数位数与表头要求不符
    ///
    /// ## What it checks
    /// The header of an amount column prescribes a number of decimals (`保留N位小数`) and the written value has a different number of decimals.
    ///
    /// ## Why it matters
    /// The header's own instruction is not followed; the amount may have been rounded or typed in another unit.
    ///
    /// ## Example
    /// The 周口市科技局 2019 report: `20.66` under `采购总金额(单位:万元,保留4位小数)`.
    N108, "amount-precision", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(h) = cx.model.t2().and_then(|t| t.amount_header.as_ref()) else {
        return;
    };
    let Some(want) = h.decimals else { return };
    for x in official_cells(cx.model) {
        let (_, _, c) = (x.table, x.row, x.cell);
        if !x.is_amount() {
            continue;
        }
        let Value::Number(d) = c.reading.value else {
            continue;
        };
        if d.scale != want {
            out.push(
                RULE.finding(
                    format!(
                        "表头要求保留{want}位小数，金额“{}”有{}位小数",
                        c.raw, d.scale
                    ),
                )
                .at_opt(c.span)
                .related(h.span, "表头")
                .expected(format!("{want}位小数"))
                .actual(format!("{}位小数", d.scale))
                .cell(x.path()),
            );
        }
    }
}
