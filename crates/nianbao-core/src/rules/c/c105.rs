use crate::rules::prelude::*;

rule! {
    /// 正文留有模板占位符（XX、××、某某……）
    ///
    /// ## 检查什么
    /// 正文中遗留的模板占位符：不属于英文单词、
    /// 网址或电子邮件地址的连续`X`或`x`（因此`xxgk`不提示），以及`××`、`ＸＸ`、
    /// `某某`、`＊＊`、`20XX年`、`X月X日`、`（此处填写…）`。每处提示一次。
    ///
    /// ## 为什么重要
    /// 出现占位符，说明模板未填写完整。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号将年度报告“发布内容不准确不全面”列为追究责任的情形之一。
    ///
    /// ## 示例
    /// `20XX年，XX局…`。
    C105, "placeholder-text", Warning
}

const LITERAL: &[&str] = &["××", "ＸＸ", "某某", "＊＊", "此处填写"];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    // sentences: HTML tags (attributes may hold `xx`) and line wraps are not prose
    for sn in cx.sentences() {
        let s: &str = &sn.text;
        let mut found: Vec<(usize, usize)> = Vec::new();
        // the literals' first characters: 某 and 此 are keywords, the others rare bytes
        if sn.has(kw::某)
            || sn.has(kw::此)
            || s.contains('×')
            || s.contains('Ｘ')
            || s.contains('＊')
        {
            for lit in LITERAL {
                for i in crate::base::search::find_iter(s, lit) {
                    found.push((i, i + lit.len()));
                }
            }
        }
        if memchr::memchr2(b'X', b'x', s.as_bytes()).is_none() && found.is_empty() {
            continue;
        }
        // runs of X/x not touching other Latin letters, digits other than a year, or URL marks
        let b = s.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'X' || b[i] == b'x' {
                let start = i;
                while i < b.len() && (b[i] == b'X' || b[i] == b'x') {
                    i += 1;
                }
                let run = i - start;
                let before = start.checked_sub(1).map(|k| b[k]);
                let after = b.get(i).copied();
                let latin = |c: Option<u8>| {
                    c.map(|c| {
                        c.is_ascii_alphanumeric()
                            || matches!(c, b'.' | b'@' | b'/' | b':' | b'_' | b'-')
                    })
                    .unwrap_or(false)
                };
                // 20XX年 is a placeholder year; X月X日 a placeholder date
                let year = start >= 2 && &b[start - 2..start] == b"20" && run == 2;
                let date = run == 1 && (s[i..].starts_with('月') || s[i..].starts_with('日'));
                if year {
                    found.push((start - 2, i));
                } else if (run >= 2 && !latin(before) && !latin(after)) || (date && !latin(before))
                {
                    found.push((start, i));
                }
            } else {
                i += 1;
            }
        }
        crate::base::sort::sort(&mut found);
        found.dedup();
        for (a, e) in found {
            let span = sn.span(a, e);
            let t = &s[a..e];
            out.push(
                RULE.finding(format!("正文留有模板占位符“{t}”"))
                    .at(span)
                    .expected("实际内容")
                    .actual(t.to_string())
                    .formula("年度报告不应保留模板占位符")
                    .help("用本机关的实际名称、年份或数字替换占位符"),
            );
        }
    }
}
