use crate::rules::prelude::*;

rule! {
    /// 年度报告发布晚于法定期限
    ///
    /// ## 检查什么
    /// 将发布日期与《条例》第四十九条规定的期限比较，期限均在报告年度的次年：部门报告为1月31日，人民政府报告为3月31日；无法判断报告主体类别时按3月31日检查，并在提示中说明。发布日期取自调用方提供的日期、保存网页中的 `<meta name="PubDate">`、正文中的`发布日期`/`发布时间` 行或落款日期。仅检查2019年度及以后的报告；乡镇和街道的报告不检查（其期限由地方规定）。
    ///
    /// ## 为什么重要
    /// 年度报告的公布期限由法规明确规定，逾期公布属于应当追究责任的情形。
    ///
    /// ## 依据
    /// 《条例》第四十九条：县级以上人民政府部门应于每年1月31日前公布本机关上一年度的年度报告，县级以上地方人民政府的政府信息公开工作主管部门应于每年3月31日前公布本级政府上一年度的年度报告。国办公开办函〔2021〕30号将“不按时发布”列为追究责任的情形之一。
    ///
    /// ## 示例
    /// 某部门的2021年度报告落款为 `2022年2月17日`，而期限为2022年1月31日。
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
