use crate::rules::prelude::*;

rule! {
    /// 统计表中有空白单元格
    ///
    /// ## What it checks
    /// Cells of the official layout that were located but are empty, counted as 0. One finding per table: it lists every blank cell (`cells`, and `related` where the cell has a place) and says how many rows have them.
    ///
    /// ## Why it matters
    /// Every cell asks for a number, and a blank cannot be told apart from missing data. Write 0 where the count is zero.
    ///
    /// ## Example
    /// A 表三 row whose 总计 cell is left empty.
    N101, "cell-blank", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    one_per_table(
        cx.model,
        out,
        |x| x.row.kind == RowKind::Official && x.cell.reading.value == Value::Blank,
        |cells| {
            let x = &cells[0];
            let message = match rows_of(cells) {
                1 => format!(
                    "{}“{}”行有{}个空白单元格，已按0计算",
                    x.table.id.name(),
                    x.row.label,
                    cells.len()
                ),
                rows => format!(
                    "{} {rows} 行有空白单元格（共 {} 个），已按0计算",
                    x.table.id.name(),
                    cells.len()
                ),
            };
            RULE.finding(message)
                .at(x.row.label_span)
                .expected("数值（为零时填0）")
                .actual("空")
                .help("为零的单元格请填写0")
        },
    );
}
