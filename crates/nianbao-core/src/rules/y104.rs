//! Y104 identical-table.
use super::{official_cells, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::model::{Model, TableId};

pub static RULE: Rule = Rule {
    code: "Y104",
    name: "identical-table",
    severity: Severity::Warning,
    summary: doc!("表格与上年报告逐格相同"),
    doc: doc!("## What it checks\nWith last year's report: table 二 (same format only), 三 or 四 is identical, cell for cell, to last year's, with at least one non-zero cell. Both tables must be complete.\n\n## Why it matters\nA year's figures rarely repeat exactly; identical tables suggest last year's table was copied (the 2021 notice names 内容雷同).\n\n## Example\n表三 of 2024 equals 表三 of 2023 in all 175 cells."),
    check,
};

fn cells(m: &Model, id: TableId) -> Vec<(String, crate::decimal::Decimal)> {
    official_cells(m)
        .filter(|c| c.table.id == id)
        .filter_map(|c| Some((c.path(), c.cell.num()?)))
        .collect()
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some((_, p)) = cx.previous else { return };
    let m = cx.model;
    for id in [TableId::T2, TableId::T3, TableId::T4] {
        let (Some(t), Some(pt)) = (m.table(id), p.table(id)) else {
            continue;
        };
        if !t.complete || !pt.complete || (id == TableId::T2 && m.format != p.format) {
            continue;
        }
        let (a, b) = (cells(m, id), cells(p, id));
        if a.is_empty() || a != b || a.iter().all(|(_, v)| *v == crate::decimal::Decimal::ZERO) {
            continue;
        }
        let name = ["表二", "表三", "表四"][id as usize];
        out.push(
            Finding::new(
                &RULE,
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
