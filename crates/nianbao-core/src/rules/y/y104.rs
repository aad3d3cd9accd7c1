use crate::rules::prelude::*;

rule! {
    /// 表格与上年报告逐格相同
    ///
    /// ## 检查什么
    /// 提供上年报告时，表二（仅限两年格式相同）、表三或表四与上年报告逐格完全相同，
    /// 且至少有一个非零单元格。本年与上年的该表均须完整。
    ///
    /// ## 为什么重要
    /// 一年的数据很少与上年完全重复；表格完全相同，说明可能照搬了上年的表格。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号将年度报告“内容雷同”列为追究责任的情形之一。
    ///
    /// ## 示例
    /// 2024年度报告表三的175个单元格与2023年度报告表三完全相同。
    Y104, "identical-table", Warning
}

fn cells(m: &crate::model::Model, id: TableId) -> Vec<(CellPath, Decimal)> {
    official_cells(m)
        .filter(|c| c.table.id == id)
        .filter_map(|c| Some((c.path(), c.cell.num()?)))
        .collect()
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(p) = cx.previous else { return };
    let m = cx.model;
    for id in [TableId::T2, TableId::T3, TableId::T4] {
        let (Some(t), Some(pt)) = (m.table(id), p.table(id)) else {
            continue;
        };
        if !t.complete || !pt.complete || (id == TableId::T2 && m.format != p.format) {
            continue;
        }
        let (a, b) = (cells(m, id), cells(p, id));
        if a.is_empty() || a != b || a.iter().all(|(_, v)| *v == Decimal::ZERO) {
            continue;
        }
        let name = ["表二", "表三", "表四"][id as usize];
        out.push(
            RULE.finding(
                format!(
                    "{name}与上年报告的{name}逐格相同（{}个数据），疑为沿用上年数据",
                    a.len()
                ),
            )
            .at(t.span)
            .expected("与上年不同的本年数据")
            .actual(format!("{}个数据与上年相同", a.len()))
            .formula(format!("本年{name} ≠ 上年{name}"))
            .related_previous(pt.span, format!("上年报告{name}")),
        );
    }
}
