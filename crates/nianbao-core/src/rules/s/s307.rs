use crate::rules::prelude::*;

rule! {
    /// 2021年以后的报告仍以2019年试行格式为依据
    ///
    /// ## 检查什么
    /// 2021年度及以后的报告，开头把2019年的试行格式作为本报告格式的依据：引用
    /// `国办公开办函〔2019〕60号` 或 `政府信息公开工作年度报告格式（试行）`，并有“根据”“按照”“依据”
    /// “要求”“编制”等字样。同一句还提到 `30号` 的（回顾格式沿革）不报告。
    ///
    /// ## 为什么重要
    /// 引用旧格式往往说明沿用了往年的开头，报告的表格也可能仍是旧格式（S301）。
    ///
    /// ## 依据
    /// 自2021年度起，年度报告按国办公开办函〔2021〕30号规定的格式编制。
    ///
    /// ## 示例
    /// 2023年度报告开头：`根据…《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）要求编制`。
    S307, "basis-old-template", Warning
}

/// The citations of the 2019 template, as written (brackets vary).
const CITATIONS: &[&str] = &[
    "国办公开办函〔2019〕60号",
    "国办公开办函[2019]60号",
    "国办公开办函【2019】60号",
    "国办公开办函(2019)60号",
    "国办公开办函（2019）60号",
    "国办公开办函〔2019〕60 号",
    "年度报告格式（试行）",
    "年度报告格式(试行)",
];

/// Words that make the citation the basis of this report.
const BASIS: &[&str] = &["根据", "按照", "依据", "依照", "参照", "要求", "编制", "规定"];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.year().is_none_or(|y| y < 2021) {
        return;
    }
    for sn in opening(cx) {
        if !sn.contains("2019") && !sn.contains("试行") {
            continue;
        }
        let Some((at, word)) = CITATIONS
            .iter()
            .filter_map(|c| sn.find(c).map(|i| (i, *c)))
            .min()
        else {
            continue;
        };
        if sn.contains("30号") || !BASIS.iter().any(|w| sn.contains(w)) {
            continue;
        }
        out.push(
            RULE.finding(format!(
                "{}年度报告以2019年试行格式“{word}”为依据",
                cx.model.year().unwrap_or_default()
            ))
            .at(sn.span(at, at + word.len()))
            .expected("国办公开办函〔2021〕30号")
            .actual(word)
            .help("自2021年度起，年度报告按国办公开办函〔2021〕30号规定的格式编制"),
        );
        return;
    }
}
