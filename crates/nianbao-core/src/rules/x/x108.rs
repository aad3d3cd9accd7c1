use crate::rules::prelude::*;

rule! {
    /// 正文称无依申请公开，但表三有申请
    ///
    /// ## What it checks
    /// A claim of no applications in the prose (`未收到…申请`, `未发生…依申请公开`, `没有…申请`, `申请数为0`, `无…依申请公开`) against table 三's `一、本年新收` 总计; if the claim also covers 结转 or 办理, `二、上年结转` and `（七）总计` too. Sentences about 行政复议/诉讼 or 建议提案, another year or another scope are skipped.
    ///
    /// ## Why it matters
    /// Readers take the sentence at its word; if the table has applications, one of the two is wrong.
    ///
    /// ## Example
    /// `全年未收到政府信息公开申请` while 一、本年新收 总计 = 2.
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
