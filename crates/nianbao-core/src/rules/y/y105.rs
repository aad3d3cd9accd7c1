use crate::rules::prelude::*;

rule! {
    /// 正文与上年报告大量重复
    ///
    /// ## What it checks
    /// With last year's report: the share of this year's prose sentences that also occur in last year's prose, against 60%. Sentences are split at `。！？；` and line breaks; digits, whitespace and punctuation are removed; sentences shorter than 15 characters, the title, headings and table text are ignored.
    ///
    /// ## Why it matters
    /// The 2021 notice names 内容雷同; evaluations found reports repeating about 90% of the previous year's text.
    ///
    /// ## Example
    /// 18 of 24 sentences (75%) also appear in last year's report.
    Y105, "text-overlap", Warning
}

/// Percent of this year's sentences (integers: no float formatting in the wasm).
const THRESHOLD_PCT: usize = 60;

/// The comparable sentences of a report: (comparison form, span).
fn sentences(text: &str, m: &crate::model::Model, ss: &[crate::text::Sentence]) -> Vec<(String, Span)> {
    // headings and the title (the same every year but for the year) are not prose
    let heads: Vec<usize> = m
        .headings
        .iter()
        .map(|h| h.span.start)
        .chain(m.title().map(|t| t.span.start))
        .collect();
    let mut out = Vec::new();
    for sn in ss {
        let t: &str = &sn.text;
        let mut a = 0;
        for (i, c) in t.char_indices().chain([(t.len(), '；')]) {
            if c != '；' && c != ';' {
                continue;
            }
            let part = &t[a..i];
            let span = sn.span(a, i);
            a = (i + c.len_utf8()).min(t.len());
            if heads.contains(&span.start) {
                continue;
            }
            let key: String = part
                .chars()
                .filter(|c| {
                    !(c.is_ascii_digit()
                        || ('０'..='９').contains(c)
                        || crate::base::normalize::is_space(*c)
                        || c.is_ascii_punctuation()
                        || matches!(*c, '，' | '。' | '、' | '；' | '：' | '！' | '？' | '“' | '”' | '‘' | '’' | '（' | '）' | '《' | '》' | '【' | '】' | '〔' | '〕' | '—' | '…' | '·' | '％'))
                })
                .collect();
            if key.chars().count() >= 15 {
                out.push((key, span));
            }
        }
    }
    let _ = text;
    out
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(pm) = cx.previous else { return };
    let now = sentences(cx.text(), cx.model, cx.sentences());
    if now.len() < 3 {
        return;
    }
    // last year's sentences sorted by their comparison form, for binary search
    let mut last = sentences(pm.text, pm, &pm.prose.sentences);
    crate::base::sort::sort(&mut last);
    let find = |k: &String| {
        last.binary_search_by(|(l, _)| l.cmp(k))
            .ok()
            .map(|i| last[i].1)
    };
    let shared: Vec<&(String, Span)> = now.iter().filter(|(k, _)| find(k).is_some()).collect();
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
    .at(shared[0].1)
    .expected(format!("低于{THRESHOLD_PCT}%"))
    .actual(format!("{pct}%（{}/{}）", shared.len(), now.len()))
    .formula("重复率 = 与上年报告相同的句子数 ÷ 本年句子数（不计数字、标点、短句和标题）");
    for (k, s) in shared.iter().take(5) {
        f = f.related(*s, "与上年报告相同的句子");
        if let Some(ps) = find(k) {
            f = f.related_previous(ps, "上年报告中的同一句");
        }
    }
    out.push(f);
}
