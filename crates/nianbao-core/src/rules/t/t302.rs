use crate::rules::prelude::*;

rule! {
    /// 表三（七）总计不等于各办理结果之和
    ///
    /// ## 检查什么
    /// 表三每一列的`（七）总计`与各办理结果行之和：`（一）予以公开`、`（二）部分公开`、
    /// `（三）不予公开`第1至8项、`（四）无法提供`第1至3项、`（五）不予处理`第1至5项和
    /// `（六）其他处理`（2021年格式为其下第1至3项）。报告中`（六）`采用哪种形式，就按
    /// 哪种形式计算。小计行一律不计入；唯一例外是某一类的明细行全部缺失时，以该类的
    /// 小计代替。
    ///
    /// ## 为什么重要
    /// 按`总计`的字面含义，且每件申请只计一次，`（七）总计`应等于各办理结果之和。这一
    /// 关系没有以公式形式印在表中，而是由行名和注释推出。
    ///
    /// ## 依据
    /// 国办公开办函〔2019〕60号和国办公开办函〔2021〕30号印发的格式中，表三
    /// `（二）部分公开`注明`区分处理的，只计这一情形，不计其他情形`，即每件申请只计入
    /// 一种办理结果；`（七）总计`按其名称为各办理结果的合计。
    ///
    /// ## 示例
    /// `总计`列：各办理结果行合计 41，`（七）总计`填写 40。
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
