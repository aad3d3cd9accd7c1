use crate::rules::prelude::*;

rule! {
    /// 正文称申请全部办结，但表三有结转下年度的申请
    ///
    /// ## 检查什么
    /// 正文中称申请全部办结的表述（`全部办结`、`均已办结`、
    /// `全部办理完毕`、`均已按要求办理完成`、`无结转`），
    /// 与表三`四、结转下年度继续办理`的总计对照。
    /// 称按时答复的表述（`均按时答复`、`均在法定期限内答复`）
    /// 和仅涉及上年申请的表述（`上年结转的1件申请已全部办结`）不计入；涉及复议、
    /// 诉讼或建议提案的句子不予检查。
    ///
    /// ## 为什么重要
    /// 结转下年度的申请尚未办结，正文与表格相互矛盾。
    ///
    /// ## 示例
    /// `所有申请均已办结`，而`结转下年度继续办理`总计为1。
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
