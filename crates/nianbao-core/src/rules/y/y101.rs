use crate::rules::prelude::*;

rule! {
    /// 本年“上年结转”与上年报告“结转下年度继续办理”不符
    ///
    /// ## What it checks
    /// With last year's report: for each column of table 三, this year's `二、上年结转` against last year's `四、结转下年度继续办理`. Works across the 2019 → 2021 format change (the rows are the same).
    ///
    /// ## Why it matters
    /// Applications carried forward at the end of last year are the ones carried over into this year. No official text states the identity, hence a warning.
    ///
    /// ## Example
    /// 2023 结转下年度 总计 3, but 2024 上年结转 总计 0.
    Y101, "carried-over-continuity", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(p) = previous_matching(cx) else {
        return;
    };
    let (Some(t3), Some(p3)) = (cx.model.t3(), p.t3()) else {
        return;
    };
    for col in T3Col::VALUES {
        let (Some(now), Some(last)) = (
            operand(t3, T3Row::CarriedOver, col),
            operand(p3, T3Row::CarriedForward, col),
        ) else {
            continue;
        };
        if now.value == last.value {
            continue;
        }
        let mut f = RULE.finding(
            format!(
                "{}与上年报告的结转下年度数{}不符",
                now.label(),
                last.cell.shown()
            ),
        )
        .at(cell_span(t3, &now))
        .expected(last.cell.shown())
        .actual(now.cell.shown())
        .formula("本年 二、上年结转 = 上年报告 四、结转下年度继续办理")
        .cell(now.path());
        if let Some(s) = last.cell.span {
            f = f.related_previous(
                s,
                format!("上年报告 {} = {}", last.label(), last.cell.shown()),
            );
        }
        out.push(f);
    }
}
