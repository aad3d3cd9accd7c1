use crate::rules::prelude::*;

rule! {
    /// 正文所述政府集中采购与表二不符
    ///
    /// ## What it checks
    /// 2019 format: `政府集中采购 N 笔/项/个/次` against 采购项目数量, and `采购(总)?金额 M (万元|元)` against 采购总金额, converted to the cell's unit (else the header's; with neither, either reading is accepted). Amounts agree within half a unit of the last decimal of the less precise figure.
    ///
    /// ## Why it matters
    /// The prose and table 二 report the same purchases.
    ///
    /// ## Example
    /// `政府集中采购6笔，采购总金额20.66万元` agrees with 6 and `20.66` under a 万元 header.
    X115, "text-procurement", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    if m.format != Some(Format::A) {
        return;
    }
    let Some(t2) = m.t2() else { return };
    for sn in cx.sentences() {
        let s: &str = &sn.text;
        if !sn.has(kw::采购) || m.prose.scope.excludes(sn) {
            continue;
        }
        if let Some(i) = sn.find("集中采购") {
            if let (Some((n, a, b, _)), Some(o)) = (
                crate::text::numbers::number_after(
                    s,
                    i + "集中采购".len(),
                    4,
                    &["笔", "项", "个", "次", "批"],
                    false,
                ),
                operand(t2, T2Row::Procurement, T2Col::Count),
            ) {
                let sp = Span::new(a, b);
                if o.value != Decimal::from_int(n) {
                    let f = RULE.finding(
                        format!("正文所述政府集中采购{n}与表二采购项目数量不符"),
                    )
                    .at(sn.map(sp))
                    .expected(o.cell.shown())
                    .actual(n.to_string())
                    .formula("正文采购笔数 = 表二 政府集中采购 采购项目数量");
                    out.push(with_operands(f, &[&o]));
                }
            }
        }
        let Some(i) = sn
            .find("采购总金额")
            .map(|i| i + "采购总金额".len())
            .or_else(|| sn.find("采购金额").map(|i| i + "采购金额".len()))
        else {
            continue;
        };
        let Some((v, unit, sp)) = crate::text::numbers::amount_after(s, i, 6) else {
            continue;
        };
        let Some(o) = operand(t2, T2Row::Procurement, T2Col::Amount) else {
            continue;
        };
        let cell_unit = o
            .cell
            .reading
            .unit
            .or_else(|| t2.amount_header.as_ref().and_then(|h| h.unit));
        if crate::text::numbers::amounts_agree(v, unit, o.value, cell_unit) {
            continue;
        }
        let u = if unit == Unit::Yuan {
            "元"
        } else {
            "万元"
        };
        let f = RULE.finding(format!("正文所述采购总金额{v}{u}与表二不符"))
            .at(sn.map(sp))
            .expected(o.cell.shown())
            .actual(format!("{v}{u}"))
            .formula("正文采购总金额 = 表二 政府集中采购 采购总金额（按单位换算）");
        out.push(with_operands(f, &[&o]));
    }
}
