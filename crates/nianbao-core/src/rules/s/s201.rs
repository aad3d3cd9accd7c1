use crate::rules::prelude::*;

rule! {
    /// 缺少六个部分之一
    ///
    /// ## What it checks
    /// Each of the six parts (总体情况, 主动公开, 收到和处理申请, 复议诉讼, 问题及改进, 其他事项) is matched by a top-level heading (`一、` … `六、`, or the official wording on its own line).
    ///
    /// ## Why it matters
    /// Art. 50 of the 条例 fixes the content of the report, and the 2021 notice says “不能遗漏”. A missing part is the most visible defect of a report.
    ///
    /// ## Example
    /// The report jumps from `四、政府信息公开行政复议、行政诉讼情况` to `六、其他需要报告的事项`.
    S201, "section-missing", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let hs = &cx.model.headings;
    for key in SectionKey::ALL {
        if cx.model.section(key).is_some() {
            continue;
        }
        let mut f = RULE.finding(format!("缺少“{}”部分", key.official()))
            .expected(key.official())
            .actual("缺失")
            .formula("年度报告应包含六个部分（《条例》第五十条）");
        let before = hs
            .iter().rfind(|h| h.key.map(|k| k.index() < key.index()).unwrap_or(false));
        let after = hs
            .iter()
            .find(|h| h.key.map(|k| k.index() > key.index()).unwrap_or(false));
        if let Some(b) = before {
            f = f.related(b.span, "缺失部分之前的标题");
        }
        if let Some(a) = after {
            f = f.related(a.span, "缺失部分之后的标题");
        }
        out.push(f);
    }
}
