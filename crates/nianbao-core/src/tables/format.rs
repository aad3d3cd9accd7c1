//! Which format a report uses (format.md §2, §7): 表二's column headers name it; else the
//! year decides; else 表三's （六） shape. Labels of the pre-2019 tables are collected too.

use super::model::{FormatSignal, FormatSource};
use super::schema::{Format, T2_SIGNALS};
use crate::base::mark;
use crate::base::normalize::strip_parens;
use crate::base::Span;
use crate::document::Doc;

/// Table 二 column headers and row labels that name a format.
pub(super) fn t2_signals(doc: &Doc, lines: std::ops::Range<usize>) -> Vec<FormatSignal> {
    let mut out = Vec::new();
    for li in lines {
        for c in doc.line(li).cells() {
            // every signal has 年, 数 or 金
            if !(c.sig.has(const { mark('年') })
                || c.sig.has(const { mark('数') })
                || c.sig.has(const { mark('金') }))
            {
                continue;
            }
            let nc = c.norm;
            let n = strip_parens(nc);
            for (label, f) in T2_SIGNALS {
                if n.contains(label) {
                    // 处理决定数量 alone is A; 本年处理决定数量 is B
                    out.push(FormatSignal {
                        format: *f,
                        span: c.span,
                        text: c.text.to_string(),
                    });
                    break;
                }
            }
            if n == "处理决定数量" {
                out.push(FormatSignal {
                    format: Format::A,
                    span: c.span,
                    text: c.text.to_string(),
                });
            }
        }
    }
    out
}

/// `第二十条第（九）项` in table 二: a format-A element (S303).
pub(super) fn t2_item9(doc: &Doc, lines: std::ops::Range<usize>) -> Option<Span> {
    for li in lines {
        for c in doc.line(li).cells() {
            if !c.sig.has(const { mark('第') }) {
                continue;
            }
            let n = c.norm;
            if n.contains("第二十条第(九)项") || n.contains("第二十条第九项") {
                return Some(c.span);
            }
        }
    }
    None
}

/// The format by 表二's signals (the majority), else by the year.
pub(super) fn decide(
    signals: &[FormatSignal],
    year: Option<i32>,
) -> Option<(Format, FormatSource)> {
    let a = signals.iter().filter(|s| s.format == Format::A).count();
    let b = signals.iter().filter(|s| s.format == Format::B).count();
    if a + b > 0 {
        Some((
            if a > b { Format::A } else { Format::B },
            FormatSource::Table2,
        ))
    } else {
        year.filter(|y| *y >= 2019).map(|y| {
            (
                if y >= 2021 { Format::B } else { Format::A },
                FormatSource::Year,
            )
        })
    }
}

const PRE_2019: &[&str] = &[
    "当面申请数",
    "传真申请数",
    "电子邮件申请数",
    "网上申请数",
    "信函申请数",
    "否决公开答复总数",
];

/// Statistical labels of the tables before 2019 (S304), anywhere in the document.
pub fn pre2019(doc: &Doc) -> Vec<(Span, &'static str)> {
    let mut out = Vec::new();
    for l in doc.lines() {
        for c in l.cells() {
            // every label is short and has 数 and 请 or 答
            let g = c.sig;
            if g.len >= 30
                || !g.has(const { mark('数') })
                || !(g.has(const { mark('请') }) || g.has(const { mark('答') }))
            {
                continue;
            }
            let n = c.norm;
            if let Some(p) = PRE_2019.iter().find(|p| n.contains(*p)) {
                if n.chars().count() < 30 {
                    out.push((c.span, *p));
                }
            }
        }
    }
    out
}
