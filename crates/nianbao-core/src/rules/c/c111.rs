use crate::rules::prelude::*;

rule! {
    /// 文号的年份未使用六角括号〔〕
    ///
    /// ## 检查什么
    /// 正文中`<发文机关代字><括号>YYYY<括号>N号`形式的文号，其年份用`【】`、`[]`、
    /// `［］`、`()`、`（）`或`〈〉`而非`〔〕`括入的（`﹝﹞`外观相同，视为正确）。
    /// 文号为两份全国格式通知之一（2019年60号、2021年30号）的，提示中还给出完整的正确文号。
    ///
    /// ## 为什么重要
    /// 已公开的报告中括号用错，是显而易见的格式错误；引用格式通知时括号有误，
    /// 往往同时写错了发文机关代字。
    ///
    /// ## 依据
    /// GB/T 9704—2012《党政机关公文格式》第7.2.5条：发文字号中的年份用六角括号“〔〕”括入。
    ///
    /// ## 示例
    /// 周口市科技局2019年度报告引用`国办【2019】60号`，应为`国办公开办函〔2019〕60号`。
    C111, "document-number-brackets", Warning
}

const WRONG: &[(char, char)] = &[
    ('【', '】'),
    ('[', ']'),
    ('［', '］'),
    ('(', ')'),
    ('（', '）'),
    ('〈', '〉'),
];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for sn in cx.sentences() {
        // a document number ends in 号
        if !sn.has(kw::号) {
            continue;
        }
        let s: &str = &sn.text;
        for (i, open) in s.char_indices() {
            let Some(&(_, close)) = WRONG.iter().find(|(o, _)| *o == open) else {
                continue;
            };
            let after = &s[i + open.len_utf8()..];
            let year = after.trim_start();
            if year.len() < 4
                || !year.as_bytes()[..4].iter().all(u8::is_ascii_digit)
                || !year.starts_with("20")
            {
                continue;
            }
            let rest = year[4..].trim_start();
            let Some(rest) = rest.strip_prefix(close) else {
                continue;
            };
            let num_len = rest.chars().take_while(|c| c.is_ascii_digit()).count();
            if num_len == 0 || !rest[num_len..].trim_start().starts_with('号') {
                continue;
            }
            // the issuer: the Han characters right before the bracket
            let issuer: String = s[..i]
                .chars()
                .rev()
                .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                .take(12)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            if issuer.is_empty() {
                continue;
            }
            let start = i - issuer.len();
            let tail = rest[num_len..].trim_start();
            let end = s.len() - tail.len() + '号'.len_utf8();
            let span = sn.span(start, end);
            let y = &year[..4];
            let n = &rest[..num_len];
            let written = &s[start..end];
            let mut msg = format!("文号“{written}”的年份应使用六角括号“〔〕”");
            if (y == "2019" && n == "60") || (y == "2021" && n == "30") {
                msg.push_str(&format!("；该文为政府信息公开工作年度报告格式通知，完整文号为“国办公开办函〔{y}〕{n}号”"));
            }
            out.push(
                RULE.finding(msg)
                    .at(span)
                    .expected(format!("〔{y}〕"))
                    .actual(format!("{open}{y}{close}"))
                    .formula("发文字号中的年份用六角括号“〔〕”括入（GB/T 9704—2012 §7.2.5）")
                    .help("按 GB/T 9704—2012，发文字号中的年份用六角括号“〔〕”括入"),
            );
        }
    }
}
