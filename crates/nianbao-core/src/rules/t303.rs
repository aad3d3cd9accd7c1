//! T303 t3-row-sum.
use super::{sum_check, Ctx, Rule};
use crate::finding::{Finding, Severity};
use crate::model::RowKind;

pub static RULE: Rule = Rule {
    code: "T303",
    name: "t3-row-sum",
    severity: Severity::Error,
    summary: doc!("表三某行的总计不等于各类申请人之和"),
    doc: doc!("## What it checks\nFor every row of 表三: `总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他`. A non-official `法人或其他组织小计` column is excluded.\n\n## Why it matters\nThe 总计 column is, by its label, the sum of the applicant columns.\n\n## Example\n`1.本机关不掌握相关政府信息`: 746 + 12 + 0 + 0 + 10 + 1 = 769 against a total of 768."),
    check,
};

const PARTS: [&str; 6] = [
    "natural_person",
    "commercial",
    "research",
    "social_welfare",
    "legal_service",
    "other_org",
];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(t) = &cx.model.t3 else { return };
    for r in t.rows.iter().filter(|r| {
        matches!(r.kind, RowKind::Official | RowKind::Subtotal) && r.shape_error.is_none()
    }) {
        let parts: Vec<(&str, &str)> = PARTS.iter().map(|c| (r.key.as_str(), *c)).collect();
        if let Some(f) = sum_check(
            &RULE,
            t,
            (&r.key, "total"),
            &parts,
            format!("表三“{}”行：总计不等于各类申请人之和", r.label),
            "总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
        ) {
            out.push(f);
        }
    }
}
