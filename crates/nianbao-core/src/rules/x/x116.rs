use crate::rules::prelude::*;

rule! {
    /// 正文所述行政事业性收费金额与表二不符
    ///
    /// ## 检查什么
    /// 2021年格式：正文`(收取)行政事业性收费…M (万元|元)`对照表二`行政事业性收费`
    /// 的`本年收费金额（单位：万元）`，元换算为万元。信息处理费金额一律不与表二对照。
    ///
    /// ## 为什么重要
    /// 正文与表二反映的是同一批收费；元与万元混淆会相差10 000倍。
    ///
    /// ## 示例
    /// `收取行政事业性收费 86.4 万元`，而单元格为`864`。
    X116, "text-fee-amount", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    if m.format != Some(Format::B) {
        return;
    }
    let Some(t2) = m.t2() else { return };
    for sn in cx.sentences() {
        if !sn.has(kw::行政事业性收费) {
            continue;
        }
        let s: &str = &sn.text;
        let Some(i) = sn.find("行政事业性收费") else {
            continue;
        };
        if sn.has(kw::处理费) || m.prose.scope.excludes(sn) {
            continue;
        }
        let Some((v, unit, sp)) = crate::text::numbers::amount_after(s, i + "行政事业性收费".len(), 8)
        else {
            continue;
        };
        let Some(o) = operand(t2, T2Row::Fees, T2Col::Amount10kYuan) else {
            continue;
        };
        let cell_unit = o.cell.reading.unit.or(Some(Unit::TenThousandYuan));
        if crate::text::numbers::amounts_agree(v, unit, o.value, cell_unit) {
            continue;
        }
        let u = if unit == Unit::Yuan { "元" } else { "万元" };
        let f = RULE.finding(format!("正文所述行政事业性收费{v}{u}与表二不符"))
            .at(sn.map(sp))
            .expected(format!("{}万元", o.cell.shown()))
            .actual(format!("{v}{u}"))
            .formula("正文收费金额 = 表二 行政事业性收费 本年收费金额（单位：万元）");
        out.push(with_operands(f, &[&o]));
    }
}
