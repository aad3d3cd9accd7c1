use crate::rules::prelude::*;

rule! {
    /// 六个部分使用了其他编号体系
    ///
    /// ## What it checks
    /// The six sections are all present but numbered in another system (`（一）…（六）`, `第一部分…`, `1.…6.`) instead of `一、…六、`.
    ///
    /// ## Why it matters
    /// The official format numbers the parts `一、` to `六、`; `（一）` is the second heading level, so a reader may take the parts for sub-items.
    ///
    /// ## Example
    /// `（一）总体情况` … `（六）其他需要报告的事项`.
    S206, "section-numbering-style", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    if m.alt_numbering {
        let first = &m.headings[0];
        out.push(
            RULE.finding("六个部分使用了“（一）”等二级编号，官方格式为“一、”")
                .at(first.span)
                .expected("一、")
                .actual(first.number.clone().unwrap_or_default()),
        );
    }
}
