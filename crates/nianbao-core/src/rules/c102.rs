//! C102 statistical-period.
use super::{Ctx, Rule};
use crate::doc::Span;
use crate::finding::{Finding, Severity};

pub static RULE: Rule = Rule {
    code: "C102",
    name: "statistical-period",
    severity: Severity::Warning,
    summary: doc!("统计期限与报告年度不符"),
    doc: doc!("## What it checks\nIf the report states its statistical period (`统计期限`, `统计时间` or `统计期间` followed by dates, possibly over a line break), its first date must be 1月1日 and its last 12月31日 of the report year. Its absence is not a finding; dates that cannot be read are skipped.\n\n## Why it matters\nThe report covers the calendar year (format.md §1); a wrong period is a copied sentence or a wrong year.\n\n## Example\n`统计期限自2022年1月1日起至2022年12月31日止` in a 2023 report."),
    check,
};

/// A date `[YYYY年]M月D日` (spaces allowed) at the start of `s`: (year, month, day, length).
fn date_at(s: &str) -> Option<(Option<i32>, u32, u32, usize)> {
    let mut i = 0;
    let b = s.as_bytes();
    let num = |i: &mut usize| -> Option<u32> {
        while *i < b.len() && b[*i] == b' ' {
            *i += 1;
        }
        let st = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        let v = s[st..*i].parse().ok();
        while *i < b.len() && b[*i] == b' ' {
            *i += 1;
        }
        v
    };
    let eat = |i: &mut usize, c: char| -> bool {
        if s[*i..].starts_with(c) {
            *i += c.len_utf8();
            true
        } else {
            false
        }
    };
    let first = num(&mut i)?;
    let (year, month) = if eat(&mut i, '年') {
        (Some(first as i32), num(&mut i)?)
    } else {
        (None, first)
    };
    if !eat(&mut i, '月') {
        return None;
    }
    let day = num(&mut i)?;
    if !eat(&mut i, '日') {
        return None;
    }
    Some((year, month, day, i))
}

fn check(cx: &Ctx, out: &mut Vec<Finding>) {
    let Some(year) = cx.model.year else { return };
    for line in &cx.model.prose {
        let s = &cx.text[line.start..line.end];
        let Some(k) = ["统计期限", "统计时间", "统计期间"].iter().find_map(|k| s.find(k).map(|i| i + k.len())) else { continue };
        // the sentence may wrap onto the next line
        let from = line.start + k;
        let window_end = cx.text[from..].char_indices().nth(120).map(|(i, _)| from + i).unwrap_or(cx.text.len());
        let w = &cx.text[from..window_end];
        let w = &w[..w.find('。').unwrap_or(w.len())];
        let mut dates: Vec<(Span, i32, u32, u32)> = Vec::new();
        let mut last_year = None;
        let mut i = 0;
        while i < w.len() {
            if w.as_bytes()[i].is_ascii_digit() && (i == 0 || !w.as_bytes()[i - 1].is_ascii_digit()) {
                if let Some((y, m, d, len)) = date_at(&w[i..]) {
                    let y = y.or(last_year);
                    if let Some(y) = y {
                        let raw = w[i..i + len].trim_end();
                        dates.push((Span::new(from + i, from + i + raw.len()), y, m, d));
                        last_year = Some(y);
                    }
                    i += len;
                    continue;
                }
            }
            i += w[i..].chars().next().map(char::len_utf8).unwrap_or(1);
        }
        let (Some(first), Some(last)) = (dates.first(), dates.last()) else { continue };
        if dates.len() < 2 {
            continue;
        }
        for (d, want) in [(first, (year, 1, 1)), (last, (year, 12, 31))] {
            if (d.1, d.2, d.3) != want {
                out.push(
                    Finding::new(&RULE, format!("统计期限的日期“{}”与报告年度{year}年不符", &cx.text[d.0.start..d.0.end]))
                        .at(d.0)
                        .expected(format!("{year}年1月1日至{year}年12月31日"))
                        .actual(format!("{}年{}月{}日", d.1, d.2, d.3))
                        .formula("统计期限为报告年度的1月1日至12月31日"),
                );
            }
        }
        break;
    }
}
