use crate::rules::prelude::*;

rule! {
    /// 正文称申请全部办结，但表三有结转下年度的申请
    ///
    /// ## What it checks
    /// A claim that every application was completed (`全部办结`, `均已办结`, `全部办理完毕`, `均已按要求办理完成`, `无结转`) against table 三's `四、结转下年度继续办理` 总计. Claims of replying on time (`均按时答复`, `均在法定期限内答复`) and claims about last year's applications (`上年结转的1件申请已全部办结`) do not count; sentences about 复议/诉讼 or 建议提案 are skipped.
    ///
    /// ## Why it matters
    /// Applications carried forward are not completed; the prose and the table contradict each other.
    ///
    /// ## Example
    /// `所有申请均已办结` with 结转下年度继续办理 总计 = 1.
    X109, "text-all-completed", Warning
}

const CLAIMS: &[&str] = &[
    "全部办结",
    "均已办结",
    "全部办理完毕",
    "均已按要求办理完成",
    "无结转",
];

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let Some(t3) = m.t3() else { return };
    let Some(o) = operand(t3, T3Row::CarriedForward, T3Col::Total) else {
        return;
    };
    if o.value <= Decimal::ZERO {
        return;
    }
    for sn in cx.sentences() {
        let s: &str = &sn.text;
        if !sn.has(kw::申请)
            || !sn.has_any(&[kw::全部办结, kw::均已办结, kw::全部办理完毕, kw::均已按要求办理完成, kw::无结转])
            || sn.has_any(&[kw::复议, kw::诉讼, kw::建议, kw::提案])
            || m.prose.scope.excludes(sn)
        {
            continue;
        }
        let Some((i, c)) = CLAIMS.iter().find_map(|c| sn.find(c).map(|i| (i, *c))) else {
            continue;
        };
        // `上年结转的1件申请已全部办结` is about last year's applications only
        if ["上年结转", "上年度结转", "上一年度结转", "上年遗留"]
            .iter()
            .any(|k| s[..i].contains(k))
        {
            continue;
        }
        let span = sn.span(i, i + c.len());
        let f = RULE.finding(
            format!("正文称申请“{c}”，但{}为{}", o.label(), o.value),
        )
        .at(span)
        .expected("0")
        .actual(o.value.to_string())
        .formula("正文“全部办结”应与 表三 四、结转下年度继续办理 总计 = 0 一致");
        out.push(with_operands(f, &[&o]));
    }
}
