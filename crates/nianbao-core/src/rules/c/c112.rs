use crate::rules::prelude::*;

rule! {
    /// 引用年度报告格式通知的文号不准确
    ///
    /// ## What it checks
    /// A citation of 〔2019〕60号 or 〔2021〕30号 in the same sentence as a title containing `年度报告`, with an issuer code other than `国办公开办函`. A number written with wrong brackets is reported by C111, which then gives the full number; it is not reported again here.
    ///
    /// ## Why it matters
    /// The two notices that fix the report format are 国办公开办函〔2019〕60号 and 国办公开办函〔2021〕30号; a shortened or wrong issuer code cites a document that does not exist.
    ///
    /// ## Example
    /// `《关于政府信息公开工作年度报告有关事项的通知》（国办〔2019〕60号）`.
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
