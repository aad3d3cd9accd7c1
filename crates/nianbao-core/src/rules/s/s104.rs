use crate::rules::prelude::*;

rule! {
    /// 无法判断是政府还是部门的报告
    ///
    /// ## What it checks
    /// Whether the title's agency is a government (`<地区>人民政府`, a region's own report, 乡镇) or a department (局, 委, 办, 中心, 街道办事处, a 人民政府办公室 reporting as itself).
    ///
    /// ## Why it matters
    /// Departments must publish by 1月31日 and governments by 3月31日, and government reports must cover 考核、评议和责任追究. When the kind is unknown, the 3月31日 deadline is assumed.
    ///
    /// ## Example
    /// The title `XX管理中心2022年…年度报告` names a body whose kind cannot be read from its name.
    S104, "kind-not-determined", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if let (Some(t), Some(a), None) = (cx.model.title(), cx.model.agency(), cx.model.kind()) {
        out.push(
            RULE.finding(
                format!("无法从机关名称“{a}”判断是政府还是部门的报告，按政府报告（3月31日）处理"),
            )
            .at(t.span)
            .actual(a),
        );
    }
}
