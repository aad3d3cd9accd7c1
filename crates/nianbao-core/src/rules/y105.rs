//! Y105 text-overlap.
use super::{prose, Ctx, Rule};
use crate::doc::Span;
use crate::finding::{Finding, Severity};
use std::collections::HashMap;

pub static RULE: Rule = Rule {
    code: "Y105",
    name: "text-overlap",
    severity: Severity::Warning,
    summary: "正文与上年报告大量重复",
    doc: doc!("## What it checks\nWith last year's report: the share of this year's prose sentences that also occur in last year's prose, against 60%. Sentences are split at `。！？；` and line breaks; digits, whitespace and punctuation are removed; sentences shorter than 15 characters, headings and table text are ignored.\n\n## Why it matters\nThe 2021 notice names 内容雷同; evaluations found reports repeating about 90% of the previous year's text.\n\n## Example\n18 of 24 sentences (75%) also appear in last year's report."),
    check,
};

const THRESHOLD: f64 = 0.6;

/// The comparable sentences of a report: (comparison form, span).
fn sentences(text: &str, m: &crate::model::Model, ss: &[prose::Sentence]) -> Vec<(String, Span)> {
    let heads: Vec<usize> = m.headings.iter().map(|h| h.span.start).collect();
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
            let key: String = part.chars().filter(|c| !(c.is_ascii_digit() || ('０'..='９').contains(c) || crate::normalize::is_space(*c) || c.is_ascii_punctuation() || "，。、；：！？“”‘’（）《》【】〔〕—…·％".contains(*c))).collect();
            if key.chars().count() >= 15 {
                out.push((key, span));
            }
        }
    }
    let _ = text;
    out
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some((pt, pm)) = cx.previous else { return };
    let now = sentences(cx.text, cx.model, &cx.sentences);
    if now.len() < 3 {
        return;
    }
    let last: HashMap<String, Span> = sentences(pt, pm, &prose::sentences(pt, pm)).into_iter().collect();
    let shared: Vec<&(String, Span)> = now.iter().filter(|(k, _)| last.contains_key(k)).collect();
    let ratio = shared.len() as f64 / now.len() as f64;
    if ratio < THRESHOLD {
        return;
    }
    let pct = (ratio * 100.0).round();
    let mut f = Finding::new(&RULE, format!("正文{}句中有{}句与上年报告相同（{pct}%），疑为沿用上年文字", now.len(), shared.len()))
        .at(shared[0].1)
        .expected(format!("低于{}%", THRESHOLD * 100.0))
        .actual(format!("{pct}%（{}/{}）", shared.len(), now.len()))
        .formula("重复率 = 与上年报告相同的句子数 ÷ 本年句子数（不计数字、标点、短句和标题）");
    for (k, s) in shared.iter().take(5) {
        f = f.related(*s, "与上年报告相同的句子");
        if let Some(ps) = last.get(k) {
            f = f.related_previous(*ps, "上年报告中的同一句");
        }
    }
    out.push(f);
}
