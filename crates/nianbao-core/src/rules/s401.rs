//! S401 table-missing.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::model::{SectionKey, TableId};

pub static RULE: Rule = Rule {
    code: "S401",
    name: "table-missing",
    severity: Severity::Error,
    summary: doc!("部分中缺少统计表"),
    doc: doc!("## What it checks\nEach section that was found has its table: 二、主动公开 → 表二, 三、收到和处理申请 → 表三, 四、复议诉讼 → 表四. If the section itself is missing, only S201 is reported.\n\n## Why it matters\nThe three tables are the fixed core of the format; a section with prose only, or with `详见附表` and no table, does not report the required figures.\n\n## Example\n`三、收到和处理政府信息公开申请情况` followed only by prose."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for (key, id) in [
        (SectionKey::Proactive, TableId::T2),
        (SectionKey::Applications, TableId::T3),
        (SectionKey::ReviewLitigation, TableId::T4),
    ] {
        if let Some(h) = cx.model.section(key) {
            if cx.model.table(id).is_none() {
                out.push(
                    Finding::new(&RULE, format!("“{}”部分中未找到{}", h.title, id.name()))
                        .at(h.span)
                        .expected(id.name())
                        .actual("未找到")
                        .help("请在该部分中附上统一格式的统计表；若表格为图片，请提供文字版本"),
                );
            }
        }
    }
}
