use crate::rules::prelude::*;

rule! {
    /// 统计表中有空白单元格
    ///
    /// ## What it checks
    /// Cells of the official layout that were located but are empty. One finding per row; it lists the blank cells, which are counted as 0.
    ///
    /// ## Why it matters
    /// Every cell asks for a number, and a blank cannot be told apart from missing data. Write 0 where the count is zero.
    ///
    /// ## Example
    /// A 表三 row whose 总计 cell is left empty.
    N101, "cell-blank", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for t in cx.model.tables.iter() {
        for r in t.rows.iter().filter(|r| r.kind == RowKind::Official) {
            let blank: Vec<_> = r
                .cells
                .iter()
                .filter(|c| c.reading.value == Value::Blank)
                .collect();
            if blank.is_empty() {
                continue;
            }
            let mut f = RULE.finding(
                format!(
                    "{}“{}”行有{}个空白单元格，已按0计算",
                    t.id.name(),
                    r.label,
                    blank.len()
                ),
            )
            .at(r.label_span)
            .expected("数值（为零时填0）")
            .actual("空");
            for c in blank {
                f = f.cell(t.path(r.key, c.col));
            }
            out.push(f.help("为零的单元格请填写0"));
        }
    }
}
