//! S402 table-row-missing.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::model::TableId;

pub static RULE: Rule = Rule {
    code: "S402",
    name: "table-row-missing",
    severity: Severity::Error,
    summary: "统计表缺少官方格式中的行",
    doc: "## What it checks\nEvery official row of the detected format (format.md §4–§6) is located in its table, by its label.\n\n## Why it matters\nA missing row means a quantity the format requires is not reported; the rules that need the row are skipped, so the table cannot be checked either.\n\n## Example\n表三 without `二、上年结转政府信息公开申请数量`.",
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for id in [TableId::T2, TableId::T3] {
        let Some(t) = cx.model.table(id) else { continue };
        if t.unreadable.is_some() {
            continue;
        }
        for m in &t.missing {
            out.push(Finding::new(&RULE, format!("{}缺少“{}”行", id.name(), m.label)).at(m.after).expected(m.label).actual("缺失"));
        }
    }
}
