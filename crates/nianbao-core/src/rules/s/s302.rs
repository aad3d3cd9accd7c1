use crate::rules::prelude::*;

rule! {
    /// 2019、2020年度报告使用了2021年格式
    ///
    /// ## What it checks
    /// Table 二 in the 2021 format in a report for 2019 or 2020.
    ///
    /// ## Why it matters
    /// The 2021 format (国办公开办函〔2021〕30号) is dated 2021-09-26, after the 2019 and 2020 reports were due. The likely cause is a wrong year in the title.
    ///
    /// ## Example
    /// A `2020年` title over `本年制发件数` columns.
    S302, "format-premature", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let (Some(y), Some(Format::B), Some(FormatSource::Table2)) =
        (m.year(), m.format, m.format_source)
    else {
        return;
    };
    if !(2019..=2020).contains(&y) {
        return;
    }
    let Some(sig) = m.tables.t2_signals.iter().find(|s| s.format == Format::B) else {
        return;
    };
    let mut f = RULE.finding(
        format!(
            "{y}年度报告的表二使用了2021年格式（“{}”），请核对标题年度",
            sig.text
        ),
    )
    .at(sig.span)
    .expected("2019年试行格式（国办公开办函〔2019〕60号）")
    .actual("2021年格式");
    if let Some(ys) = m.title().and_then(|t| t.year_span) {
        f = f.related(ys, "报告年度");
    }
    out.push(f);
}
