use crate::rules::prelude::*;

rule! {
    /// 正文称申请均予以公开，但表三有其他办理结果
    ///
    /// ## 检查什么
    /// 正文中称本年申请全部予以公开的表述（`全部予以公开`、`均予以公开`），
    /// 与表三`（一）予以公开`以外的各办理结果行对照：其中任一行总计大于0即提示。
    ///
    /// ## 为什么重要
    /// 部分公开、不予公开及其他办理结果均与“全部予以公开”相矛盾，正文夸大了办理结果。
    ///
    /// ## 示例
    /// `申请均予以公开`，而`（二）部分公开`总计为3。
    X110, "text-all-granted", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let m = cx.model;
    let Some(t3) = m.t3() else { return };
    let others: Vec<_> = t3
        .rows
        .iter()
        .filter(|r| {
            r.kind == RowKind::Official
                && !matches!(
                    r.key,
                    RowKey::T3(
                        T3Row::NewReceived
                            | T3Row::CarriedOver
                            | T3Row::Granted
                            | T3Row::TotalProcessed
                            | T3Row::CarriedForward
                    )
                )
        })
        .filter_map(|r| operand(t3, r.key, T3Col::Total))
        .filter(|o| o.value > Decimal::ZERO)
        .collect();
    if others.is_empty() {
        return;
    }
    for sn in cx.sentences() {
        if !sn.has(kw::予以公开)
            || !sn.has(kw::申请)
            || sn.has_any(&[kw::复议, kw::诉讼])
            || !sn.has_any(&[kw::全部予以公开, kw::均予以公开])
            || m.prose.scope.excludes(sn)
        {
            continue;
        }
        let Some((i, c)) = ["全部予以公开", "均予以公开"]
            .iter()
            .find_map(|c| sn.find(c).map(|i| (i, *c)))
        else {
            continue;
        };
        let sum = others.iter().fold(Decimal::ZERO, |a, o| a + o.value);
        let f = RULE.finding(
            format!("正文称申请“{c}”，但表三还有其他办理结果共{sum}件"),
        )
        .at(sn.span(i, i + c.len()))
        .expected("0")
        .actual(sum.to_string())
        .formula("正文“均予以公开”应与表三（一）以外的办理结果总计均为0一致");
        out.push(with_operands(f, &others.iter().collect::<Vec<_>>()));
    }
}
