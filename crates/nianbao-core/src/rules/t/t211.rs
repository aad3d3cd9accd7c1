use crate::rules::prelude::*;

rule! {
    /// 本年新公开数量大于对外公开总数量
    ///
    /// ## What it checks
    /// For 规章 and 规范性文件 (2019 format): `本年新公开数量 ≤ 对外公开总数量`.
    ///
    /// ## Why it matters
    /// The documents published this year are part of all documents published; a larger yearly figure means the columns were swapped or mistyped.
    ///
    /// ## Example
    /// published 12, total_public 10.
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
