use crate::rules::prelude::*;

rule! {
    /// 2021年及以后的报告使用了2019年试行格式
    ///
    /// ## 检查什么
    /// 将表二表头所属的格式与报告年度比较：2021年度及以后的报告，其表二仍使用2019年格式（试行）的列（`本年新制作数量`、`上一年项目数量` 等）。
    ///
    /// ## 为什么重要
    /// 旧表统计的是另一些数量（以项目数量代替处理决定数量，且没有收费金额），所填数据不能反映现行格式要求报告的内容。
    ///
    /// ## 依据
    /// 自2021年度报告起，适用国办公开办函〔2021〕30号印发的2021年格式。
    ///
    /// ## 示例
    /// 2022年度报告的表二中有 `本年新制作数量`。
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
