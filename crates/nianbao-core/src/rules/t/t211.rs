use crate::rules::prelude::*;

rule! {
    /// 本年新公开数量大于对外公开总数量
    ///
    /// ## 检查什么
    /// 2019年格式（试行）表二`规章`和`规范性文件`两行：
    /// `本年新公开数量 ≤ 对外公开总数量`。
    ///
    /// ## 为什么重要
    /// 本年新公开的文件是全部对外公开文件的一部分；本年数大于总数，说明两列填反或
    /// 录入有误。
    ///
    /// ## 示例
    /// `本年新公开数量` 12，`对外公开总数量` 10。
    T211, "t2-published-exceeds-total", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let check = &identities::T211;
    let identities::T2Relation::AtMost { left, right } = check.relation else {
        return;
    };
    if cx.model.format != Some(check.format) {
        return;
    }
    let Some(t) = cx.model.t2() else { return };
    for &r in check.rows {
        let (Some(p), Some(tot)) = (operand(t, r, left), operand(t, r, right[0])) else {
            continue;
        };
        if p.value > tot.value {
            let row = t.row(r).map(|x| x.label.clone()).unwrap_or_default();
            let f = RULE.finding(
                format!("表二“{row}”本年新公开数量大于对外公开总数量"),
            )
            .at(cell_span(t, &p))
            .formula(format!(
                "本年新公开数量 ≤ 对外公开总数量：{} ≤ {}",
                p.cell.shown(),
                tot.cell.shown()
            ))
            .expected(format!("≤ {}", tot.value))
            .actual(p.value.to_string())
            .cell(p.path());
            out.push(with_operands(f, &[&tot]));
        }
    }
}
