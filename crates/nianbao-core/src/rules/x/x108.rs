use crate::rules::prelude::*;

rule! {
    /// 正文称无依申请公开，但表三有申请
    ///
    /// ## 检查什么
    /// 正文中称没有申请的表述（`未收到…申请`、`未发生…依申请公开`、`没有…申请`、
    /// `申请数为0`、`无…依申请公开`），与表三`一、本年新收政府信息公开申请数量`
    /// 的总计对照；该表述同时涉及结转或办理的，
    /// 还对照`二、上年结转政府信息公开申请数量`和`（七）总计`的总计。涉及行政复议、
    /// 行政诉讼或建议提案的句子，以及涉及其他年份、其他范围的句子，不予检查。
    ///
    /// ## 为什么重要
    /// 读者会按字面理解这一表述；表中有申请的，二者必有一处有误。
    ///
    /// ## 示例
    /// `全年未收到政府信息公开申请`，而`一、本年新收`总计为2。
    X108, "text-no-applications", Warning
}

const CLAIMS: &[(&str, &str)] = &[
    ("未收到", "申请"),
    ("未发生", "依申请"),
    ("没有", "申请"),
    ("无", "依申请公开"),
    ("未受理", "申请"),
];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let Some(t3) = m.t3() else { return };
    for sn in cx.sentences() {
        let s: &str = &sn.text;
        // cheap keyword tests first: most sentences make no claim
        if !sn.has(kw::申请)
            || sn.has_any(&[kw::复议, kw::诉讼, kw::建议, kw::提案])
            || m.prose.scope.excludes(sn)
        {
            continue;
        }
        let claim = CLAIMS.iter().find_map(|(neg, obj)| {
            let i = sn.find(neg)?;
            let j = s[i..].find(obj)? + i;
            (j - i <= 60).then(|| sn.span(i, j + obj.len()))
        });
        let claim = claim.or_else(|| {
            sn.find("申请数为0")
                .map(|i| sn.span(i, i + "申请数为0".len()))
        });
        let Some(span) = claim else { continue };
        let mut rows = vec![T3Row::NewReceived];
        if sn.has(kw::结转) {
            rows.push(T3Row::CarriedOver);
        }
        if sn.has(kw::办理) || sn.has(kw::办结) {
            rows.push(T3Row::TotalProcessed);
        }
        for row in rows {
            let Some(o) = operand(t3, row, T3Col::Total) else {
                continue;
            };
            if o.value > Decimal::ZERO {
                let f = RULE.finding(
                    format!("正文称没有政府信息公开申请，但{}为{}", o.label(), o.value),
                )
                .at(span)
                .expected(o.value.to_string())
                .actual("0（正文称无申请）")
                .formula(format!("正文“无申请”应与 {} 一致", o.label()));
                out.push(with_operands(f, &[&o]));
            }
        }
    }
}
