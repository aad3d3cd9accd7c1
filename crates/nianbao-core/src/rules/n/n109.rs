use crate::rules::prelude::*;

rule! {
    /// 单元格数字经过规范化才能读取
    ///
    /// ## What it checks
    /// Cells that needed normalisation before reading: full-width digits, thousands separators, a leading `+` or `−`/`－` as the minus sign, `增N`/`减N`, a count unit (`件`, `项`), or an integral decimal such as `3.0`. One finding per table.
    ///
    /// ## Why it matters
    /// The values were read correctly, but other tools (and spreadsheets) may not read them; plain half-width digits are safest.
    ///
    /// ## Example
    /// `１，０３６` → 1036.
    N109, "value-normalised", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    one_per_table(
        cx.model,
        out,
        |x| x.cell.reading.normalised.is_some(),
        |cells| {
            let x = &cells[0];
            let n = x.cell.reading.normalised.unwrap();
            let shown = x.cell.shown();
            RULE.finding(
                format!(
                    "{}中有数字使用了{}（“{}”读作{}）",
                    x.table.id.name(),
                    n.label(),
                    x.cell.raw,
                    shown
                ),
            )
            .at_opt(x.cell.span)
            .expected(shown)
            .actual(x.cell.raw)
        },
    );
}
