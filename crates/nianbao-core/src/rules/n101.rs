//! N101 cell-blank.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::model::RowKind;
use crate::value::Value;

pub static RULE: Rule = Rule {
    code: "N101",
    name: "cell-blank",
    severity: Severity::Warning,
    summary: doc!("统计表中有空白单元格"),
    doc: doc!("## What it checks\nCells of the official layout that were located but are empty. One finding per row; it lists the blank cells, which are counted as 0.\n\n## Why it matters\nEvery cell asks for a number, and a blank cannot be told apart from missing data. Write 0 where the count is zero.\n\n## Example\nA 表三 row whose 总计 cell is left empty."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for t in [
        cx.model.t2.as_ref(),
        cx.model.t3.as_ref(),
        cx.model.t4.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        for r in t.rows.iter().filter(|r| r.kind == RowKind::Official) {
            let blank: Vec<_> = r
                .cells
                .iter()
                .filter(|c| c.reading.value == Value::Blank)
                .collect();
            if blank.is_empty() {
                continue;
            }
            let mut f = Finding::new(
                &RULE,
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
                f = f.cell(t.path(&r.key, &c.col));
            }
            out.push(f.help("为零的单元格请填写0"));
        }
    }
}
