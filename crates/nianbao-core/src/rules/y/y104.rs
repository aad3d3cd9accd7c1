use crate::rules::prelude::*;

rule! {
    /// 表格与上年报告逐格相同
    ///
    /// ## What it checks
    /// With last year's report: table 二 (same format only), 三 or 四 is identical, cell for cell, to last year's, with at least one non-zero cell. Both tables must be complete.
    ///
    /// ## Why it matters
    /// A year's figures rarely repeat exactly; identical tables suggest last year's table was copied (the 2021 notice names 内容雷同).
    ///
    /// ## Example
    /// 表三 of 2024 equals 表三 of 2023 in all 175 cells.
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
