use crate::rules::prelude::*;

rule! {
    /// 本年制发件数大于现行有效件数与本年废止件数之和
    ///
    /// ## 检查什么
    /// 2021年格式表二`规章`和`行政规范性文件`两行：
    /// `本年制发件数 ≤ 现行有效件数 + 本年废止件数`。
    ///
    /// ## 为什么重要
    /// 本年制发的文件，除已废止的以外，到年末仍应现行有效。文件到期失效属于少见的
    /// 例外，因此只作警告。
    ///
    /// ## 示例
    /// `行政规范性文件`：本年制发 8 件，本年废止 0 件，现行有效 5 件。
    T201, "t2-issued-exceeds-stock", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let check = &identities::T201;
    let identities::T2Relation::AtMost { left, right } = check.relation else {
        return;
    };
    if cx.model.format != Some(check.format) {
        return;
    }
    let Some(t) = cx.model.t2() else { return };
    for &r in check.rows {
        let (Some(i), Some(f), Some(rp)) = (
            operand(t, r, left),
            operand(t, r, right[0]),
            operand(t, r, right[1]),
        ) else {
            continue;
        };
        let stock = f.value + rp.value;
        if i.value > stock {
            let row = t.row(r).map(|x| x.label.clone()).unwrap_or_default();
            let finding = RULE
                .finding(format!(
                    "表二“{row}”本年制发件数大于现行有效件数与本年废止件数之和"
                ))
                .at(cell_span(t, &i))
                .formula(format!(
                    "本年制发件数 ≤ 现行有效件数 + 本年废止件数：{} ≤ {} + {}",
                    i.cell.shown(),
                    f.cell.shown(),
                    rp.cell.shown()
                ))
                .expected(format!("≤ {stock}"))
                .actual(i.value.to_string());
            out.push(with_operands(finding.cell(i.path()), &[&f, &rp]));
        }
    }
}
