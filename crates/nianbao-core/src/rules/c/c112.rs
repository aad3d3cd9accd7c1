use crate::rules::prelude::*;

rule! {
    /// 引用年度报告格式通知的文号不准确
    ///
    /// ## 检查什么
    /// 与含`年度报告`的标题在同一句中引用〔2019〕60号或〔2021〕30号，
    /// 而发文机关代字不是`国办公开办函`的。括号有误的文号由C111提示并给出完整文号，
    /// 此处不再重复提示。
    ///
    /// ## 为什么重要
    /// 发文机关代字简写或有误，所引用的就是一份并不存在的文件。
    ///
    /// ## 依据
    /// 规定年度报告格式的两份通知为国办公开办函〔2019〕60号和国办公开办函〔2021〕30号。
    ///
    /// ## 示例
    /// `《关于政府信息公开工作年度报告有关事项的通知》（国办〔2019〕60号）`。
    C112, "format-notice-citation", Info
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    for sn in cx.sentences() {
        let s: &str = &sn.text;
        if !sn.has(kw::年度报告) {
            continue;
        }
        for (y, n) in [("2019", "60"), ("2021", "30")] {
            for open in ['〔', '﹝'] {
                let close = if open == '〔' { '〕' } else { '﹞' };
                let pat = format!("{open}{y}{close}{n}号");
                for i in crate::base::search::find_iter(s, &pat) {
                    let issuer: String = s[..i]
                        .chars()
                        .rev()
                        .take_while(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                        .take(12)
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .collect();
                    if issuer.is_empty() || issuer == "国办公开办函" {
                        continue;
                    }
                    let span = sn.span(i - issuer.len(), i + pat.len());
                    let want = format!("国办公开办函〔{y}〕{n}号");
                    out.push(RULE.finding(format!("年度报告格式通知的文号应为“{want}”")).at(span).expected(want).actual(cx.text()[span.start..span.end].to_string()).formula("国办公开办函〔2019〕60号（试行格式）、国办公开办函〔2021〕30号（2021年格式）"));
                }
            }
        }
    }
}
