use crate::rules::prelude::*;

rule! {
    /// 上一年项目数量与上年报告的项目数及增减不符
    ///
    /// ## What it checks
    /// With last year's report, both in the 2019 format: for 行政许可, 其他对外管理服务事项, 行政处罚, 行政强制 and 行政事业性收费, this year's `上一年项目数量` against last year's `上一年项目数量` + `本年增/减`.
    ///
    /// ## Why it matters
    /// Last year's count after its change is this year's starting count.
    ///
    /// ## Example
    /// Last year 28 items and +12; this year's 上一年项目数量 should be 40.
    Y103, "items-progression", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(p) = previous_matching(cx) else {
        return;
    };
    if cx.model.format != Some(Format::A) || p.format != Some(Format::A) {
        return;
    }
    let (Some(t2), Some(p2)) = (cx.model.t2(), p.t2()) else {
        return;
    };
    for row in [
        T2Row::Licensing,
        T2Row::OtherServices,
        T2Row::Punishment,
        T2Row::Coercion,
        T2Row::Fees,
    ] {
        let (Some(now), Some(last), Some(change)) = (
            operand(t2, row, T2Col::Previous),
            operand(p2, row, T2Col::Previous),
            operand(p2, row, T2Col::Change),
        ) else {
            continue;
        };
        let want = last.value + change.value;
        if want == now.value {
            continue;
        }
        let mut f = RULE.finding(format!("{}与上年报告不符", now.label()))
            .at(cell_span(t2, &now))
            .expected(want.to_string())
            .actual(now.cell.shown())
            .formula(format!(
                "上一年项目数量 = 上年报告（上一年项目数量 + 本年增/减）= {} + {} = {want}",
                last.cell.shown(),
                change.cell.shown()
            ))
            .cell(now.path());
        for o in [&last, &change] {
            if let Some(s) = o.cell.span {
                f = f.related_previous(s, format!("上年报告 {} = {}", o.label(), o.cell.shown()));
            }
        }
        out.push(f);
    }
}
