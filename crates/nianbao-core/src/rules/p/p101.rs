use crate::rules::prelude::*;

rule! {
    /// 年度报告发布晚于法定期限
    ///
    /// ## What it checks
    /// The publication date (given by the caller, a saved page's `<meta name="PubDate">`, a `发布日期`/`发布时间` line, or the signature date) against the deadline of Art. 49 in the year after the report year: departments 1月31日, governments 3月31日; when the kind is unknown, 3月31日 and the message says so. Reports of 乡镇 and 街道 are not checked (local deadlines).
    ///
    /// ## Why it matters
    /// Art. 49 fixes the deadlines; the 2021 notice names late publication among the failings that lead to accountability.
    ///
    /// ## Example
    /// A department's 2021 report signed `2022年2月17日` → deadline 2022-01-31.
    P101, "published-late", Warning
}

/// 乡镇 and 街道 reports have local deadlines.
pub(crate) fn is_township(m: &crate::model::Model) -> bool {
    let a = m.agency().unwrap_or("");
    let t = m.title().map(|t| t.text.as_str()).unwrap_or("");
    a.contains("街道")
        || t.contains("街道")
        || a.ends_with(['乡', '镇'])
        || ["乡人民政府", "镇人民政府", "乡政府", "镇政府"]
            .iter()
            .any(|k| a.contains(k))
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let (Some(p), Some(year)) = (&m.published, m.year()) else {
        return;
    };
    if year < 2019 || is_township(m) {
        return;
    }
    let (deadline, class) = match m.kind() {
        Some(Kind::Department) => ((year + 1, 1, 31), "部门年度报告应于每年1月31日前公布（《条例》第四十九条）"),
        Some(Kind::Government) => ((year + 1, 3, 31), "各级人民政府年度报告应于每年3月31日前公布（《条例》第四十九条）"),
        None => ((year + 1, 3, 31), "未能判断报告主体类别，按人民政府的3月31日期限检查（部门为1月31日；《条例》第四十九条）"),
    };
    if p.ymd <= deadline {
        return;
    }
    let want = format!("{}年{}月{}日前", deadline.0, deadline.1, deadline.2);
    let span = p.span.or(m.title().map(|t| t.span));
    out.push(
        RULE.finding(
            format!(
                "{}{}晚于法定期限{}年{}月{}日",
                p.source_zh(),
                p.date,
                deadline.0,
                deadline.1,
                deadline.2
            ),
        )
        .at_opt(span)
        .expected(want)
        .actual(p.date.clone())
        .formula(class),
    );
}
