use crate::rules::prelude::*;

rule! {
    /// 六个部分使用了其他编号体系
    ///
    /// ## 检查什么
    /// 六个部分齐全，但使用了其他编号体系（`（一）…（六）`、`第一部分…`、`1.…6.`），而不是 `一、…六、`。
    ///
    /// ## 为什么重要
    /// 官方格式以 `一、` 至 `六、` 为各部分编号；`（一）` 是二级标题的编号，读者可能把这些部分误认为下级条目。
    ///
    /// ## 示例
    /// `（一）总体情况` … `（六）其他需要报告的事项`。
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
