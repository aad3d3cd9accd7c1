use crate::rules::prelude::*;

rule! {
    /// 金额的小数位数与表头要求不符
    ///
    /// ## 检查什么
    /// 金额列的表头规定了小数位数（`保留N位小数`），而所填数值的小数位数与之不同。
    ///
    /// ## 为什么重要
    /// 未按表头自身的要求填写；金额可能经过了舍入，或是按其他单位填写。
    ///
    /// ## 示例
    /// 周口市科技局2019年度报告：表头为`采购总金额(单位:万元,保留4位小数)`，单元格
    /// 填写`20.66`。
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
