//! T304 t3-subtotal.
use super::{sum_check, Ctx, Rule, T3_VALUE_COLS};
use crate::finding::{Finding, Severity};
use crate::model::RowKind;
use crate::template::{self, Group};

pub static RULE: Rule = Rule {
    code: "T304",
    name: "t3-subtotal",
    severity: Severity::Error,
    summary: doc!("表三小计不等于其各项之和"),
    doc: doc!("## What it checks\nWhere non-official subtotals are present: each subtotal row per column (`（三）不予公开小计 = （三）1至8之和`, and likewise for （四）, （五） and the 2021 format's （六）), and a `法人或其他组织小计` column per row (`= 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他`).\n\n## Why it matters\nA subtotal is, by its own label, the sum of its parts; it is checked here and never counted again by T302.\n\n## Example\n（三）小计 3 while 1至8 add up to 4."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = &cx.model.t3 else { return };
    let defs = template::t3_rows(t.three_other_rows);
    for r in t
        .rows
        .iter()
        .filter(|r| r.kind == RowKind::Subtotal && r.shape_error.is_none())
    {
        let Some((_, g)) = template::T3_SUBTOTALS.iter().find(|(k, _)| *k == r.key) else {
            continue;
        };
        if *g == Group::Other && !t.three_other_rows {
            continue;
        }
        let block: Vec<&str> = defs
            .iter()
            .filter(|d| d.group == *g)
            .map(|d| d.key)
            .collect();
        for col in T3_VALUE_COLS {
            let parts: Vec<(&str, &str)> = block.iter().map(|k| (*k, col)).collect();
            if let Some(f) = sum_check(
                &RULE,
                t,
                (&r.key, col),
                &parts,
                format!("表三“{}”不等于{}各项之和", r.label, g.label()),
                &format!("{}小计 = 各项之和", g.label()),
            ) {
                out.push(f);
            }
        }
    }
    if t.extra_column.is_some() {
        for r in t.rows.iter().filter(|r| r.shape_error.is_none()) {
            let parts: Vec<(&str, &str)> = [
                "commercial",
                "research",
                "social_welfare",
                "legal_service",
                "other_org",
            ]
            .iter()
            .map(|c| (r.key.as_str(), *c))
            .collect();
            if let Some(f) = sum_check(
                &RULE,
                t,
                (&r.key, "legal_person_subtotal"),
                &parts,
                format!("表三“{}”行：法人或其他组织小计不等于五类组织之和", r.label),
                "法人或其他组织小计 = 商业企业+科研机构+社会公益组织+法律服务机构+其他",
            ) {
                out.push(f);
            }
        }
    }
}
