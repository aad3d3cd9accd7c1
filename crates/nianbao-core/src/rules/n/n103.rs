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
    one_per_table(
        cx.model,
        out,
        |x| x.cell.reading.value == Value::Text,
        |cells| {
            let x = &cells[0];
            let message = match cells.len() {
                1 => format!(
                    "{}“{}”行的单元格内容“{}”不是数字，相关检查已跳过",
                    x.table.id.name(),
                    x.row.label,
                    x.cell.raw
                ),
                n => format!(
                    "{}中有 {n} 个单元格不是数字（如“{}”行的“{}”），相关检查已跳过",
                    x.table.id.name(),
                    x.row.label,
                    x.cell.raw
                ),
            };
            RULE.finding(message)
                .at_opt(x.cell.span)
                .expected("数字")
                .actual(x.cell.raw)
        },
    );
}
