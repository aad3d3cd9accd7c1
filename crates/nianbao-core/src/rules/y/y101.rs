use crate::rules::prelude::*;

rule! {
    /// 本年“上年结转”与上年报告“结转下年度继续办理”不符
    ///
    /// ## 检查什么
    /// 提供上年报告时，逐列将本年表三`二、上年结转政府信息公开申请数量`
    /// 与上年报告`四、结转下年度继续办理`对照。跨越2019年格式（试行）
    /// 到2021年格式的变更同样适用（这两行未变）。
    ///
    /// ## 为什么重要
    /// 上年末结转下年度继续办理的申请，就是本年的上年结转申请。这一关系源自两行的含义，
    /// 并无官方文件明文规定，故为警告。
    ///
    /// ## 示例
    /// 2023年度报告`结转下年度继续办理`总计为3，而2024年度报告`上年结转`总计为0。
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
