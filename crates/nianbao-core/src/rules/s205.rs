//! S205 section-extra-heading.
use super::{Ctx, Rule};
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "S205",
    name: "section-extra-heading",
    severity: Severity::Warning,
    summary: doc!("多出的一级标题"),
    doc: doc!("## What it checks\nA top-level numbered heading (`七、…`) outside the tables that matches none of the six sections and is not already reported by S203.\n\n## Why it matters\nThe format has exactly six parts; extra parts often hold content that belongs in 六、其他需要报告的事项, or are left over from another template.\n\n## Example\n`七、附件`."),
    check,
};

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let hs = &cx.model.headings;
    for (i, h) in hs.iter().enumerate() {
        if h.key.is_some() || h.numeral_value.is_none() {
            continue;
        }
        if hs[..i].iter().any(|p| p.numeral_value == h.numeral_value) {
            continue;
        }
        out.push(
            Finding::new(
                &RULE,
                format!("一级标题“{}”不属于年度报告的六个部分", h.title),
            )
            .at(h.span)
            .expected("六个部分之一")
            .actual(h.title.clone())
            .help("如需报告其他内容，请放入“六、其他需要报告的事项”"),
        );
    }
}
