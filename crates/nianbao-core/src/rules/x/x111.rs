use crate::rules::prelude::*;

rule! {
    /// 正文所述行政复议、行政诉讼件数与表四不符
    ///
    /// ## 检查什么
    /// 正文所述件数：`(被申请)行政复议 N 件/起/次/宗`对照表四`行政复议`
    /// 的总计；`(被提起)行政诉讼 N 件/起/次/宗`对照`未经复议直接起诉`总计与`复议后起诉`
    /// 总计之和；`未发生…行政复议…诉讼`对照二者均为0。
    /// 涉及其他年份或其他范围（`全市`、`全省`等）的句子不予检查。
    ///
    /// ## 为什么重要
    /// 正文与表四反映的是同一批案件，两者不一致，说明其中必有一处有误。
    ///
    /// ## 示例
    /// `行政诉讼 46 件`，对照26 + 20，一致（淮安市人民政府2024年度报告）。
    X111, "text-review-litigation-count", Warning
}

const UNITS: &[&str] = &["件", "起", "次", "宗", "个"];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let Some(t4) = m.t4() else { return };
    let review = operand(t4, T4Group::Review, T4Col::Total);
    let direct = operand(t4, T4Group::LitigationDirect, T4Col::Total);
    let after = operand(t4, T4Group::LitigationAfterReview, T4Col::Total);
    for sn in cx.sentences() {
        let s: &str = &sn.text;
        if !(sn.has(kw::行政复议) || sn.has(kw::行政诉讼)) || m.prose.scope.excludes(sn)
        {
            continue;
        }
        // a claim of none: 未发生/没有 … 行政复议 … 诉讼
        let neg = ["未发生", "没有"].iter().find_map(|k| sn.find(k));
        // (about 行政复议 rather than 行政诉讼, the number, where)
        let mut claims: Vec<(bool, i64, Span)> = Vec::new();
        for (word, key) in [("行政复议", true), ("行政诉讼", false)] {
            if let Some(i) = sn.find(word) {
                // 行政复议 N 件 / 行政复议案件 N 件 / 行政复议申请共 N 件
                if let Some((n, a, b, _)) = crate::text::numbers::number_after(s, i + word.len(), 6, UNITS, false)
                {
                    claims.push((key, n, sn.span(a, b)));
                }
            }
        }
        if let (true, Some(i)) = (claims.is_empty(), neg) {
            if let (Some(_), Some(j)) = (s[i..].find("行政复议"), s[i..].find("诉讼")) {
                let span = sn.span(i, i + j + "诉讼".len());
                claims.push((true, 0, span));
                claims.push((false, 0, span));
            }
        }
        for (key, n, span) in claims {
            let ops: Vec<_> = match key {
                true => review.iter().collect(),
                _ => match (&direct, &after) {
                    (Some(d), Some(a)) => vec![d, a],
                    _ => vec![],
                },
            };
            if ops.is_empty() {
                continue;
            }
            let total = ops.iter().fold(Decimal::ZERO, |acc, o| acc + o.value);
            if total.as_i64() == Some(n) {
                continue;
            }
            let what = if key {
                "行政复议"
            } else {
                "行政诉讼"
            };
            let f = RULE.finding(format!("正文所述{what}{n}件与表四不符"))
                .at(span)
                .expected(total.to_string())
                .actual(n.to_string())
                .formula(if key {
                    "正文“行政复议”件数 = 表四 行政复议 总计".to_string()
                } else {
                    "正文“行政诉讼”件数 = 表四 未经复议直接起诉 总计 + 复议后起诉 总计".to_string()
                });
            out.push(with_operands(f, &ops));
        }
    }
}
