use crate::rules::figures::check_counts;
use crate::rules::prelude::*;
use crate::text::figures::Kind;

rule! {
    /// 正文所述办理结果件数与表三不符
    ///
    /// ## What it checks
    /// Outcome figures against table 三's 总计 column: `予以公开 N 件` → （一）, `部分公开` → （二）, `不予公开` → Σ（三）1–8, `无法提供` → Σ（四）1–3, `不予处理` → Σ（五）1–5, `其他处理` → （六） (Σ（六）1–3 in the 2021 format), `予以公开和部分公开` → （一）+（二）, and sub-reasons (`本机关不掌握…`, `重复申请` …) → that row.
    ///
    /// ## Why it matters
    /// As X101.
    ///
    /// ## Example
    /// `无法提供265件` while the table has 265 + 47 + 25 → expected 337.
    X105, "text-outcome-count", Warning
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    check_counts(cx, out, &RULE, |k| matches!(k, Kind::Outcome(..)));
}
