use crate::rules::prelude::*;

rule! {
    /// 单元格用“/”“-”“无”等代替数字
    ///
    /// ## What it checks
    /// Cells containing `/`, `-`, `—`, `－`, `--`, `——`, `无`, `不适用` or `N/A`. One finding per table, listing every such cell; they are read as 0.
    ///
    /// ## Why it matters
    /// The format asks for numbers. A placeholder is readable but ambiguous (zero, or not applicable, or unknown).
    ///
    /// ## Example
    /// 岳阳市信访局 2021: 规章 `/ / /`.
    N102, "cell-placeholder", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    one_per_table(
        cx.model,
        out,
        |x| x.cell.reading.value == Value::Placeholder,
        |cells| {
            let x = &cells[0];
            let message = match cells.len() {
                1 => format!(
                    "{}中有单元格以“{}”等符号代替数字，已按0计算",
                    x.table.id.name(),
                    x.cell.raw
                ),
                n => format!(
                    "{}中有 {n} 个单元格以“{}”等符号代替数字，已按0计算",
                    x.table.id.name(),
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
