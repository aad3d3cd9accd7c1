use crate::rules::prelude::*;

rule! {
    /// 表三（七）总计不等于各办理结果之和
    ///
    /// ## What it checks
    /// For every column of 表三: `（七）总计` against the sum of the outcome rows: （一）予以公开 + （二）部分公开 + （三）1至8 + （四）1至3 + （五）1至5 + （六）其他处理 (2021 format: （六）1至3). Whichever （六） shape is present is used; subtotal rows are never added, except that a subtotal stands in for a block whose detail rows are all missing.
    ///
    /// ## Why it matters
    /// The label 总计 and the note of （二） (`区分处理的，只计这一情形，不计其他情形`: each application is counted exactly once) make （七） the sum of the outcomes.
    ///
    /// ## Example
    /// 总计 column: the outcome rows add up to 41, （七） says 40.
    T302, "t3-outcome-sum", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = cx.model.t3() else { return };
    let outcome: Vec<T3Row> = identities::t3_outcome_rows(t.three_other_rows).collect();
    // block by block; a block whose detail rows are all missing is represented by its
    // subtotal
    let mut rows: Vec<RowKey> = Vec::new();
    let mut note = String::new();
    for g in [
        Group::None,
        Group::Denied,
        Group::Unable,
        Group::Rejected,
        Group::Other,
    ] {
        let block: Vec<T3Row> = outcome.iter().copied().filter(|r| r.group() == g).collect();
        if g != Group::None
            && !block.is_empty()
            && block.iter().all(|r| t.row(*r).is_none())
            && t.row(RowKey::Subtotal(g)).is_some()
        {
            rows.push(RowKey::Subtotal(g));
            note = format!("（{}各项缺失，使用其小计）", g.label());
            continue;
        }
        rows.extend(block.into_iter().map(RowKey::T3));
    }
    for col in T3Col::VALUES {
        if operand(t, T3Row::TotalProcessed, col).is_none() {
            continue;
        }
        let formula = if t.three_other_rows {
            "（七）总计 = （一）+（二）+（三）1至8 +（四）1至3 +（五）1至5 +（六）1至3"
        } else {
            "（七）总计 = （一）+（二）+（三）1至8 +（四）1至3 +（五）1至5 +（六）"
        };
        if let Some(f) = sum_check(
            cx,
            &RULE,
            t,
            &identities::t3_outcomes(col, rows.iter().copied()),
            &|| format!(
                "表三“{}”列：（七）总计不等于各办理结果之和{note}",
                col.label()
            ),
            formula,
        ) {
            out.push(f);
        }
    }
}
