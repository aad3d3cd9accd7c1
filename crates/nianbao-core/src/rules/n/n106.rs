use crate::rules::prelude::*;

rule! {
    /// 金额单元格的单位与表头不一致
    ///
    /// ## 检查什么
    /// 金额单元格中写明的单位与所在列表头的单位是否一致。
    /// 2021年格式的表头单位一律为万元。
    ///
    /// ## 为什么重要
    /// 以元为单位的金额填在万元表头下，按表头读取会放大10 000倍。正文与表格比对的
    /// 各项规则按单元格自身写明的单位计算。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号印发的2021年格式中，表二`第二十条第（八）项`的表头为
    /// `本年收费金额（单位：万元）`，万元是该格式唯一印明的金额单位。
    ///
    /// ## 示例
    /// 表头为`采购总金额(单位:万元)`，单元格填写`251000元`；表头为
    /// `本年收费金额（单位：万元）`，单元格填写`3.5元`。
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
