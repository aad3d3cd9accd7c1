use crate::rules::prelude::*;

rule! {
    /// 单元格内容不是数字
    ///
    /// ## What it checks
    /// Cell text that is neither a number (after the normalisations of N109) nor a placeholder.
    ///
    /// ## Why it matters
    /// The rules that need the cell cannot run, so the table is only partly checked.
    ///
    /// ## Example
    /// `详见附件` or `50%` in a count cell.
    N103, "cell-not-numeric", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for x in official_cells(cx.model) {
        let (t, r, c) = (x.table, x.row, x.cell);
        if c.reading.value == Value::Text {
            out.push(
                RULE.finding(
                    format!(
                        "{}“{}”行的单元格内容“{}”不是数字，相关检查已跳过",
                        t.id.name(),
                        r.label,
                        c.raw
                    ),
                )
                .at_opt(c.span)
                .expected("数字")
                .actual(c.raw)
                .cell(x.path()),
            );
        }
    }
}
