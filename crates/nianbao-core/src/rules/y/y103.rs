use crate::rules::prelude::*;

rule! {
    /// 上一年项目数量与上年报告的项目数及增减不符
    ///
    /// ## 检查什么
    /// 提供上年报告且两年均为2019年格式（试行）时，对行政许可、其他对外管理服务事项、
    /// 行政处罚、行政强制和行政事业性收费，
    /// 将本年`上一年项目数量`与上年报告的`上一年项目数量` + `本年增/减`对照。
    ///
    /// ## 为什么重要
    /// 上年项目数量加上当年增减，即为本年的起始项目数量。
    ///
    /// ## 示例
    /// 上年28项、增12项，本年`上一年项目数量`应为40。
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
