use crate::rules::prelude::*;

rule! {
    /// 所附上年报告不是本机关上一年度的报告
    ///
    /// ## What it checks
    /// The report supplied as last year's has the year before this one and the same agency (after the usual short forms: 科技局 = 科学技术局, …).
    ///
    /// ## Why it matters
    /// The year-on-year checks Y101–Y103 only make sense against the same agency's previous report; they are skipped. Y104 and Y105 still run, because copying across agencies is worth seeing.
    ///
    /// ## Example
    /// A 2024 report with a 2022 report supplied as last year's.
    Y106, "previous-report-mismatch", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(p) = cx.previous else { return };
    let m = cx.model;
    if !previous_mismatch(m, p) {
        return;
    }
    let title = |m: &crate::model::Model| {
        m.title()
            .map(|t| t.text.clone())
            .unwrap_or_else(|| "（无标题）".into())
    };
    let want = format!(
        "{}{}年报告",
        m.agency().unwrap_or(""),
        m.year().map(|y| (y - 1).to_string()).unwrap_or_default()
    );
    let mut f = RULE.finding(
        format!(
            "所附上年报告“{}”不是本报告“{}”的上一年度报告，跨年度检查（Y101–Y103）未进行",
            title(p),
            title(m)
        ),
    )
    .at_opt(m.title().map(|t| t.span))
    .expected(want)
    .actual(title(p))
    .formula("上年报告：同一机关，年度 = 本年度 − 1");
    if let Some(t) = p.title() {
        f = f.related_previous(t.span, "上年报告标题");
    }
    out.push(f);
}
