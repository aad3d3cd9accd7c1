use crate::rules::prelude::*;

rule! {
    /// 正文与上年报告大量重复
    ///
    /// ## 检查什么
    /// 提供上年报告时，计算本年正文句子中同样出现在上年正文中的比例，以60%为限。
    /// 句子按`。！？；`和换行切分，并去除数字、空白和标点；少于15个字的句子、报告标题、
    /// 各级标题和表格文字不计入。
    ///
    /// ## 为什么重要
    /// 评估发现，有的报告约90%的文字与上年重复。
    ///
    /// ## 依据
    /// 国办公开办函〔2021〕30号将年度报告“内容雷同”列为追究责任的情形之一。
    ///
    /// ## 示例
    /// 24个句子中有18个（75%）同样出现在上年报告中。
    Y105, "text-overlap", Warning
}

/// Percent of this year's sentences (integers: no float formatting in the wasm).
const THRESHOLD_PCT: usize = 60;

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(pm) = cx.previous else { return };
    let now = comparable(cx.model, 15);
    if now.len() < 3 {
        return;
    }
    let shared = shared_sentences(&now, comparable(pm, 15));
    if shared.len() * 100 < THRESHOLD_PCT * now.len() {
        return;
    }
    let pct = (shared.len() * 100 + now.len() / 2) / now.len();
    let mut f = RULE.finding(
        format!(
            "正文{}句中有{}句与上年报告相同（{pct}%），疑为沿用上年文字",
            now.len(),
            shared.len()
        ),
    )
    .at(shared[0].0 .1)
    .expected(format!("低于{THRESHOLD_PCT}%"))
    .actual(format!("{pct}%（{}/{}）", shared.len(), now.len()))
    .formula("重复率 = 与上年报告相同的句子数 ÷ 本年句子数（不计数字、标点、短句和标题）");
    for ((_, s), ps) in shared.iter().take(5) {
        f = f
            .related(*s, "与上年报告相同的句子")
            .related_previous(*ps, "上年报告中的同一句");
    }
    out.push(f);
}
