use crate::rules::prelude::*;

rule! {
    /// 正文所述政府集中采购与表二不符
    ///
    /// ## 检查什么
    /// 2019年格式（试行）：正文`政府集中采购 N 笔/项/个/次`对照
    /// `采购项目数量`，`采购(总)?金额 M (万元|元)`对照`采购总金额`。
    /// 金额按单元格所注单位换算，单元格未注明的按表头单位；二者均未注明的，
    /// 两种理解均可接受。两数之差不超过精度较低一方末位小数的半个单位的，视为一致。
    ///
    /// ## 为什么重要
    /// 正文与表二反映的是同一批采购。
    ///
    /// ## 示例
    /// `政府集中采购6笔，采购总金额20.66万元`，与表头注明万元时的6和`20.66`一致。
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
