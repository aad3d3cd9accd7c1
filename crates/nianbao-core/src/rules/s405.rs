//! S405 table-extra-column.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "S405",
    name: "table-extra-column",
    severity: Severity::Info,
    summary: doc!("表三有非官方的附加列"),
    doc: doc!("## What it checks\nA non-official column, e.g. 表三 `法人或其他组织小计` (`legal_person_subtotal`).\n\n## Why it matters\nThe official table has seven value columns. The extra column is read and checked by T304, and excluded from the row total (T303).\n\n## Example\nAn eighth column `法人或其他组织小计` before `总计`."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if let Some(s) = cx.model.t3.as_ref().and_then(|t| t.extra_column) {
        out.push(
            Finding::new(&RULE, "表三有非官方的“法人或其他组织小计”列，不计入总计")
                .at(s)
                .expected("7列")
                .actual("8列"),
        );
    }
}
