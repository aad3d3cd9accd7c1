use crate::rules::prelude::*;

rule! {
    /// 所附上年报告不是本机关上一年度的报告
    ///
    /// ## 检查什么
    /// 作为上年报告提供的报告，其年度应为本报告年度的上一年，
    /// 机关应与本报告相同（对照前先统一常见简称：科技局 = 科学技术局，…）。
    ///
    /// ## 为什么重要
    /// 跨年度检查Y101至Y103只有对照同一机关的上年报告才有意义，出现本提示时不再执行；
    /// Y104和Y105仍然执行，因为跨机关照搬同样值得关注。
    ///
    /// ## 示例
    /// 2024年度报告所附的上年报告为2022年度报告。
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
