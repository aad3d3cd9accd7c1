use crate::rules::prelude::*;

rule! {
    /// 正文以其他年份作为叙述年度
    ///
    /// ## 检查什么
    /// 用作叙述主体或叙述期间的年份，即位于句首或段首的`YYYY年，`、`YYYY年度`、
    /// `YYYY年以来`、`YYYY年全年`，与报告年度对照。不计入：比较中的年份（`同比`、
    /// `较`、`上年`、`去年`、`相比`），以及下一年度的计划（`将`、`计划`、`拟`、
    /// `下一步`、`明年`）。完整日期（`YYYY年M月D日`）由日期类规则检查。
    ///
    /// ## 为什么重要
    /// 年度报告反映一个自然年度的工作。段首出现其他年份，
    /// 是沿用上年报告文字的典型痕迹（东莞市统计局曾将2008年度报告仅改动年份，
    /// 作为2010年度报告发布）。
    ///
    /// ## 示例
    /// 2022年度报告中有一段以`2021年，我局认真贯彻…`开头。
    C101, "year-mismatch", Warning
}

const COMPARISON: &[&str] = &["同比", "较", "上年", "去年", "相比", "比上"];
const PLAN: &[&str] = &["将", "计划", "拟", "下一步", "明年"];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(year) = cx.model.year() else { return };
    // where a sentence or clause after `；` starts (sentences are read across line wraps)
    let starts = cx.sentences().iter().flat_map(|sn| {
        let t: &str = &sn.text;
        std::iter::once(0)
            .chain(t.match_indices('；').map(|(i, c)| i + c.len()))
            .filter(move |&i| i < t.len())
            .map(move |i| (sn, i))
    });
    for (sn, start) in starts {
        let s = &sn.text[start..];
        // skip numbering: 1.  （一）  一是
        let t = s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
        // "1." / "2、" numbering (a digit run followed by a numbering mark), not a year
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        let t = if digits > 0 && digits <= 2 && t[digits..].starts_with(['.', '．', '、']) {
            t[digits..].trim_start_matches(['.', '．', '、'])
        } else {
            t
        };
        let t = if t.starts_with(['（', '(']) {
            t.find(['）', ')'])
                .map(|i| &t[i + t[i..].chars().next().map(char::len_utf8).unwrap_or(1)..])
                .unwrap_or(t)
        } else {
            t
        };
        let t = t.trim_start();
        let b = t.as_bytes();
        if b.len() < 7 || !b[..4].iter().all(u8::is_ascii_digit) {
            continue;
        }
        let after = t[4..].trim_start();
        let Some(rest) = after.strip_prefix('年') else {
            continue;
        };
        if !["，", ",", "度", "以来", "全年"]
            .iter()
            .any(|k| rest.starts_with(k))
        {
            continue;
        }
        let Ok(y) = t[..4].parse::<i32>() else {
            continue;
        };
        if !(2008..=2099).contains(&y) || y == year {
            continue;
        }
        let sentence_end = rest.find('。').map(|i| &rest[..i]).unwrap_or(rest);
        if COMPARISON.iter().any(|k| sentence_end.contains(k))
            || (y == year + 1 && PLAN.iter().any(|k| sentence_end.contains(k)))
        {
            continue;
        }
        let at = start + (s.len() - t.len());
        let span = sn.span(at, at + 4);
        out.push(
            RULE.finding(
                format!("{year}年度报告的正文以“{y}年”叙述工作，疑为沿用其他年度的报告"),
            )
            .at(span)
            .expected(format!("{year}年"))
            .actual(format!("{y}年"))
            .formula("年度报告只报告本统计年度（1月1日至12月31日）的工作"),
        );
    }
}
