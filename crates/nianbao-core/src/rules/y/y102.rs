use crate::rules::prelude::*;

rule! {
    /// 现行有效件数与上年现行有效件数及本年制发、废止件数不符
    ///
    /// ## 检查什么
    /// 提供上年报告且两年均为2021年格式时，对规章和行政规范性文件，
    /// 将`现行有效件数`与上年`现行有效件数` + 本年`本年制发件数` − `本年废止件数`对照。
    ///
    /// ## 为什么重要
    /// 现行有效文件的数量随制发和废止而增减；文件失效、修改也会改变这一数量，故为警告。
    ///
    /// ## 示例
    /// 上年现行有效12件，本年制发3件、废止1件：应为14件。
    Y102, "in-force-progression", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(p) = previous_matching(cx) else {
        return;
    };
    if cx.model.format != Some(Format::B) || p.format != Some(Format::B) {
        return;
    }
    let (Some(t2), Some(p2)) = (cx.model.t2(), p.t2()) else {
        return;
    };
    for row in [T2Row::Regulations, T2Row::NormativeDocuments] {
        let (Some(now), Some(last), Some(issued), Some(repealed)) = (
            operand(t2, row, T2Col::InForce),
            operand(p2, row, T2Col::InForce),
            operand(t2, row, T2Col::Issued),
            operand(t2, row, T2Col::Repealed),
        ) else {
            continue;
        };
        let want = last.value + issued.value - repealed.value;
        if want == now.value {
            continue;
        }
        let mut f = RULE.finding(
            format!("{}与上年现行有效件数及本年制发、废止件数不符", now.label()),
        )
        .at(cell_span(t2, &now))
        .expected(want.to_string())
        .actual(now.cell.shown())
        .formula(format!(
            "现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数 = {} + {} − {} = {want}",
            last.cell.shown(),
            issued.cell.shown(),
            repealed.cell.shown()
        ))
        .cell(now.path());
        if let Some(s) = last.cell.span {
            f = f.related_previous(
                s,
                format!("上年报告 {} = {}", last.label(), last.cell.shown()),
            );
        }
        out.push(with_operands(f, &[&issued, &repealed]));
    }
}
