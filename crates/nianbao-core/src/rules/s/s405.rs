use crate::rules::prelude::*;

rule! {
    /// 表三有非官方的附加列
    ///
    /// ## What it checks
    /// A non-official column, e.g. 表三 `法人或其他组织小计` (`legal_person_subtotal`).
    ///
    /// ## Why it matters
    /// The official table has seven value columns. The extra column is read and checked by T304, and excluded from the row total (T303).
    ///
    /// ## Example
    /// An eighth column `法人或其他组织小计` before `总计`.
    S405, "table-extra-column", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if let Some(s) = cx.model.t3().and_then(|t| t.extra_column) {
        out.push(
            RULE.finding("表三有非官方的“法人或其他组织小计”列，不计入总计")
                .at(s)
                .expected("7列")
                .actual("8列"),
        );
    }
}
