use crate::rules::prelude::*;

rule! {
    /// 统计期限与报告年度不符
    ///
    /// ## 检查什么
    /// 报告写明统计期限的（`统计期限`、`统计时间`或`统计期间`后接日期，可跨行），
    /// 其起始日期应为报告年度的1月1日，截止日期应为报告年度的12月31日。未写明统计期限的，
    /// 不作提示；无法识别的日期不予检查。
    ///
    /// ## 为什么重要
    /// 年度报告的统计期限为一个自然年度；统计期限有误，往往是照搬了旧句子或写错了年份。
    ///
    /// ## 示例
    /// 2023年度报告中写`统计期限自2022年1月1日起至2022年12月31日止`。
    C102, "statistical-period", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(year) = cx.model.year() else { return };
    // sentences are read across line wraps, so the period may span two lines
    for sn in cx.sentences() {
        if !sn.has_any(&[kw::统计期限, kw::统计时间, kw::统计期间]) {
            continue;
        }
        let s: &str = &sn.text;
        let Some(k) = ["统计期限", "统计时间", "统计期间"]
            .iter()
            .find_map(|k| sn.find(k).map(|i| i + k.len()))
        else {
            continue;
        };
        let w = &s[k..];
        let mut dates: Vec<(Span, &str, i32, u32, u32)> = Vec::new();
        let mut last_year = None;
        let mut i = 0;
        while i < w.len() {
            if w.as_bytes()[i].is_ascii_digit() && (i == 0 || !w.as_bytes()[i - 1].is_ascii_digit())
            {
                if let Some((y, m, d, len)) = crate::text::dates::period_date_at(&w[i..]) {
                    if let Some(y) = y.or(last_year) {
                        dates.push((sn.span(k + i, k + i + len), &w[i..i + len], y, m, d));
                        last_year = Some(y);
                    }
                    i += len;
                    continue;
                }
            }
            i += w[i..].chars().next().map(char::len_utf8).unwrap_or(1);
        }
        let (Some(first), Some(last)) = (dates.first(), dates.last()) else {
            continue;
        };
        if dates.len() < 2 {
            continue;
        }
        for (d, want) in [(first, (year, 1, 1)), (last, (year, 12, 31))] {
            if (d.2, d.3, d.4) != want {
                out.push(
                    RULE.finding(
                        format!("统计期限的日期“{}”与报告年度{year}年不符", d.1),
                    )
                    .at(d.0)
                    .expected(format!("{year}年1月1日至{year}年12月31日"))
                    .actual(format!("{}年{}月{}日", d.2, d.3, d.4))
                    .formula("统计期限为报告年度的1月1日至12月31日"),
                );
            }
        }
        break;
    }
}
