use crate::rules::prelude::*;

rule! {
    /// “其他需要报告的事项”未说明信息处理费收取情况
    ///
    /// ## 检查什么
    /// 2021年格式报告中，第六部分既未提及`信息处理费`（或`处理费`），
    /// 也未以其他说法说明未收费（`未发生收费情况`、`未收取任何费用`）。
    /// 表三`逾期未按收费通知要求缴纳费用`的总计大于0时，提示措辞更重：
    /// 这表明确曾发出收费通知。
    ///
    /// ## 为什么重要
    /// 自2021年起，报告均在第六部分说明信息处理费的收取情况（或说明未收取）。
    /// 这是通行做法而非明文要求，故为警告。
    ///
    /// ## 依据
    /// 信息处理费依国办函〔2020〕109号（《政府信息公开信息处理费管理办法》）收取。
    ///
    /// ## 示例
    /// 2022年度报告第六部分仅写`无`。
    C107, "fee-not-reported", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    if cx.model.format != Some(Format::B) {
        return;
    }
    let Some((h, body)) = section_body(cx, SectionKey::Other) else {
        return;
    };
    if mentions_fees(&cx.text()[body.start..body.end]) {
        return;
    }
    let fee = cx
        .model
        .t3()
        .as_ref()
        .and_then(|t| operand(t, T3Row::OtherOverdueFee, T3Col::Total))
        .filter(|o| o.value > Decimal::ZERO);
    let mut f = RULE.finding(
        match &fee {
            Some(o) => format!(
                "“{}”未说明信息处理费收取情况，而表三有{}件申请因逾期未缴费未予处理",
                h.title, o.value
            ),
            None => format!("“{}”未说明信息处理费收取情况", h.title),
        },
    )
    .at(h.span)
    .expected("说明收取信息处理费的情况（或未收取）")
    .actual("未提及")
    .formula("依《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）报告信息处理费收取情况");
    if let Some(o) = fee {
        if let Some(s) = o.cell.span {
            f = f.related(s, o.label());
        }
        f = f.cell(o.path());
    }
    out.push(f);
}

/// Does the text report on fees: `信息处理费`, or a statement that none was charged
/// (`未发生收费情况`, `未收取任何费用`, `不涉及收费`)?
fn mentions_fees(body: &str) -> bool {
    ["处理费", "收费", "收取费用", "收取任何费用"]
        .iter()
        .any(|w| crate::base::search::contains(body, w))
}

#[cfg(test)]
mod tests {
    use super::mentions_fees;

    #[test]
    fn statements_that_no_fee_was_charged_report_the_fee() {
        for t in [
            "本年度未收取信息处理费。",
            "本机关未发生收费情况。",
            "本年度未收取任何费用。",
            "不涉及收费。",
            "处理费：不涉及。",
        ] {
            assert!(mentions_fees(t), "{t}");
        }
        for t in ["无其他需要报告的事项。", "本年度无。", "费用预算执行良好。"] {
            assert!(!mentions_fees(t), "{t}");
        }
    }
}
