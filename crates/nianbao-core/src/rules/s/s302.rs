use crate::rules::prelude::*;

rule! {
    /// 2019、2020年度报告使用了2021年格式
    ///
    /// ## 检查什么
    /// 2019或2020年度报告的表二使用了2021年格式。
    ///
    /// ## 为什么重要
    /// 这两个年度的报告公布时，2021年格式尚未印发，因此很可能是标题中的年度写错。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号成文于2021年9月26日，晚于2019、2020年度报告的公布期限；这两个年度的报告适用国办公开办函〔2019〕60号印发的2019年格式（试行）。
    ///
    /// ## 示例
    /// 标题为 `2020年`，表二却使用 `本年制发件数` 等列。
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
