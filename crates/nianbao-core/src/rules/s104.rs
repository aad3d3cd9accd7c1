//! S104 kind-not-determined.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "S104",
    name: "kind-not-determined",
    severity: Severity::Info,
    summary: doc!("无法判断是政府还是部门的报告"),
    doc: doc!("## What it checks\nWhether the title's agency is a government (`<地区>人民政府`, a region's own report, 乡镇) or a department (局, 委, 办, 中心, 街道办事处, a 人民政府办公室 reporting as itself).\n\n## Why it matters\nDepartments must publish by 1月31日 and governments by 3月31日, and government reports must cover 考核、评议和责任追究. When the kind is unknown, the 3月31日 deadline is assumed.\n\n## Example\nThe title `XX管理中心2022年…年度报告` names a body whose kind cannot be read from its name."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if let (Some(t), Some(a), None) = (&cx.model.title, &cx.model.agency, cx.model.kind) {
        out.push(
            Finding::new(
                &RULE,
                format!("无法从机关名称“{a}”判断是政府还是部门的报告，按政府报告（3月31日）处理"),
            )
            .at(t.span)
            .actual(a.clone()),
        );
    }
}
