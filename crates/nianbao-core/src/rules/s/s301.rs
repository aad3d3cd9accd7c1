use crate::rules::prelude::*;

rule! {
    /// 2021年及以后的报告使用了2019年试行格式
    ///
    /// ## What it checks
    /// The format of table 二's column headers against the report year: a report for 2021 or later whose table 二 has the 2019 trial columns (`本年新制作数量`, `上一年项目数量`, …).
    ///
    /// ## Why it matters
    /// From the 2021 report onward the format of 国办公开办函〔2021〕30号 applies. The old table asks for different quantities (item counts instead of decisions, no fee amount), so the published figures do not answer what the format asks.
    ///
    /// ## Example
    /// A 2022 report whose table 二 has `本年新制作数量`.
    S301, "format-outdated", Error
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let (Some(y), Some(Format::A), Some(FormatSource::Table2)) =
        (m.year(), m.format, m.format_source)
    else {
        return;
    };
    if y < 2021 {
        return;
    }
    let Some(sig) = m.tables.t2_signals.iter().find(|s| s.format == Format::A) else {
        return;
    };
    let mut f = RULE.finding(format!("{y}年度报告的表二仍使用2019年试行格式（“{}”）", sig.text))
        .at(sig.span)
        .expected("2021年格式（国办公开办函〔2021〕30号）")
        .actual("2019年试行格式")
        .help("按国办公开办函〔2021〕30号的表二格式重新填报：本年制发件数、本年废止件数、现行有效件数、本年处理决定数量、本年收费金额");
    if let Some(ys) = m.title().and_then(|t| t.year_span) {
        f = f.related(ys, "报告年度");
    }
    out.push(f);
}
